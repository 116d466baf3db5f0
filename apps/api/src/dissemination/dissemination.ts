import {
  Audience,
  bridgesOf,
  DeliveryId,
  DeliveryState,
  DisseminationPlan,
  deliveryFunnel,
  type Network,
  planDissemination,
  planReach,
  previewDissemination,
  Receipt,
  ReceiptKind,
  RegionId,
  ResolvedAudience,
  refuseMergedInUpdate,
  ThemeGroupId,
  type Update,
  UpdateId,
  UpdateKind,
} from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { regionScope } from "../auth/caller.js"
import type { PublishResult } from "../backend.js"
import { IsoInstant, StoredPlanView } from "../deliveries/delivery-schemas.js"
import { authorizeView, authorizeViewOfUpdate } from "../deliveries/office-access.js"
import { notFound } from "../http/api-problem.js"
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
import { mustLieAhead, toStore } from "../resources/content.js"
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

const DeliveryFunnelFields = {
  ...ReachFunnel.fields,
  /** Every delivery in the state it is in now; each state present, zero when none. */
  states: Schema.Record(DeliveryState, Schema.Int),
  /** Uncertain deliveries sent again after their window without evidence. */
  uncertainResends: Schema.Int,
}

export const UpdateFunnel = Schema.Struct(DeliveryFunnelFields).annotate({ identifier: "UpdateFunnel" })

export const RegionFunnel = Schema.Struct({
  regionId: RegionId,
  since: Schema.String,
  ...DeliveryFunnelFields,
}).annotate({ identifier: "RegionFunnel" })

const RegionParam = Schema.Struct({ id: RegionId })
const RegionFunnelQuery = Schema.Struct({ since: IsoInstant })

const Bridged = Schema.Struct({
  regionId: Schema.String,
  via: Schema.Literals(["contactPerson", "processLeader"]),
})

const PlannedBridgeView = Schema.Struct({
  ...Bridged.fields,
  personId: Schema.String,
})

export const AudiencePreview = Schema.Struct({
  ...ResolvedAudience.fields,
  /** "Sprid vidare till: …" for this audience. */
  passOnLine: PassOnLine,
  /** Distinct people publishing would reach: the recipients and the bridges. */
  people: Schema.Int,
  /** Deliveries publishing would make: one per person and chosen channel. */
  deliveries: Schema.Int,
  /** Who would carry the update into each targeted region where its theme group has nobody. */
  bridges: Schema.Array(PlannedBridgeView),
  /** Targeted regions nobody would receive the update in, and why. */
  unreachableRegions: DisseminationPlan.fields.unreachableRegions,
}).annotate({ identifier: "AudiencePreview" })

const PreviewRequest = Schema.Struct({
  audience: Audience,
  /** The update's theme group: bridges go into the regions where it has nobody. */
  themeGroupId: Schema.optionalKey(ThemeGroupId),
})

/** Publish a new update, or a stored draft by its id. */
const PublishRequest = Schema.Union([
  Schema.Struct({ update: UpdateRequest }),
  Schema.Struct({ draftId: UpdateId }),
])

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
      bridges: bridgesOf(plan).map(({ regionId, via }) => ({ regionId, via })),
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
      description:
        "Resolves the audience and plans an update of `themeGroupId` to it by the rule publishing uses: `people` " +
        "and `deliveries` count what publishing would make, `bridges` name who carries it into each targeted " +
        "region where the group has nobody (its contact person, else the process leader), and " +
        "`unreachableRegions` the regions nobody would receive it in. Without `themeGroupId` there are no bridges.",
      responses: { 200: jsonResponse("The resolved audience", AudiencePreview), ...problemResponses },
    }),
    jsonBody(PreviewRequest),
    (c) => {
      const publication = c.req.valid("json")
      // Previews of the same audience and group over the same network are the same answer.
      return answerCached(
        c,
        context,
        `preview:${publication.themeGroupId ?? ""}:${JSON.stringify(publication.audience)}`,
        (network) => preview(network, publication),
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
            yield* mustLieAhead(draft)
            const plan = yield* planDissemination(network, asCoreUpdate(draft))
            return summarise(plan, yield* context.backend.updates.publishDraft(caller, draft.id, plan))
          }
          const update = toStore(request.update)
          yield* authorizePublish(network, caller, update)
          yield* refuseMergedInUpdate(network, update)
          yield* mustLieAhead(update)
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
      summary:
        "What was planned at publish: every delivery, the bridge it went through, unreachable regions, who was skipped",
      description:
        "Answers the plan stored when the update was published, with person and region names as they were then: a " +
        "later merge of theme groups, a role change or a rename does not change it. 404 for a draft. Admin, or an " +
        "editor who may publish the update by the publishing rule (the group editor of its theme group; a region " +
        "editor when it reaches only its own region).",
      responses: { 200: jsonResponse("The stored plan", StoredPlanView), ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const update = yield* context.backend.updates.get(c.req.valid("param").id)
          yield* authorizeViewOfUpdate(yield* currentNetwork(context), c.get("caller"), update)
          return yield* context.backend.office.plan(update.id)
        }),
      ),
  )

  router.get(
    "/updates/:id/funnel",
    describeRoute({
      tags: ["dissemination"],
      summary:
        "From information to action: delivered, read, passed on, acted — and how many deliveries are in each state",
      description:
        "`states` counts every delivery in the state it is in now (pending, held, sending, uncertain, sent, " +
        "failed, dead, suppressed, rerouted); `uncertainResends` counts uncertain deliveries sent again after " +
        "their window. Admin, or an editor who may publish the update by the publishing rule.",
      responses: {
        200: jsonResponse("The reach funnel with delivery states", UpdateFunnel),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const update = yield* context.backend.updates.get(c.req.valid("param").id)
          yield* authorizeViewOfUpdate(yield* currentNetwork(context), c.get("caller"), update)
          const { deliveries, receipts } = yield* context.backend.office.funnelOfUpdate(update.id)
          return deliveryFunnel(deliveries, receipts)
        }),
      ),
  )

  router.get(
    "/regions/:id/funnel",
    describeRoute({
      tags: ["dissemination"],
      summary: "A region's funnel across every update published since a time, with delivery states",
      description:
        "`since` (required) is a date or a date and time; updates published at or after it count. Admin, or the " +
        "region editor of this region.",
      responses: { 200: jsonResponse("The region's funnel", RegionFunnel), ...problemResponses },
    }),
    pathParams(RegionParam),
    queryOf(RegionFunnelQuery),
    (c) => {
      const { id } = c.req.valid("param")
      const { since } = c.req.valid("query")
      return answer(
        c,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          if (!network.regions.some((region) => region.id === id)) {
            return yield* notFound(`No region with id "${id}".`)
          }
          yield* authorizeView(c.get("caller"), regionScope(id))
          const { deliveries, receipts } = yield* context.backend.office.funnelOfRegion(id, new Date(since))
          return { regionId: id, since, ...deliveryFunnel(deliveries, receipts) }
        }),
      )
    },
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

/**
 * The audience resolved, and what publishing an update of the group to it would plan (core's
 * rule, bridges included). A preview naming a merged group answers 409 saying where its people
 * went, never a silent 0.
 */
const preview = (network: Network, publication: typeof PreviewRequest.Type) =>
  refuseMergedInUpdate(network, publication).pipe(
    Effect.andThen(previewDissemination(network, publication)),
    Effect.map(({ audience, plan }) => {
      const reach = planReach(plan)
      return {
        ...audience,
        passOnLine: plan.passOnLine,
        people: reach.people,
        deliveries: reach.deliveries,
        bridges: bridgesOf(plan),
        unreachableRegions: plan.unreachableRegions,
      }
    }),
  )
