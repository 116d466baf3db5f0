import { randomUUID } from "node:crypto"
import { PersonId, RegionId, refuseMergedInUpdate, UpdateId, type UpdateKind } from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { createEvent } from "ics"
import { regionScope, themeGroupScope } from "../auth/caller.js"
import { ProposalAnswer, ProposalView, type UpdateToStore } from "../backend.js"
import { authorizePublish } from "../dissemination/publish-scope.js"
import { UpdateListFilters, updateListFilter } from "../dissemination/update-list-query.js"
import {
  ActionPlanDetails,
  DigitalHourDetails,
  GoodExampleDetails,
  MeetingNotesDetails,
  ProposalRoundDetails,
  requestOf,
  type UpdateRequest,
  UpdateView,
  WorkListItemDetails,
} from "../dissemination/update-schemas.js"
import { ApiProblem, notFound, runToResponse, unprocessable } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { Page, PageQuery } from "../http/pagination.js"
import { answer, answerChange, authorize, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "./organisation-resource.js"

export const toStore = (request: UpdateRequest): UpdateToStore => ({
  ...request,
  id: request.id ?? UpdateId.make(randomUUID()),
  body: request.body ?? "",
})

const UpdateParam = Schema.Struct({ id: UpdateId })

/** An update of `kind`, or 404: `/v1/meeting-notes/{id}` never answers a digital hour. */
export const updateOfKind = (context: RouteContext, id: string, kind: UpdateKind) =>
  context.backend.updates
    .get(id)
    .pipe(
      Effect.flatMap((update) =>
        update.kind === kind ? Effect.succeed(update) : Effect.fail(notFound(`No ${kind} with id "${id}"`)),
      ),
    )

interface ContentKind {
  readonly path: string
  readonly kind: UpdateKind
  readonly plural: string
  readonly details: Schema.Top & { readonly DecodingServices: never }
}

const kinds: ReadonlyArray<ContentKind> = [
  { path: "/meeting-notes", kind: "meetingNotes", plural: "meeting notes", details: MeetingNotesDetails },
  { path: "/work-list-items", kind: "workListItem", plural: "work-list items", details: WorkListItemDetails },
  { path: "/digital-hours", kind: "digitalHour", plural: "digital hours", details: DigitalHourDetails },
  { path: "/good-examples", kind: "goodExample", plural: "good examples", details: GoodExampleDetails },
  {
    path: "/proposal-rounds",
    kind: "proposalRound",
    plural: "proposal rounds",
    details: ProposalRoundDetails,
  },
  { path: "/action-plans", kind: "actionPlan", plural: "action plans", details: ActionPlanDetails },
]

const ContentQuery = Schema.Struct({
  ...PageQuery,
  ...UpdateListFilters,
  /** `true`: published only; `false`: drafts only. */
  published: Schema.optionalKey(Schema.Literals(["true", "false"])),
})

/**
 * Notes, work-list items, digital hours, good examples, proposal rounds and action plans are
 * updates of one kind each. Creating one stores a draft; `POST /v1/updates` publishes.
 */
const contentRouter = (context: RouteContext, content: ContentKind) => {
  const router = new Hono<ApiEnv>()
  const tags = [content.plural]
  const Request = requestOf(content.details)
  router.get(
    "/",
    describeRoute({
      tags,
      summary: `List ${content.plural}, newest first`,
      responses: { 200: jsonResponse(`A page of ${content.plural}`, Page(UpdateView)), ...problemResponses },
    }),
    queryOf(ContentQuery),
    (c) => {
      const { published, themeGroupId, tag, q, ...page } = c.req.valid("query")
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) =>
            context.backend.updates.list({
              ...page,
              ...updateListFilter(network, {
                ...(themeGroupId === undefined ? {} : { themeGroupId }),
                ...(tag === undefined ? {} : { tag }),
                ...(q === undefined ? {} : { q }),
              }),
              kind: content.kind,
              ...(published === undefined ? {} : { published: published === "true" }),
            }),
          ),
        ),
      )
    },
  )
  router.get(
    "/:id",
    describeRoute({
      tags,
      summary: `Read one of the ${content.plural}`,
      responses: { 200: jsonResponse(`The ${content.kind}`, UpdateView), ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) => {
      const id = c.req.valid("param").id
      // `/v1/digital-hours/{id}.ics`: the same digital hour as a calendar file.
      if (content.kind === "digitalHour" && id.endsWith(".ics")) {
        const updateId = id.slice(0, -".ics".length)
        return runToResponse(
          c,
          updateOfKind(context, updateId, "digitalHour").pipe(Effect.flatMap(calendarFile)),
          (ics) =>
            c.body(ics, 200, {
              "content-type": "text/calendar; charset=utf-8",
              "content-disposition": `attachment; filename="${updateId.replace(/[^\w.-]/g, "_")}.ics"`,
            }),
        )
      }
      return answer(c, updateOfKind(context, id, content.kind))
    },
  )
  router.post(
    "/",
    describeRoute({
      tags,
      summary: `Write a draft of ${content.plural} (nothing is sent until published with POST /v1/updates)`,
      responses: { 201: jsonResponse("The stored draft", UpdateView), ...problemResponses },
    }),
    jsonBody(Request),
    (c) => {
      const request = c.req.valid("json") as UpdateRequest
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          yield* authorizePublish(network, caller, request)
          yield* refuseMergedInUpdate(network, request)
          return yield* context.backend.updates.createDraft(caller, toStore(request))
        }),
        201,
      )
    },
  )
  if (content.kind === "proposalRound") addProposals(context, router)
  return router
}

const calendarFile = (update: UpdateView) => {
  if (update.details.kind !== "digitalHour")
    return Effect.fail(notFound(`No digital hour with id "${update.id}"`))
  const { startsAt, endsAt, location, url } = update.details
  const result = createEvent({
    uid: `${update.id}@spridning`,
    productId: "spridning/digitimme",
    title: update.title,
    description: update.body,
    start: Date.parse(startsAt),
    end: Date.parse(endsAt),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    ...(location === undefined ? {} : { location }),
    ...(url === undefined ? {} : { url }),
  })
  return result.value === null || result.error !== null
    ? Effect.fail(
        new ApiProblem({
          status: 422,
          detail: `The digital hour cannot be written as a calendar file: ${result.error?.message ?? ""}`,
        }),
      )
    : Effect.succeed(result.value)
}

const ProposalRequest = Schema.Struct({
  regionId: RegionId,
  submittedBy: Schema.optionalKey(PersonId),
  text: Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
})

/**
 * "regionerna skicka in förslag … inför skrivandet av handlingsplaner": a region's editor
 * submits for its region; the group's editor answers each one, giving a reason when declining.
 */
const addProposals = (context: RouteContext, router: Hono<ApiEnv>) => {
  const tags = ["proposal rounds"]
  const roundOf = (id: string) => updateOfKind(context, id, "proposalRound")
  router.get(
    "/:id/proposals",
    describeRoute({
      tags,
      summary: "The proposals sent to a round",
      responses: {
        200: jsonResponse("Every proposal", Schema.Struct({ items: Schema.Array(ProposalView) })),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    (c) =>
      answer(
        c,
        roundOf(c.req.valid("param").id).pipe(
          Effect.flatMap((round) => context.backend.updates.proposals(round.id)),
          Effect.map((items) => ({ items })),
        ),
      ),
  )
  router.post(
    "/:id/proposals",
    describeRoute({
      tags,
      summary: "Send a region's proposal to a round",
      responses: { 201: jsonResponse("The stored proposal", ProposalView), ...problemResponses },
    }),
    pathParams(UpdateParam),
    jsonBody(ProposalRequest),
    (c) => {
      const proposal = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const round = yield* roundOf(c.req.valid("param").id)
          yield* authorize(caller, regionScope(proposal.regionId))
          return yield* context.backend.updates.submitProposal(caller, { ...proposal, roundId: round.id })
        }),
        201,
      )
    },
  )
  router.post(
    "/:id/proposals/:proposalId/answer",
    describeRoute({
      tags,
      summary: "Answer a proposal: accepted, merged, or declined with a reason",
      responses: { 200: jsonResponse("The answered proposal", ProposalView), ...problemResponses },
    }),
    pathParams(Schema.Struct({ id: UpdateId, proposalId: Schema.String })),
    jsonBody(ProposalAnswer),
    (c) => {
      const { id, proposalId } = c.req.valid("param")
      const reply = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          if (reply.status !== "accepted" && reply.reason === undefined) {
            return yield* unprocessable(`A ${reply.status} proposal needs a reason the region can read.`, [
              { in: "body", path: "reason", message: `is required when status is ${reply.status}` },
            ])
          }
          const round = yield* roundOf(id)
          if (round.themeGroupId !== undefined) yield* authorize(caller, themeGroupScope(round.themeGroupId))
          else yield* authorizePublish(yield* currentNetwork(context), caller, round)
          const proposals = yield* context.backend.updates.proposals(round.id)
          if (!proposals.some((p) => p.id === proposalId)) {
            return yield* notFound(`Round "${round.id}" has no proposal "${proposalId}"`)
          }
          return yield* context.backend.updates.answerProposal(caller, proposalId, reply)
        }),
      )
    },
  )
}

/** One router per kind of content, by path under `/v1`. */
export const contentRouters = (context: RouteContext): ReadonlyArray<readonly [string, Hono<ApiEnv>]> =>
  kinds.map((content) => [content.path, contentRouter(context, content)] as const)
