import { randomUUID } from "node:crypto"
import {
  acceptsProposals,
  type DatedDetails,
  PersonId,
  proposalAnswerNeedsReason,
  proposalAnswerPlan,
  publishProblems,
  RegionId,
  refuseMergedInUpdate,
  UpdateId,
  type UpdateKind,
} from "@spridning/core"
import { Effect, Schema } from "effect"
import { type Context, Hono } from "hono"
import { describeRoute } from "hono-openapi"
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator"
import { type Caller, regionScope, themeGroupScope } from "../auth/caller.js"
import { ProposalAnswer, ProposalView, type UpdateToStore } from "../backend.js"
import { authorizePublish } from "../dissemination/publish-scope.js"
import { UpdateListFilters, updateListFilter } from "../dissemination/update-list-query.js"
import {
  ActionPlanDetails,
  DigitalHourDetails,
  DigitalHourMove,
  GoodExampleDetails,
  MeetingNotesDetails,
  NotesCorrection,
  ProposalRoundDetails,
  RoundDeadline,
  requestOf,
  type UpdateRequest,
  UpdateView,
  WorkListItemDetails,
  WorkListStatusChange,
} from "../dissemination/update-schemas.js"
import { ApiProblem, conflict, notFound, runToResponse, unprocessable } from "../http/api-problem.js"
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

const datedOf = (details: UpdateView["details"]): DatedDetails => {
  switch (details.kind) {
    case "digitalHour":
      return { kind: "digitalHour", startsAt: new Date(details.startsAt), endsAt: new Date(details.endsAt) }
    case "proposalRound":
      return { kind: "proposalRound", deadline: new Date(details.deadline) }
    default:
      return { kind: "other" }
  }
}

/**
 * 400 naming the field when the update invites to something already past (core's rule):
 * checked when publishing, since a draft may be written long before.
 */
export const mustLieAhead = (update: { readonly details: UpdateView["details"] }, now: Date = new Date()) => {
  const problems = publishProblems(datedOf(update.details), now)
  return problems.length === 0
    ? Effect.void
    : Effect.fail(
        new ApiProblem({
          status: 400,
          detail: `The update cannot be published: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}.`,
          errors: problems.map((p) => ({ in: "body" as const, path: p.path, message: p.message })),
        }),
      )
}

/** An update of `kind`, or 404: `/v1/meeting-notes/{id}` never answers a digital hour. */
export const updateOfKind = (context: RouteContext, id: string, kind: UpdateKind) =>
  context.backend.updates
    .get(id)
    .pipe(
      Effect.flatMap((update) =>
        update.kind === kind ? Effect.succeed(update) : Effect.fail(notFound(`No ${kind} with id "${id}"`)),
      ),
    )

/** What a change to published content answers: the update and how many deliveries go out again. */
const ChangeAnswer = Schema.Struct({ update: UpdateView, resent: Schema.Int })

/**
 * A change to published content (move, cancel, correct, move on): the update is found, the
 * caller must hold the right to publish it, then the change is made and the cached network dropped.
 */
const answerPublishedChange = <U extends Parameters<typeof authorizePublish>[2], E1, A, E2>(
  c: Context<ApiEnv>,
  context: RouteContext,
  find: Effect.Effect<U, E1>,
  change: (update: U, caller: Caller) => Effect.Effect<A, E2>,
): Promise<Response> => {
  const caller = c.get("caller")
  return answerChange(
    c,
    context,
    Effect.gen(function* () {
      const update = yield* find
      yield* authorizePublish(yield* currentNetwork(context), caller, update)
      return yield* change(update, caller)
    }),
  )
}

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
  router.put(
    "/:id",
    describeRoute({
      tags,
      summary: `Rewrite a draft of ${content.plural} (409 once published: correct it instead)`,
      responses: { 200: jsonResponse("The rewritten draft", UpdateView), ...problemResponses },
    }),
    pathParams(UpdateParam),
    jsonBody(Request),
    (c) => {
      const id = c.req.valid("param").id
      const request = c.req.valid("json") as UpdateRequest
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const before = yield* updateOfKind(context, id, content.kind)
          const network = yield* currentNetwork(context)
          yield* authorizePublish(network, caller, before)
          yield* authorizePublish(network, caller, request)
          return yield* context.backend.changes.editDraft(caller, { ...toStore(request), id })
        }),
      )
    },
  )
  router.delete(
    "/:id",
    describeRoute({
      tags,
      summary: `Delete a draft of ${content.plural} (409 once published)`,
      responses: { 204: { description: "Deleted" }, ...problemResponses },
    }),
    pathParams(UpdateParam),
    (c) => {
      const id = c.req.valid("param").id
      const caller = c.get("caller")
      return runToResponse(
        c,
        Effect.gen(function* () {
          const before = yield* updateOfKind(context, id, content.kind)
          yield* authorizePublish(yield* currentNetwork(context), caller, before)
          yield* context.backend.changes.deleteDraft(caller, before.id)
          context.snapshot.invalidate()
        }),
        () => c.body(null, 204),
      )
    },
  )
  if (content.kind === "proposalRound") addProposals(context, router)
  if (content.kind === "digitalHour") addDigitalHourChanges(context, router)
  if (content.kind === "workListItem") addWorkListStatus(context, router)
  if (content.kind === "meetingNotes") addCorrections(context, router)
  return router
}

/** 400 naming the field when a time that must lie ahead does not. */
const mustBeAhead = (path: string, at: Date, now: Date) =>
  at.getTime() > now.getTime()
    ? Effect.void
    : Effect.fail(
        new ApiProblem({
          status: 400,
          detail: `${path} must lie ahead (it is now ${now.toISOString()}).`,
          errors: [{ in: "body", path, message: `must lie ahead (it is now ${now.toISOString()})` }],
        }),
      )

/** "Bra att temagrupperna presenterar sig via digitimmar": an hour can be moved or cancelled. */
const addDigitalHourChanges = (context: RouteContext, router: Hono<ApiEnv>) => {
  const tags = ["digital hours"]
  const hourOf = (id: string) =>
    updateOfKind(context, id, "digitalHour").pipe(
      Effect.flatMap((hour) =>
        hour.details.kind === "digitalHour" && hour.details.cancelledAt !== undefined
          ? Effect.fail(conflict(`The digital hour "${id}" was cancelled at ${hour.details.cancelledAt}.`))
          : Effect.succeed(hour),
      ),
    )
  router.patch(
    "/:id",
    describeRoute({
      tags,
      summary:
        "Move a digital hour: everyone invited gets an updated invitation (the calendar's SEQUENCE goes up)",
      responses: {
        200: jsonResponse("The moved hour and how many deliveries go out again", ChangeAnswer),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    jsonBody(DigitalHourMove),
    (c) => {
      const move = c.req.valid("json")
      return answerPublishedChange(c, context, hourOf(c.req.valid("param").id), (hour, caller) =>
        Effect.gen(function* () {
          const startsAt = new Date(move.startsAt)
          yield* mustBeAhead("startsAt", startsAt, new Date())
          return yield* context.backend.changes.changeDigitalHour(caller, hour.id, {
            _tag: "Move",
            startsAt,
            endsAt: new Date(move.endsAt),
            ...(move.location === undefined ? {} : { location: move.location }),
            ...(move.url === undefined ? {} : { url: move.url }),
          })
        }),
      )
    },
  )
  router.post(
    "/:id/cancel",
    describeRoute({
      tags,
      summary: "Cancel a digital hour: everyone invited gets a cancellation (METHOD:CANCEL)",
      responses: {
        200: jsonResponse("The cancelled hour and how many deliveries go out again", ChangeAnswer),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    (c) =>
      answerPublishedChange(c, context, hourOf(c.req.valid("param").id), (hour, caller) =>
        context.backend.changes.changeDigitalHour(caller, hour.id, { _tag: "Cancel" }),
      ),
  )
}

/** "minnesanteckningar … mer tillgängliga": published notes are corrected, never silently edited. */
const addCorrections = (context: RouteContext, router: Hono<ApiEnv>) => {
  router.post(
    "/:id/corrections",
    describeRoute({
      tags: ["meeting notes"],
      summary:
        "Correct published notes: everyone who got them gets the note as a short notice (409 for a draft)",
      responses: {
        200: jsonResponse("The corrected notes and how many deliveries go out again", ChangeAnswer),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    jsonBody(NotesCorrection),
    (c) => {
      const correction = c.req.valid("json")
      return answerPublishedChange(
        c,
        context,
        updateOfKind(context, c.req.valid("param").id, "meetingNotes"),
        (notes, caller) => context.backend.changes.correctNotes(caller, notes.id, correction),
      )
    },
  )
}

/** "punktlista över aktuellt arbete som uppdateras kontinuerligt" */
const addWorkListStatus = (context: RouteContext, router: Hono<ApiEnv>) => {
  router.patch(
    "/:id",
    describeRoute({
      tags: ["work-list items"],
      summary: "Move a work-list item on (planned → ongoing → done); `publish: true` tells those who got it",
      responses: {
        200: jsonResponse("The item and how many deliveries go out again", ChangeAnswer),
        ...problemResponses,
      },
    }),
    pathParams(UpdateParam),
    jsonBody(WorkListStatusChange),
    (c) => {
      const change = c.req.valid("json")
      return answerPublishedChange(
        c,
        context,
        updateOfKind(context, c.req.valid("param").id, "workListItem"),
        (item, caller) =>
          context.backend.changes.setWorkListStatus(caller, item.id, change.status, change.publish ?? false),
      )
    },
  )
}

/**
 * The hour as a calendar file, by `ical-generator` as in mail (lines folded at 75 octets): the
 * same UID and SEQUENCE as the invitations, so importing it updates the same calendar entry.
 */
const calendarFile = (update: UpdateView) => {
  if (update.details.kind !== "digitalHour")
    return Effect.fail(notFound(`No digital hour with id "${update.id}"`))
  const { startsAt, endsAt, location, url, sequence, cancelledAt } = update.details
  const cancelled = cancelledAt !== undefined
  const calendar = ical({
    prodId: { company: "spridning", product: "hfs", language: "SV" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  })
  calendar.createEvent({
    id: `${update.id}@spridning`,
    sequence: sequence ?? 0,
    start: new Date(startsAt),
    end: new Date(endsAt),
    summary: update.title,
    description: update.body,
    ...(location === undefined ? {} : { location }),
    ...(url === undefined ? {} : { url }),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return Effect.succeed(calendar.toString())
}

const ProposalRequest = Schema.Struct({
  regionId: RegionId,
  submittedBy: Schema.optionalKey(PersonId),
  text: Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
})

/** 409 naming the deadline once a round has closed; the group reopens it with a new one. */
export const roundIsOpen = (round: UpdateView, now: Date = new Date()) =>
  round.details.kind === "proposalRound" && !acceptsProposals(new Date(round.details.deadline), now)
    ? Effect.fail(
        conflict(
          `The round "${round.title}" closed at ${round.details.deadline}; the theme group can reopen it with a new deadline.`,
        ),
      )
    : Effect.void

/**
 * "regionerna skicka in förslag … inför skrivandet av handlingsplaner": a region's editor
 * submits for its region; the group's editor answers each one, giving a reason when declining.
 */
const addProposals = (context: RouteContext, router: Hono<ApiEnv>) => {
  const tags = ["proposal rounds"]
  const roundOf = (id: string) => updateOfKind(context, id, "proposalRound")
  router.patch(
    "/:id",
    describeRoute({
      tags,
      summary: "Give a round a new deadline (this reopens a closed round)",
      responses: { 200: jsonResponse("The round", UpdateView), ...problemResponses },
    }),
    pathParams(UpdateParam),
    jsonBody(RoundDeadline),
    (c) => {
      const id = c.req.valid("param").id
      const deadline = new Date(c.req.valid("json").deadline)
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const round = yield* roundOf(id)
          yield* authorizePublish(yield* currentNetwork(context), caller, round)
          yield* mustBeAhead("deadline", deadline, new Date())
          return yield* context.backend.changes.setRoundDeadline(caller, round.id, deadline)
        }),
      )
    },
  )
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
          yield* roundIsOpen(round)
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
          if (proposalAnswerNeedsReason(reply.status) && reply.reason === undefined) {
            return yield* unprocessable(`A ${reply.status} proposal needs a reason the region can read.`, [
              { in: "body", path: "reason", message: `is required when status is ${reply.status}` },
            ])
          }
          const round = yield* roundOf(id)
          if (round.themeGroupId !== undefined) yield* authorize(caller, themeGroupScope(round.themeGroupId))
          else yield* authorizePublish(yield* currentNetwork(context), caller, round)
          const proposals = yield* context.backend.updates.proposals(round.id)
          const proposal = proposals.find((p) => p.id === proposalId)
          if (proposal === undefined) {
            return yield* notFound(`Round "${round.id}" has no proposal "${proposalId}"`)
          }
          const network = yield* currentNetwork(context)
          const answerId = UpdateId.make(randomUUID())
          const plan = proposalAnswerPlan(network, answerId, {
            regionId: proposal.regionId,
            ...(proposal.submittedBy === undefined ? {} : { submittedBy: proposal.submittedBy }),
          })
          const { proposal: answered } = yield* context.backend.changes.answerProposal(
            caller,
            proposalId,
            reply,
            {
              id: answerId,
              title: round.title,
              audience: { scope: "network", regions: [proposal.regionId] },
              ...(round.themeGroupId === undefined ? {} : { themeGroupId: round.themeGroupId }),
            },
            plan,
          )
          return answered
        }),
      )
    },
  )
}

/** One router per kind of content, by path under `/v1`. */
export const contentRouters = (context: RouteContext): ReadonlyArray<readonly [string, Hono<ApiEnv>]> =>
  kinds.map((content) => [content.path, contentRouter(context, content)] as const)
