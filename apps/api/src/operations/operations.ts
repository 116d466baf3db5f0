import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { networkScope } from "../auth/caller.js"
import { AuditEntryView, AuditQuery, Suppression } from "../deliveries/delivery-schemas.js"
import { authorizeView } from "../deliveries/office-access.js"
import { notFound } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { Page, PageQuery } from "../http/pagination.js"
import { answer, authorize, type RouteContext } from "../http/route-context.js"
import { jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "../resources/organisation-resource.js"

const SuppressionsQuery = Schema.Struct({ ...PageQuery })
const EmailParam = Schema.Struct({
  email: Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
})

/** The suppression list and the audit log: the network office's (admin) view of what happened. */
export const operationsRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()

  router.get(
    "/suppressions",
    describeRoute({
      tags: ["suppressions"],
      summary: "Addresses no mail goes to (bounced, reported as spam, unsubscribed), with the reason (admin)",
      description: "Admin only. Ordered by address, in cursor pages.",
      responses: {
        200: jsonResponse("A page of suppressed addresses", Page(Suppression)),
        ...problemResponses,
      },
    }),
    queryOf(SuppressionsQuery),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          yield* authorizeView(c.get("caller"), networkScope, "the suppression list")
          return yield* context.backend.office.suppressions(c.req.valid("query"))
        }),
      ),
  )

  router.delete(
    "/suppressions/:email",
    describeRoute({
      tags: ["suppressions"],
      summary: "Let mail reach an address again (admin)",
      description:
        "Admin only. The address is matched without regard to case; the removal is audited. 404 when the " +
        "address is not suppressed.",
      responses: { 204: { description: "Mail may reach the address again" }, ...problemResponses },
    }),
    pathParams(EmailParam),
    async (c) => {
      const caller = c.get("caller")
      const { email } = c.req.valid("param")
      const response = await answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          const released = yield* context.backend.office.releaseSuppression(caller, email)
          if (!released) return yield* notFound(`"${email}" is not on the suppression list.`)
        }),
      )
      return response.ok ? c.body(null, 204) : response
    },
  )

  router.get(
    "/audit",
    describeRoute({
      tags: ["audit"],
      summary: "Who changed what and when: the audit log, newest first (admin)",
      description:
        "Admin only. Filter by `entity` (and `entityId`), `actor` (`token:<id>` for API tokens) and a time range " +
        "`from` (inclusive) – `to` (exclusive); in cursor pages.",
      responses: { 200: jsonResponse("A page of audit entries", Page(AuditEntryView)), ...problemResponses },
    }),
    queryOf(AuditQuery),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          yield* authorizeView(c.get("caller"), networkScope, "the audit log")
          return yield* context.backend.office.audit(c.req.valid("query"))
        }),
      ),
  )

  return router
}
