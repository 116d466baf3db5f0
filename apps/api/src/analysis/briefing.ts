import {
  type BriefingProposalRound,
  type BriefingUpdate,
  briefing,
  type Briefing as CoreBriefing,
  type Month,
  type Network,
  PersonId,
  RegionId,
  Role,
  ThemeGroupId,
  UpdateId,
  UpdateKind,
} from "@spridning/core"
import { Effect, Result, Schema } from "effect"
import type { UpdateView } from "../dissemination/update-schemas.js"
import type { RouteContext } from "../http/route-context.js"

const Named = { personId: PersonId, name: Schema.String }

/**
 * The management briefing as JSON: core's `briefing` (the same value mail and Slack show), with
 * dates as ISO strings.
 */
export const Briefing = Schema.Struct({
  regionId: RegionId,
  regionName: Schema.String,
  /** The month covered, in Swedish time: "2026-11" and its bounds (end exclusive). */
  period: Schema.Struct({ key: Schema.String, start: Schema.String, end: Schema.String }),
  generatedAt: Schema.String,
  /** Published in the period, to an audience that includes the region. */
  recentWork: Schema.Array(
    Schema.Struct({
      updateId: UpdateId,
      kind: UpdateKind,
      themeGroupId: Schema.optionalKey(ThemeGroupId),
      themeGroupName: Schema.optionalKey(Schema.String),
      title: Schema.String,
      publishedAt: Schema.String,
    }),
  ),
  uncovered: Schema.Array(
    Schema.Struct({
      themeGroupId: ThemeGroupId,
      themeGroupName: Schema.String,
      /** Who receives the group's updates instead, if anyone. */
      fallback: Schema.optionalKey(Schema.Struct({ ...Named, via: Schema.Literal("processLeader") })),
    }),
  ),
  bridged: Schema.Array(
    Schema.Struct({
      themeGroupId: ThemeGroupId,
      themeGroupName: Schema.String,
      contactPersons: Schema.Array(Schema.Struct(Named)),
    }),
  ),
  missingRoles: Schema.Array(Role),
  waitingForAction: Schema.Array(
    Schema.Struct({
      kind: Schema.Literal("proposalRound"),
      updateId: UpdateId,
      themeGroupId: Schema.optionalKey(ThemeGroupId),
      themeGroupName: Schema.optionalKey(Schema.String),
      title: Schema.String,
      deadline: Schema.String,
    }),
  ),
}).annotate({ identifier: "Briefing" })
export type Briefing = typeof Briefing.Type

export const BriefingQuery = Schema.Struct({
  /** The month to brief on ("2026-11"); the current month so far when left out. */
  month: Schema.optionalKey(
    Schema.String.pipe(
      Schema.check(Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "must be YYYY-MM" })),
    ),
  ),
})

export const briefingJson = (value: CoreBriefing): Briefing => ({
  ...value,
  period: {
    key: value.period.key,
    start: value.period.start.toISOString(),
    end: value.period.end.toISOString(),
  },
  generatedAt: value.generatedAt.toISOString(),
  recentWork: value.recentWork.map((item) => ({ ...item, publishedAt: item.publishedAt.toISOString() })),
  waitingForAction: value.waitingForAction.map((item) => ({
    ...item,
    deadline: item.deadline.toISOString(),
  })),
})

/** Every published update, page by page (the list is newest first, by creation). */
const allPublished = (context: RouteContext) =>
  Effect.gen(function* () {
    const found: Array<UpdateView> = []
    let cursor: string | undefined
    for (let page = 0; page < 100; page++) {
      const result = yield* context.backend.updates.list({
        published: true,
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      })
      found.push(...result.items)
      if (result.nextCursor === undefined) break
      cursor = result.nextCursor
    }
    return found
  })

/** A region's briefing for `period`, from the stored updates and proposals. */
export const briefingFor = (
  context: RouteContext,
  network: Network,
  regionId: RegionId,
  period: Month,
  now: Date,
) =>
  Effect.gen(function* () {
    const published = yield* allPublished(context)
    const updates: Array<BriefingUpdate> = published.flatMap((update) =>
      update.publishedAt === undefined
        ? []
        : [
            {
              id: update.id,
              kind: update.kind,
              ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId }),
              title: update.title,
              publishedAt: new Date(update.publishedAt),
              audience: update.audience,
            },
          ],
    )
    const proposalRounds: Array<BriefingProposalRound> = []
    for (const round of published) {
      if (round.details.kind !== "proposalRound") continue
      const deadline = new Date(round.details.deadline)
      if (deadline.getTime() <= now.getTime()) continue
      const answers = yield* context.backend.updates.proposals(round.id)
      proposalRounds.push({
        id: round.id,
        ...(round.themeGroupId === undefined ? {} : { themeGroupId: round.themeGroupId }),
        title: round.title,
        deadline,
        audience: round.audience,
        answeredBy: answers.map((answer) => answer.regionId),
      })
    }
    const result = briefing({ network, regionId, period, updates, proposalRounds, now })
    if (Result.isFailure(result)) return yield* result.failure
    return briefingJson(result.success)
  })
