import {
  Audience,
  DeliveryId,
  DisseminationPlan,
  type Network,
  passOnLine,
  planDissemination,
  Receipt,
  ReceiptKind,
  RegionId,
  ResolvedAudience,
  reachFunnel,
  refuseMergedInUpdate,
  resolveAudience,
  type Update,
  UpdateId,
  UpdateKind,
} from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { regionScope } from "../auth/caller.js"
import type { PublishResult } from "../backend.js"
import type { ApiEnv } from "../http/env.js"
import { Page, PageQuery } from "../http/pagination.js"
import {
  answer,
  answerCached,
  answerChange,
  authorize,
  currentNetwork,
  type RouteContext,
} from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { toStore } from "../resources/content.js"
import { problemResponses } from "../resources/organisation-resource.js"
import { authorizePublish } from "./publish-scope.js"
import { UpdateListFilters, updateListFilter } from "./update-list-query.js"
import { UpdateRequest, type UpdateView, UpdateView as UpdateViewSchema } from "./update-schemas.js"

const PassOnLine = Schema.Struct({ sv: Schema.String, en: Schema.String })

const FunnelCounts = Schema.Struct({
  delivered: Schema.Int,
  read: Schema.Int,
  passedOn: Schema.Int,
  acted: Schema.Int,
})

/** Core's reach funnel as it travels: "från information till handling". */
export const ReachFunnel = Schema.Struct({
  total: FunnelCounts,
  byUpdate: Schema.Array(Schema.Struct({ updateId: UpdateId, counts: FunnelCounts })),
  byRegion: Schema.Array(Schema.Struct({ regionId: RegionId, counts: FunnelCounts })),
}).annotate({ identifier: "ReachFunnel" })

export const AudiencePreview = Schema.Struct({
  ...ResolvedAudience.fields,
  /** "Sprid vidare till: …" for this audience. */
  passOnLine: PassOnLine,
}).annotate({ identifier: "AudiencePreview" })

const PreviewRequest = Schema.Struct({ audience: Audience })

/** Publish a new update, or a stored draft by its id. */
const PublishRequest = Schema.Union([
  Schema.Struct({ update: UpdateRequest }),
  Schema.Struct({ draftId: UpdateId }),
])

const Bridged = Schema.Struct({
  regionId: Schema.String,
  via: Schema.Literals(["contactPerson", "processLeader"]),
})

/** What publishing did, in numbers a person can check at a glance. */
export const PlanSummary = Schema.Struct({
  deliveries: Schema.Int,
  suppressed: Schema.Int,
  recipients: Schema.Int,
  byChannel: Schema.Struct({ email: Schema.Int, slack: Schema.Int }),
  bridges: Schema.Array(Bridged),
  unreachableRegions: DisseminationPlan.fields.unreachableRegions,
  skipped: Schema.Int,
  passOnLine: PassOnLine,
})

const Published = Schema.Struct({ update: UpdateViewSchema, plan: PlanSummary }).annotate({
  identifier: "Published",
})

const summarise = (plan: DisseminationPlan, result: PublishResult) => {
  const bridges = new Map<string, { regionId: string; via: "contactPerson" | "processLeader" }>()
  for (const delivery of plan.deliveries) {
    if (delivery.bridge !== undefined)
      bridges.set(`${delivery.bridge.regionId}/${delivery.bridge.via}`, delivery.bridge)
  }
  return {
    update: result.update,
    plan: {
      deliveries: result.deliveries,
      suppressed: result.suppressed,
      recipients: new Set(plan.deliveries.map((d) => d.personId)).size,
      byChannel: {
        email: plan.deliveries.filter((d) => d.channel === "email").length,
        slack: plan.deliveries.filter((d) => d.channel === "slack").length,
      },
      bridges: [...bridges.values()],
      unreachableRegions: plan.unreachableRegions,
      skipped: plan.skipped.length,
      passOnLine: plan.passOnLine,
    },
  }
}

const asCoreUpdate = (update: UpdateView): Update => ({
  id: update.id,
  kind: update.kind,
  title: update.title,
  audience: update.audience,
  ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
})

const UpdateParam = Schema.Struct({ id: UpdateId })

const UpdatesQuery = Schema.Struct({
  ...PageQuery,
  ...UpdateListFilters,
  kind: Schema.optionalKey(UpdateKind),
  published: Schema.optionalKey(Schema.Literals(["true", "false"])),
})

const ReceiptRequest = Schema.Struct({ deliveryId: DeliveryId, kind: ReceiptKind })

const ReceiptsQuery = Schema.Struct({
  ...PageQuery,
  deliveryId: Schema.optionalKey(DeliveryId),
  updateId: Schema.optionalKey(UpdateId),
})

/** Audiences, publishing, plans, the reach funnel and receipts. */
export const disseminationRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()

  router.post(
    "/audiences/preview",
    describeRoute({
      tags: ["dissemination"],
      summary: "Every recipient an audience reaches, with their reasons; nothing is sent",
      responses: { 200: jsonResponse("The resolved audience", AudiencePreview), ...problemResponses },
    }),
    jsonBody(PreviewRequest),
    (c) => {
      const { audience } = c.req.valid("json")
      // Previews of the same audience over the same network are the same answer.
      return answerCached(c, context, `preview:${JSON.stringify(audience)}`, (network) =>
        preview(network, audience),
      )
    },
  )

  router.get(
    "/updates",
    describeRoute({
      tags: ["dissemination"],
      summary: "List updates of every kind, newest first",
      responses: { 200: jsonResponse("A page of updates", Page(UpdateViewSchema)), ...problemResponses },
    }),
    queryOf(UpdatesQuery),
    (c) => {
      const { published, themeGroupId, tag, q, ...query } = c.req.valid("query")
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) =>
            context.backend.updates.list({
              ...query,
              ...updateListFilter(network, {
                ...(themeGroupId === undefined ? {} : { themeGroupId }),
                ...(tag === undefined ? {} : { tag }),
                ...(q === undefined ? {} : { q }),
              }),
              ...(published === undefined ? {} : { published: published === "true" }),
            }),
          ),
        ),
      )
    },
  )

  router.post(
    "/updates",
    describeRoute({
      tags: ["dissemination"],
      summary: "Publish an update (or a stored draft) to its audience; answers the plan's summary",
      responses: { 201: jsonResponse("The published update and its plan", Published), ...problemResponses },
    }),
    jsonBody(PublishRequest),
    (c) => {
      const request = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          if ("draftId" in request) {
            const draft = yield* context.backend.updates.get(request.draftId)
            yield* authorizePublish(network, caller, draft)
            yield* refuseMergedInUpdate(network, draft)
            const plan = yield* planDissemination(network, asCoreUpdate(draft))
            return summarise(plan, yield* context.backend.updates.publishDraft(caller, draft.id, plan))
          }
          const update = toStore(request.update)
          yield* authorizePublish(network, caller, update)
          yield* refuseMergedInUpdate(network, update)
          const plan = yield* planDissemination(network, {
            id: update.id,
            kind: update.details.kind,
            title: update.title,
            audience: update.audience,
            ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
          })
          return summarise(plan, yield* context.backend.updates.publish(caller, update, plan))
        }),
        201,
      )
    },
  )

  router.get(
    "/updates/:id",
    describeRoute({
      tags: ["dissemination"],
      summary: "Read an update of any kind",
      responses: { 200: jsonResponse("The update", UpdateViewSchema), ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) => answer(c, context.backend.updates.get(c.req.valid("param").id)),
  )

  router.get(
    "/updates/:id/plan",
    describeRoute({
      tags: ["dissemination"],
      summary: "Who the update reaches, on which channel, through which bridge, as the network stands now",
      responses: { 200: jsonResponse("The dissemination plan", DisseminationPlan), ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const update = yield* context.backend.updates.get(c.req.valid("param").id)
          const network = yield* currentNetwork(context)
          return yield* planDissemination(network, asCoreUpdate(update))
        }),
      ),
  )

  router.get(
    "/updates/:id/funnel",
    describeRoute({
      tags: ["dissemination"],
      summary: "From information to action: delivered, read, passed on, acted — in total and per region",
      responses: { 200: jsonResponse("The reach funnel", ReachFunnel), ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const update = yield* context.backend.updates.get(c.req.valid("param").id)
          const { deliveries, receipts } = yield* context.backend.reach.ofUpdate(update.id)
          return reachFunnel(deliveries, receipts)
        }),
      ),
  )

  router.get(
    "/receipts",
    describeRoute({
      tags: ["receipts"],
      summary: "List receipts",
      responses: { 200: jsonResponse("A page of receipts", Page(Receipt)), ...problemResponses },
    }),
    queryOf(ReceiptsQuery),
    (c) => answer(c, context.backend.reach.receipts(c.req.valid("query"))),
  )

  router.post(
    "/receipts",
    describeRoute({
      tags: ["receipts"],
      summary: "Mark a delivery read, passed on or acted on",
      responses: { 201: jsonResponse("The stored receipt", Receipt), ...problemResponses },
    }),
    jsonBody(ReceiptRequest),
    (c) => {
      const { deliveryId, kind } = c.req.valid("json")
      const caller = c.get("caller")
      return answer(
        c,
        Effect.gen(function* () {
          const delivery = yield* context.backend.reach.delivery(deliveryId)
          yield* authorize(caller, regionScope(delivery.regionId))
          return yield* context.backend.reach.recordReceipt(caller, {
            deliveryId,
            kind,
            at: new Date().toISOString(),
            personId: delivery.personId,
          })
        }),
        201,
      )
    },
  )

  return router
}

/** A preview naming a merged group answers 409 saying where its people went, never a silent 0. */
const preview = (network: Network, audience: Audience) =>
  refuseMergedInUpdate(network, { audience }).pipe(
    Effect.andThen(resolveAudience(network, audience)),
    Effect.map((resolved) => ({ ...resolved, passOnLine: passOnLine(network, resolved.contributions) })),
  )
