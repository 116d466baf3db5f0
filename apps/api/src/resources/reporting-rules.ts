import { ReportingRelation, ReportingRule, Role } from "@spridning/core"
import { Schema, Struct } from "effect"
import { networkScope, regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/**
 * "vem/vilka rapportera till, vem få input ifrån?" The network's defaults belong to the network
 * office; a region's own rules to that region's editor.
 */
export const reportingRulesRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "reportingRule",
    plural: "reporting rules",
    schema: ReportingRule,
    patch: ReportingRule.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.reportingRules,
    filters: {
      /** A region's id, or `default` for the network's defaults. */
      regionId: Schema.optionalKey(Schema.String),
      relation: Schema.optionalKey(ReportingRelation),
      from: Schema.optionalKey(Role),
    },
    matches: (rule, filter) =>
      (filter.regionId === undefined ||
        (filter.regionId === "default" ? rule.regionId === undefined : rule.regionId === filter.regionId)) &&
      (filter.relation === undefined || rule.relation === filter.relation) &&
      (filter.from === undefined || rule.from === filter.from),
    scopeOf: (rule) => (rule.regionId === undefined ? networkScope : regionScope(rule.regionId)),
  })
