import type { Hono } from "hono"
import { registerAuditRoutes } from "./audit-routes.js"
import type { OfficeKit } from "./office-kit.js"
import { registerPeopleRoutes } from "./people-routes.js"
import { registerProposalRoutes } from "./proposals-routes.js"
import { registerRegionalBodyRoutes } from "./regional-bodies-routes.js"
import { registerRosterRoutes } from "./roster-routes.js"
import { registerTokenRoutes } from "./tokens-routes.js"

/** People, roles, follows and regional bodies; the roster; proposals; tokens; the audit log. */
export const registerAdminRoutes = (app: Hono, kit: OfficeKit) => {
  registerRosterRoutes(app, kit)
  registerPeopleRoutes(app, kit)
  registerRegionalBodyRoutes(app, kit)
  registerProposalRoutes(app, kit)
  registerTokenRoutes(app, kit)
  registerAuditRoutes(app, kit)
}
