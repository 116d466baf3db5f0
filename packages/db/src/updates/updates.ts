import {
  type DisseminationPlan,
  NotFound,
  PersonId,
  RegionId,
  type StoreError,
  ThemeGroupId,
  UpdateId,
  type UpdateKind,
} from "@spridning/core"
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database, type Db } from "../database/database.js"
import { Conflict, type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idBefore, idIn, idIs, referenceTo } from "../database/ids.js"
import { nowOr, timestampParam } from "../database/raw.js"
import {
  clampLimit,
  decodePairCursor,
  encodePairCursor,
  type InvalidCursor,
  type Page,
} from "../organisation/entity-store.js"
import { inChunks } from "../organisation/rows.js"
import {
  actionPlans,
  briefings,
  deliveries,
  digitalHours,
  goodExamples,
  meetingNotes,
  people,
  proposalRounds,
  proposals,
  slackUserLinks,
  suppressions,
  updates,
  workListItems,
} from "../schema/index.js"
import { personOfOfficeActor, slackActorOfLink } from "./author.js"
import type {
  KnownUpdate,
  NewUpdate,
  Proposal,
  ProposalStatus,
  StoredUpdate,
  UpdateDetails,
} from "./model.js"
import { insertProposalAnswer, readProposalAnswers } from "./proposal-answers.js"
import { storePlan } from "./stored-plan.js"

/** Each filter given narrows the list; filters left out do not. */
export interface UpdateFilter {
  readonly themeGroupId?: string
  /**
   * Updates of any of these groups: a group and the groups merged into it (core's
   * `themeGroupLineage`), so the new group's list keeps the old groups' history.
   */
  readonly themeGroupIds?: ReadonlyArray<string>
  readonly kind?: UpdateKind
  /** true: published only; false: drafts only. */
  readonly published?: boolean
  /** Good examples carrying this tag, in any letter case. */
  readonly tag?: string
  /** Good examples carrying every one of these tags, in any letter case. */
  readonly tags?: ReadonlyArray<string>
  /**
   * Words to find in the title or the text, with PostgreSQL's Swedish full-text search
   * (`websearch_to_tsquery('swedish', q)`): "nätverk" finds "Regionala nätverken". Blank: no filter.
   */
  readonly q?: string
}

/**
 * The searchable text of an update. The same expression as the `updates_search` index in the
 * schema, so PostgreSQL can use the index.
 */
const searchDocument = sql`to_tsvector('swedish', ${updates.title} || ' ' || ${updates.body})`

/** The conditions of `filter`, ANDed by the caller. */
const filterConditions = (db: Db, filter: UpdateFilter): Array<SQL> => {
  const conditions: Array<SQL> = []
  if (filter.themeGroupId !== undefined) conditions.push(idIs(updates.themeGroupId, filter.themeGroupId))
  if (filter.themeGroupIds !== undefined)
    conditions.push(
      filter.themeGroupIds.length === 0 ? sql`false` : idIn(updates.themeGroupId, [...filter.themeGroupIds]),
    )
  if (filter.kind !== undefined) conditions.push(eq(updates.kind, filter.kind))
  if (filter.published === true) conditions.push(isNotNull(updates.publishedAt))
  if (filter.published === false) conditions.push(isNull(updates.publishedAt))
  const tags = [...new Set([...(filter.tag === undefined ? [] : [filter.tag]), ...(filter.tags ?? [])])]
  for (const tag of tags) {
    // "Regional organisation" and "regional organisation" are one tag to a reader.
    conditions.push(
      inArray(
        updates.id,
        db
          .select({ id: goodExamples.updateId })
          .from(goodExamples)
          .where(
            sql`exists (select 1 from unnest(${goodExamples.tags}) as tag where lower(tag) = lower(${tag}))`,
          ),
      ),
    )
  }
  const q = filter.q?.trim() ?? ""
  if (q !== "") conditions.push(sql`${searchDocument} @@ websearch_to_tsquery('swedish', ${q})`)
  return conditions
}

export interface PublishResult {
  readonly update: StoredUpdate
  /** Deliveries written to the outbox (including those held back as suppressed). */
  readonly deliveries: number
  /** Email deliveries to addresses on the suppression list, stored as `suppressed`. */
  readonly suppressed: number
}

/** Updates of every kind, their publication into the outbox, and proposal rounds. */
export class Updates extends Context.Service<
  Updates,
  {
    /** Stores an update as a draft: nothing is sent. */
    readonly createDraft: (
      update: NewUpdate,
      actor: string,
    ) => Effect.Effect<StoredUpdate, StoreError | ConstraintError>
    /**
     * Writes the update, every planned delivery and an audit record in ONE transaction:
     * all or nothing. `plan` is core's `planDissemination(network, update)`.
     */
    readonly publish: (
      update: NewUpdate,
      plan: DisseminationPlan,
      actor: string,
      now?: Date,
    ) => Effect.Effect<PublishResult, StoreError | ConstraintError>
    /** Publishes a stored draft; a `Conflict` if it was already published. */
    readonly publishDraft: (
      id: string,
      plan: DisseminationPlan,
      actor: string,
      now?: Date,
    ) => Effect.Effect<PublishResult, StoreError | ConstraintError>
    readonly get: (id: string) => Effect.Effect<StoredUpdate, StoreError | NotFound>
    /** Newest first. */
    readonly list: (options?: {
      readonly filter?: UpdateFilter
      readonly cursor?: string
      readonly limit?: number
    }) => Effect.Effect<Page<StoredUpdate>, StoreError | InvalidCursor>
    /** Digital hours starting in [from, to), for invitations and reminders. */
    readonly digitalHoursStarting: (
      from: Date,
      to: Date,
    ) => Effect.Effect<ReadonlyArray<StoredUpdate>, StoreError>
    readonly submitProposal: (
      proposal: {
        readonly roundId: string
        readonly regionId: string
        readonly submittedBy?: string
        readonly text: string
      },
      actor: string,
    ) => Effect.Effect<Proposal, StoreError | ConstraintError>
    /** "varje förslag besvaras": accepted, merged or declined, with the reason. */
    readonly answerProposal: (
      id: string,
      answer: {
        readonly status: Exclude<ProposalStatus, "open">
        readonly reason?: string
        readonly answerUpdateId?: string
      },
      actor: string,
      now?: Date,
    ) => Effect.Effect<Proposal, StoreError | ConstraintError>
    readonly proposals: (roundId: string) => Effect.Effect<ReadonlyArray<Proposal>, StoreError>
  }
>()("spridning/db/Updates") {}

const detailsOf = (update: NewUpdate) => update.details

/**
 * The id a published update is stored under: the plan's, which core made for this update, so
 * a plan for another update is refused before anything is written.
 */
export const plannedUpdateId = (updateId: string, plan: DisseminationPlan): UpdateId => {
  if (plan.updateId !== updateId) {
    throw new Conflict({
      entity: "update",
      id: updateId,
      reason: `the plan is for update "${plan.updateId}"`,
    })
  }
  return plan.updateId
}

/**
 * `createdAt` comes from the caller's clock with millisecond precision, so a list cursor
 * (which carries a JavaScript date) names a row's timestamp exactly.
 */
export const insertUpdate = async (
  tx: Db,
  update: NewUpdate & { readonly id: UpdateId },
  actor: string,
  createdAt: Date,
  publishedAt: Date | null,
): Promise<void> => {
  await tx.insert(updates).values({
    id: update.id,
    kind: update.details.kind,
    themeGroupId:
      update.themeGroupId === undefined ? null : referenceTo("themeGroup", ThemeGroupId, update.themeGroupId),
    title: update.title,
    body: update.body,
    audience: update.audience,
    createdBy: actor,
    createdAt,
    publishedAt,
  })
  const details = detailsOf(update)
  const updateId = update.id
  switch (details.kind) {
    case "meetingNotes":
      await tx.insert(meetingNotes).values({ updateId, meetingDate: details.meetingDate })
      return
    case "workListItem":
      await tx
        .insert(workListItems)
        .values({ updateId, status: details.status, dueDate: details.dueDate ?? null })
      return
    case "digitalHour":
      await tx.insert(digitalHours).values({
        updateId,
        startsAt: details.startsAt,
        endsAt: details.endsAt,
        location: details.location ?? null,
        url: details.url ?? null,
      })
      return
    case "goodExample":
      await tx.insert(goodExamples).values({
        updateId,
        tags: [...details.tags],
        regionId: details.regionId === undefined ? null : referenceTo("region", RegionId, details.regionId),
      })
      return
    case "proposalRound":
      await tx
        .insert(proposalRounds)
        .values({ updateId, deadline: details.deadline, planYear: details.planYear ?? null })
      return
    case "actionPlan":
      await tx.insert(actionPlans).values({ updateId, planYear: details.planYear })
      return
    case "briefing":
      await tx.insert(briefings).values({
        updateId,
        regionId: referenceTo("region", RegionId, details.regionId),
        periodKey: details.periodKey,
      })
      return
    case "proposalAnswer":
      if (details.answer !== undefined) await insertProposalAnswer(tx, updateId, details.answer)
      return
  }
}

/** Reads updates with their kind's details: one query per kind present, not per update. */
export const readUpdates = async (
  db: Db,
  rows: ReadonlyArray<typeof updates.$inferSelect>,
): Promise<Array<KnownUpdate>> => {
  const idsOf = (kind: UpdateKind) => rows.filter((row) => row.kind === kind).map((row) => row.id)
  const load = async <Row extends { updateId: UpdateId }>(
    kind: UpdateKind,
    query: (ids: Array<UpdateId>) => Promise<Array<Row>>,
  ): Promise<Map<UpdateId, Row>> => {
    const ids = idsOf(kind)
    return new Map(ids.length === 0 ? [] : (await query(ids)).map((row) => [row.updateId, row]))
  }
  const slackActors = [...new Set(rows.map((row) => row.createdBy).filter((by) => by.startsWith("slack:")))]
  const [notes, items, hours, examples, rounds, plans, briefs, answers, authors] = await Promise.all([
    load("meetingNotes", (ids) => db.select().from(meetingNotes).where(inArray(meetingNotes.updateId, ids))),
    load("workListItem", (ids) =>
      db.select().from(workListItems).where(inArray(workListItems.updateId, ids)),
    ),
    load("digitalHour", (ids) => db.select().from(digitalHours).where(inArray(digitalHours.updateId, ids))),
    load("goodExample", (ids) => db.select().from(goodExamples).where(inArray(goodExamples.updateId, ids))),
    load("proposalRound", (ids) =>
      db.select().from(proposalRounds).where(inArray(proposalRounds.updateId, ids)),
    ),
    load("actionPlan", (ids) => db.select().from(actionPlans).where(inArray(actionPlans.updateId, ids))),
    load("briefing", (ids) => db.select().from(briefings).where(inArray(briefings.updateId, ids))),
    load("proposalAnswer", (ids) => readProposalAnswers(db, ids)),
    slackActors.length === 0
      ? new Map<string, string>()
      : db
          .select({ actor: slackActorOfLink, personId: slackUserLinks.personId })
          .from(slackUserLinks)
          .where(inArray(slackActorOfLink, slackActors))
          .then((links) => new Map(links.map((link) => [link.actor, link.personId]))),
  ])
  const detailsFor = (row: typeof updates.$inferSelect): UpdateDetails => {
    const missing = (): never => {
      throw new Error(`update ${row.id} of kind ${row.kind} has no ${row.kind} record`)
    }
    switch (row.kind) {
      case "meetingNotes": {
        const detail = notes.get(row.id) ?? missing()
        return {
          kind: "meetingNotes",
          meetingDate: detail.meetingDate,
          ...(detail.correctionNote === null || detail.correctedAt === null
            ? {}
            : { correction: { note: detail.correctionNote, at: detail.correctedAt } }),
        }
      }
      case "workListItem": {
        const detail = items.get(row.id) ?? missing()
        return {
          kind: "workListItem",
          status: detail.status,
          ...(detail.dueDate === null ? {} : { dueDate: detail.dueDate }),
        }
      }
      case "digitalHour": {
        const detail = hours.get(row.id) ?? missing()
        return {
          kind: "digitalHour",
          startsAt: detail.startsAt,
          endsAt: detail.endsAt,
          ...(detail.location === null ? {} : { location: detail.location }),
          ...(detail.url === null ? {} : { url: detail.url }),
          ...(detail.sequence === 0 ? {} : { sequence: detail.sequence }),
          ...(detail.cancelledAt === null ? {} : { cancelledAt: detail.cancelledAt }),
        }
      }
      case "goodExample": {
        const detail = examples.get(row.id) ?? missing()
        return {
          kind: "goodExample",
          tags: detail.tags,
          ...(detail.regionId === null ? {} : { regionId: detail.regionId }),
        }
      }
      case "proposalRound": {
        const detail = rounds.get(row.id) ?? missing()
        return {
          kind: "proposalRound",
          deadline: detail.deadline,
          ...(detail.planYear === null ? {} : { planYear: detail.planYear }),
        }
      }
      case "actionPlan":
        return { kind: "actionPlan", planYear: (plans.get(row.id) ?? missing()).planYear }
      case "briefing": {
        const detail = briefs.get(row.id) ?? missing()
        return { kind: "briefing", regionId: detail.regionId, periodKey: detail.periodKey }
      }
      case "proposalAnswer": {
        const answer = answers.get(row.id)
        return answer === undefined
          ? { kind: "proposalAnswer" }
          : { kind: "proposalAnswer", answer: answer.answer }
      }
    }
  }
  return rows.map((row) => {
    const author = authors.get(row.createdBy) ?? personOfOfficeActor(row.createdBy)
    return {
      id: row.id,
      kind: row.kind,
      ...(row.themeGroupId === null ? {} : { themeGroupId: row.themeGroupId }),
      title: row.title,
      body: row.body,
      audience: row.audience,
      details: detailsFor(row),
      createdBy: row.createdBy,
      ...(author === undefined ? {} : { author }),
      createdAt: row.createdAt,
      ...(row.publishedAt === null ? {} : { publishedAt: row.publishedAt }),
      ...(row.passOnLineSv === null || row.passOnLineEn === null
        ? {}
        : { passOnLine: { sv: row.passOnLineSv, en: row.passOnLineEn } }),
    }
  })
}

const findUpdate = async (db: Db, id: string): Promise<KnownUpdate | undefined> => {
  const rows = await db.select().from(updates).where(idIs(updates.id, id))
  const [stored] = await readUpdates(db, rows)
  return stored
}

/**
 * Rows per statement. Each slice travels as ONE JSON parameter and is unpacked by the server
 * (`jsonb_to_recordset`): 100k deliveries are a handful of statements and no per-row
 * parameter building in the client.
 */
const deliveryChunk = 20_000

/** Writes the plan's deliveries to the outbox, then holds back mail to suppressed addresses. */
const insertDeliveries = async (
  tx: Db,
  updateId: UpdateId,
  plan: DisseminationPlan,
  now: Date,
): Promise<{ deliveries: number; suppressed: number }> => {
  for (const chunk of inChunks(plan.deliveries, deliveryChunk)) {
    const rows = JSON.stringify(
      chunk.map((delivery) => ({
        person_id: delivery.personId,
        region_id: delivery.regionId,
        channel: delivery.channel,
        reasons: delivery.reasons,
        bridge: delivery.bridge ?? null,
      })),
    )
    await tx.execute(
      sql`insert into ${deliveries} (update_id, person_id, region_id, channel, reasons, bridge, next_attempt_at)
          select ${updateId}, row.person_id, row.region_id, row.channel, row.reasons, row.bridge, ${timestampParam(now)}
          from jsonb_to_recordset(${rows}::jsonb)
            as row(person_id text, region_id text, channel text, reasons jsonb, bridge jsonb)`,
    )
  }
  const held = await tx
    .update(deliveries)
    .set({ state: "suppressed", lastError: "address is on the suppression list" })
    .where(
      and(
        eq(deliveries.updateId, updateId),
        eq(deliveries.channel, "email"),
        inArray(
          deliveries.personId,
          tx
            .select({ id: people.id })
            .from(people)
            .innerJoin(suppressions, eq(suppressions.email, sql`lower(${people.email})`)),
        ),
      ),
    )
    .returning({ id: deliveries.id })
  return { deliveries: plan.deliveries.length, suppressed: held.length }
}

export const publishInTransaction = async (
  tx: Db,
  updateId: string,
  plan: DisseminationPlan,
  actor: string,
  now: Date,
  before: StoredUpdate | null,
): Promise<PublishResult> => {
  const id = plannedUpdateId(updateId, plan)
  await tx
    .update(updates)
    .set({ publishedAt: now, passOnLineSv: plan.passOnLine.sv, passOnLineEn: plan.passOnLine.en })
    .where(eq(updates.id, id))
  const counts = await insertDeliveries(tx, id, plan, now)
  await storePlan(tx, id, plan, now)
  const stored = await findUpdate(tx, id)
  if (stored === undefined) throw new NotFound({ entity: "update", id })
  await writeAudit(tx, [
    {
      actor,
      action: "publish",
      entity: "update",
      entityId: id,
      before,
      after: {
        update: stored,
        deliveries: counts.deliveries,
        suppressed: counts.suppressed,
        unreachableRegions: plan.unreachableRegions,
        skipped: plan.skipped.length,
      },
    },
  ])
  return { update: stored, ...counts }
}

const proposalFromRow = (row: typeof proposals.$inferSelect): Proposal => ({
  id: row.id,
  roundId: row.roundId,
  regionId: row.regionId,
  ...(row.submittedBy === null ? {} : { submittedBy: row.submittedBy }),
  text: row.text,
  submittedAt: row.submittedAt,
  status: row.status,
  ...(row.reason === null ? {} : { reason: row.reason }),
  ...(row.answeredAt === null ? {} : { answeredAt: row.answeredAt }),
  ...(row.answerUpdateId === null ? {} : { answerUpdateId: row.answerUpdateId }),
})

export const layerUpdates: Layer.Layer<Updates, never, Database> = Layer.effect(
  Updates,
  Effect.gen(function* () {
    const database = yield* Database
    return Updates.of({
      createDraft: (update, actor) =>
        Effect.flatMap(nowOr(undefined), (at) =>
          database
            .transaction("create update", async (tx) => {
              // The caller minted this id: new input, so core's schema checks it before it is stored.
              const id = UpdateId.make(update.id)
              await insertUpdate(tx, { ...update, id }, actor, at, null)
              const stored = await findUpdate(tx, id)
              if (stored === undefined) throw new NotFound({ entity: "update", id: update.id })
              await writeAudit(tx, [
                { actor, action: "create", entity: "update", entityId: update.id, after: stored },
              ])
              return stored
            })
            .pipe(mapConstraintErrors("update", update.id)),
        ),
      publish: (update, plan, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("publish update", async (tx) => {
              const id = plannedUpdateId(update.id, plan)
              await insertUpdate(tx, { ...update, id }, actor, at, at)
              return publishInTransaction(tx, id, plan, actor, at, null)
            })
            .pipe(mapConstraintErrors("update", update.id)),
        ),
      publishDraft: (id, plan, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("publish draft", async (tx) => {
              const [row] = await tx.select().from(updates).where(idIs(updates.id, id)).for("update")
              if (row === undefined) throw new NotFound({ entity: "update", id })
              if (row.publishedAt !== null) {
                throw new Conflict({ entity: "update", id, reason: "it is already published" })
              }
              const before = (await readUpdates(tx, [row]))[0] ?? null
              return publishInTransaction(tx, id, plan, actor, at, before)
            })
            .pipe(mapConstraintErrors("update", id)),
        ),
      get: (id) =>
        Effect.flatMap(
          database.run("read update", (db) => findUpdate(db, id)),
          (stored) =>
            stored === undefined
              ? Effect.fail(new NotFound({ entity: "update", id }))
              : Effect.succeed(stored),
        ),
      list: (options = {}) =>
        Effect.gen(function* () {
          const after = options.cursor === undefined ? undefined : yield* decodePairCursor(options.cursor)
          const limit = clampLimit(options.limit)
          const filter = options.filter ?? {}
          const rows = yield* database.run("list updates", async (db) => {
            const conditions = filterConditions(db, filter)
            if (after !== undefined) {
              const [createdAt, id] = after
              const older = or(
                lt(updates.createdAt, new Date(createdAt)),
                and(eq(updates.createdAt, new Date(createdAt)), idBefore(updates.id, id)),
              )
              if (older !== undefined) conditions.push(older)
            }
            const page = await db
              .select()
              .from(updates)
              .where(and(...conditions))
              .orderBy(desc(updates.createdAt), desc(updates.id))
              .limit(limit + 1)
            return readUpdates(db, page)
          })
          const items = rows.slice(0, limit)
          const last = items[items.length - 1]
          return rows.length > limit && last !== undefined
            ? { items, nextCursor: encodePairCursor(last.createdAt.toISOString(), last.id) }
            : { items }
        }),
      digitalHoursStarting: (from, to) =>
        database.run("list digital hours", async (db) => {
          const hours = await db
            .select({ updateId: digitalHours.updateId })
            .from(digitalHours)
            .where(and(gte(digitalHours.startsAt, from), lt(digitalHours.startsAt, to)))
            .orderBy(asc(digitalHours.startsAt))
          if (hours.length === 0) return []
          const rows = await db
            .select()
            .from(updates)
            .where(
              inArray(
                updates.id,
                hours.map((hour) => hour.updateId),
              ),
            )
          const order = new Map(hours.map((hour, index) => [hour.updateId, index]))
          return (await readUpdates(db, rows)).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        }),
      submitProposal: (proposal, actor) =>
        database
          .transaction("submit proposal", async (tx) => {
            const [row] = await tx
              .insert(proposals)
              .values({
                roundId: referenceTo("update", UpdateId, proposal.roundId),
                regionId: referenceTo("region", RegionId, proposal.regionId),
                submittedBy:
                  proposal.submittedBy === undefined
                    ? null
                    : referenceTo("person", PersonId, proposal.submittedBy),
                text: proposal.text,
              })
              .returning()
            if (row === undefined) throw new Error("insert returned no proposal")
            const stored = proposalFromRow(row)
            await writeAudit(tx, [
              { actor, action: "create", entity: "proposal", entityId: stored.id, after: stored },
            ])
            return stored
          })
          .pipe(mapConstraintErrors("proposal")),
      answerProposal: (id, answer, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("answer proposal", async (tx) => {
              const [row] = await tx.select().from(proposals).where(eq(proposals.id, id)).for("update")
              if (row === undefined) throw new NotFound({ entity: "proposal", id })
              if (answer.status === "declined" && (answer.reason ?? "").trim() === "") {
                throw new Conflict({ entity: "proposal", id, reason: "a declined proposal needs a reason" })
              }
              const [next] = await tx
                .update(proposals)
                .set({
                  status: answer.status,
                  reason: answer.reason ?? null,
                  answeredAt: at,
                  answerUpdateId:
                    answer.answerUpdateId === undefined
                      ? null
                      : referenceTo("update", UpdateId, answer.answerUpdateId),
                })
                .where(eq(proposals.id, id))
                .returning()
              if (next === undefined) throw new NotFound({ entity: "proposal", id })
              const before = proposalFromRow(row)
              const after = proposalFromRow(next)
              await writeAudit(tx, [
                { actor, action: "answer", entity: "proposal", entityId: id, before, after },
              ])
              return after
            })
            .pipe(mapConstraintErrors("proposal", id)),
        ),
      proposals: (roundId) =>
        database.run("list proposals", async (db) =>
          (
            await db
              .select()
              .from(proposals)
              .where(idIs(proposals.roundId, roundId))
              .orderBy(asc(proposals.submittedAt), asc(proposals.id))
          ).map(proposalFromRow),
        ),
    })
  }),
)
