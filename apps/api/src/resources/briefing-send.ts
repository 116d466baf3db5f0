import { RegionId } from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { networkScope } from "../auth/caller.js"
import type { ApiEnv } from "../http/env.js"
import { answer, authorize, type RouteContext } from "../http/route-context.js"
import { jsonResponse, pathParams } from "../http/validation.js"
import { problemResponses } from "./organisation-resource.js"

export const BriefingRequestView = Schema.Struct({
  id: Schema.String,
  regionId: RegionId,
  requestedAt: Schema.String,
}).annotate({ identifier: "BriefingRequest" })

/**
 * "regelbundna möten med hälso- och sjukvårdsdirektören": the network office can send one
 * region's briefing now, before a meeting, without waiting for the schedule. The mail schedule
 * sends it on its next pass (within a minute) to the region's management.
 */
export const briefingSendRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  router.post(
    "/regions/:id/briefing/send",
    describeRoute({
      tags: ["analysis"],
      summary:
        "Send one region's management briefing now (admin); the mail schedule sends it within a minute",
      responses: {
        202: jsonResponse("The briefing is on its way", BriefingRequestView),
        ...problemResponses,
      },
    }),
    pathParams(Schema.Struct({ id: RegionId })),
    (c) => {
      const caller = c.get("caller")
      return answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          return yield* context.backend.changes.requestBriefing(caller, c.req.valid("param").id)
        }),
        202,
      )
    },
  )
  return router
}
