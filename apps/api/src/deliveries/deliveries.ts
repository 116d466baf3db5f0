import { UpdateId } from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { networkScope } from "../auth/caller.js"
import type { ApiEnv } from "../http/env.js"
import { Page } from "../http/pagination.js"
import { answer, authorize, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "../resources/organisation-resource.js"
import { DeliveriesQuery, OfficeDelivery } from "./delivery-schemas.js"
import { authorizeView, authorizeViewOfUpdate } from "./office-access.js"

const UpdateParam = Schema.Struct({ id: UpdateId })
const DeliveryParam = Schema.Struct({ id: Schema.String.pipe(Schema.check(Schema.isNonEmpty())) })

/** Delivery state the network office can see: every delivery, its attempts and errors, and a retry. */
export const deliveriesRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  const tags = ["deliveries"]

  router.get(
    "/updates/:id/deliveries",
    describeRoute({
      tags,
      summary:
        "Every delivery of an update: person, region, channel, state, attempts, last error, bridge, receipts",
      description:
        "Admin, or an editor who may publish the update by the publishing rule (the group editor of its theme " +
        "group; a region editor when it reaches only its own region). Filter with `state`; ordered by person, in cursor pages.",
      responses: { 200: jsonResponse("A page of deliveries", Page(OfficeDelivery)), ...problemResponses },
    }),
    pathParams(UpdateParam),
    queryOf(DeliveriesQuery),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const update = yield* context.backend.updates.get(c.req.valid("param").id)
          yield* authorizeViewOfUpdate(yield* currentNetwork(context), c.get("caller"), update)
          return yield* context.backend.office.deliveriesOfUpdate(update.id, c.req.valid("query"))
        }),
      ),
  )

  router.get(
    "/deliveries",
    describeRoute({
      tags,
      summary:
        "Deliveries of every update, e.g. `?state=dead`: what never reached anyone, with the error (admin)",
      description: "Admin only: it spans every region and theme group. Ordered by person, in cursor pages.",
      responses: { 200: jsonResponse("A page of deliveries", Page(OfficeDelivery)), ...problemResponses },
    }),
    queryOf(DeliveriesQuery),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          yield* authorizeView(c.get("caller"), networkScope)
          return yield* context.backend.office.deliveries(c.req.valid("query"))
        }),
      ),
  )

  router.post(
    "/deliveries/:id/retry",
    describeRoute({
      tags,
      summary: "Send a dead or failed delivery again, now (admin)",
      description:
        "Admin only. The delivery becomes pending and due at once; its attempts are kept and the retry is " +
        "audited. 409 for a delivery in any other state (it is still on its way, or already settled); 404 for an " +
        "unknown id.",
      responses: { 200: jsonResponse("The delivery, pending again", OfficeDelivery), ...problemResponses },
    }),
    pathParams(DeliveryParam),
    (c) => {
      const caller = c.get("caller")
      return answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          return yield* context.backend.office.retry(caller, c.req.valid("param").id)
        }),
      )
    },
  )

  return router
}
