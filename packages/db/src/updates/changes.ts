import { type DisseminationPlan, NotFound, type StoreError, type UpdateId } from "@spridning/core"
import { and, eq, inArray, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database, type Db } from "../database/database.js"
import { Conflict, type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idIs } from "../database/ids.js"
import { nowOr, timestampParam } from "../database/raw.js"
import {
  deliveries,
  digitalHours,
  meetingNotes,
  proposalRounds,
  proposals,
  updates,
  workListItems,
} from "../schema/index.js"
import type { KnownUpdate, NewUpdate, Proposal, ProposalStatus, StoredUpdate } from "./model.js"
import {
  insertUpdate,
  type PublishResult,
  plannedUpdateId,
  publishInTransaction,
  readUpdates,
} from "./updates.js"

type Answered = Exclude<ProposalStatus, "open">

export interface AnswerPublished {
  readonly proposal: Proposal
  readonly published: PublishResult
}

export interface DigitalHourTimes {
  readonly startsAt: Date
  readonly endsAt: Date
  readonly location?: string
  readonly url?: string
}

/**
 * Content that changes after it is written: rounds reopened, proposals answered (the answer
 * published to the region in the same transaction), digital hours moved or cancelled (the
 * same deliveries sent again, with the calendar's SEQUENCE raised), drafts edited or deleted,
 * work-list items moving on.
 */
export class ContentChanges extends Context.Service<
  ContentChanges,
  {
    readonly proposal: (id: string) => Effect.Effect<Proposal, StoreError | NotFound>
    /** A new deadline for a round, e.g. to reopen it after the old one passed. */
    readonly setRoundDeadline: (
      roundId: string,
      deadline: Date,
      actor: string,
    ) => Effect.Effect<StoredUpdate, StoreError | ConstraintError>
    /**
     * Records the answer and publishes `answer` (a `proposalAnswer` update) with `plan` in ONE
     * transaction: the region is told exactly what was stored. A changed answer is published too.
     */
    readonly answerProposal: (
      proposalId: string,
      reply: { readonly status: Answered; readonly reason?: string },
      answer: Omit<NewUpdate, "details">,
      plan: DisseminationPlan,
      actor: string,
      now?: Date,
    ) => Effect.Effect<AnswerPublished, StoreError | ConstraintError>
    /**
     * Moves (`times`) or cancels (`cancel`) a digital hour: the SEQUENCE goes up and every
     * delivery already made goes out again, to the same people on the same channels.
     */
    readonly changeDigitalHour: (
      id: string,
      change: { readonly _tag: "Move"; readonly times: DigitalHourTimes } | { readonly _tag: "Cancel" },
      actor: string,
      now?: Date,
    ) => Effect.Effect<
      { readonly update: StoredUpdate; readonly resent: number },
      StoreError | ConstraintError
    >
    readonly editDraft: (
      id: string,
      edit: NewUpdate,
      actor: string,
    ) => Effect.Effect<StoredUpdate, StoreError | ConstraintError>
    readonly deleteDraft: (id: string, actor: string) => Effect.Effect<void, StoreError | ConstraintError>
    /**
     * Corrects published notes: the text is replaced and every delivery already made goes out
     * again as a short notice (`note`) to the same people; a draft is edited instead (Conflict).
     */
    readonly correctNotes: (
      id: string,
      correction: { readonly note: string; readonly title?: string; readonly body?: string },
      actor: string,
      now?: Date,
    ) => Effect.Effect<
      { readonly update: StoredUpdate; readonly resent: number },
      StoreError | ConstraintError
    >
    /**
     * "punktlista över aktuellt arbete som uppdateras kontinuerligt": planned → ongoing → done.
     * With `resend`, a published item's deliveries go out again to say so.
     */
    readonly setWorkListStatus: (
      id: string,
      status: "planned" | "ongoing" | "done",
      resend: boolean,
      actor: string,
      now?: Date,
    ) => Effect.Effect<
      { readonly update: StoredUpdate; readonly resent: number },
      StoreError | ConstraintError
    >
  }
>()("spridning/db/ContentChanges") {}

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

const lockUpdate = async (tx: Db, id: string): Promise<KnownUpdate> => {
  const [row] = await tx.select().from(updates).where(idIs(updates.id, id)).for("update")
  if (row === undefined) throw new NotFound({ entity: "update", id })
  const [stored] = await readUpdates(tx, [row])
  if (stored === undefined) throw new NotFound({ entity: "update", id })
  return stored
}

const reread = async (tx: Db, id: UpdateId): Promise<KnownUpdate> => {
  const rows = await tx.select().from(updates).where(eq(updates.id, id))
  const [stored] = await readUpdates(tx, rows)
  if (stored === undefined) throw new NotFound({ entity: "update", id })
  return stored
}

/**
 * Every delivery of the update that was sent, or is on its way, is due again now: the worker
 * renders the update as it now stands. Suppressed and dead ones stay as they are.
 */
const resendDeliveries = async (tx: Db, updateId: UpdateId, now: Date): Promise<number> => {
  const resent = await tx
    .update(deliveries)
    .set({
      state: "pending",
      attempts: 0,
      nextAttemptAt: sql`${timestampParam(now)}`,
      leaseUntil: null,
      claimedBy: null,
      lastError: null,
    })
    .where(and(eq(deliveries.updateId, updateId), inArray(deliveries.state, ["sent", "pending", "failed"])))
    .returning({ id: deliveries.id })
  return resent.length
}

/**
 * The end of every change to published content: its deliveries go back to pending (when
 * `resend`), and the change is audited with the update as it now reads and how many go out again.
 */
const settleChange = async (
  tx: Db,
  before: KnownUpdate,
  change: { readonly actor: string; readonly action: string; readonly at: Date; readonly resend: boolean },
): Promise<{ readonly update: StoredUpdate; readonly resent: number }> => {
  const resent = change.resend ? await resendDeliveries(tx, before.id, change.at) : 0
  const update = await reread(tx, before.id)
  await writeAudit(tx, [
    {
      actor: change.actor,
      action: change.action,
      entity: "update",
      entityId: before.id,
      before,
      after: { update, resent },
    },
  ])
  return { update, resent }
}

export const layerContentChanges: Layer.Layer<ContentChanges, never, Database> = Layer.effect(
  ContentChanges,
  Effect.gen(function* () {
    const database = yield* Database
    return ContentChanges.of({
      proposal: (id) =>
        Effect.flatMap(
          database.run("read proposal", async (db) =>
            /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(proposals).where(eq(proposals.id, id)) : [],
          ),
          ([row]) =>
            row === undefined
              ? Effect.fail(new NotFound({ entity: "proposal", id }))
              : Effect.succeed(proposalFromRow(row)),
        ),
      setRoundDeadline: (roundId, deadline, actor) =>
        database
          .transaction("set round deadline", async (tx) => {
            const before = await lockUpdate(tx, roundId)
            if (before.details.kind !== "proposalRound") throw new NotFound({ entity: "update", id: roundId })
            await tx.update(proposalRounds).set({ deadline }).where(eq(proposalRounds.updateId, before.id))
            const after = await reread(tx, before.id)
            await writeAudit(tx, [
              { actor, action: "update", entity: "update", entityId: roundId, before, after },
            ])
            return after
          })
          .pipe(mapConstraintErrors("proposal round", roundId)),
      answerProposal: (proposalId, reply, answer, plan, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("answer proposal", async (tx) => {
              const [row] = await tx
                .select()
                .from(proposals)
                .where(eq(proposals.id, proposalId))
                .for("update")
              if (row === undefined) throw new NotFound({ entity: "proposal", id: proposalId })
              const previous = row.status === "open" ? undefined : row.status
              const answerId = plannedUpdateId(answer.id, plan)
              await insertUpdate(
                tx,
                {
                  ...answer,
                  id: answerId,
                  details: {
                    kind: "proposalAnswer",
                    answer: {
                      proposalId,
                      regionId: row.regionId,
                      proposalText: row.text,
                      status: reply.status,
                      ...(reply.reason === undefined ? {} : { reason: reply.reason }),
                      ...(previous === undefined ? {} : { previousStatus: previous }),
                    },
                  },
                },
                actor,
                at,
                at,
              )
              const published = await publishInTransaction(tx, answerId, plan, actor, at, null)
              const [next] = await tx
                .update(proposals)
                .set({
                  status: reply.status,
                  reason: reply.reason ?? null,
                  answeredAt: at,
                  answerUpdateId: answerId,
                })
                .where(eq(proposals.id, proposalId))
                .returning()
              if (next === undefined) throw new NotFound({ entity: "proposal", id: proposalId })
              const before = proposalFromRow(row)
              const after = proposalFromRow(next)
              await writeAudit(tx, [
                { actor, action: "answer", entity: "proposal", entityId: proposalId, before, after },
              ])
              return { proposal: after, published }
            })
            .pipe(mapConstraintErrors("proposal", proposalId)),
        ),
      changeDigitalHour: (id, change, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("change digital hour", async (tx) => {
              const before = await lockUpdate(tx, id)
              if (before.details.kind !== "digitalHour") throw new NotFound({ entity: "update", id })
              if (before.details.cancelledAt !== undefined) {
                throw new Conflict({ entity: "digital hour", id, reason: "it is cancelled" })
              }
              const sequence = (before.details.sequence ?? 0) + 1
              await tx
                .update(digitalHours)
                .set(
                  change._tag === "Cancel"
                    ? { sequence, cancelledAt: at }
                    : {
                        sequence,
                        startsAt: change.times.startsAt,
                        endsAt: change.times.endsAt,
                        ...(change.times.location === undefined ? {} : { location: change.times.location }),
                        ...(change.times.url === undefined ? {} : { url: change.times.url }),
                      },
                )
                .where(eq(digitalHours.updateId, before.id))
              return settleChange(tx, before, {
                actor,
                action: change._tag === "Cancel" ? "cancel" : "move",
                at,
                resend: before.publishedAt !== undefined,
              })
            })
            .pipe(mapConstraintErrors("digital hour", id)),
        ),
      editDraft: (id, edit, actor) =>
        database
          .transaction("edit draft", async (tx) => {
            const before = await lockUpdate(tx, id)
            if (before.publishedAt !== undefined) {
              throw new Conflict({
                entity: "update",
                id,
                reason: "it is published; correct it instead of editing it",
              })
            }
            if (before.kind !== edit.details.kind) {
              throw new Conflict({
                entity: "update",
                id,
                reason: `it is a ${before.kind}, not a ${edit.details.kind}`,
              })
            }
            // Details live in the kind's own table: replace the whole draft, keeping who wrote it and when.
            await tx.delete(updates).where(eq(updates.id, before.id))
            await insertUpdate(tx, { ...edit, id: before.id }, before.createdBy, before.createdAt, null)
            const after = await reread(tx, before.id)
            await writeAudit(tx, [{ actor, action: "update", entity: "update", entityId: id, before, after }])
            return after
          })
          .pipe(mapConstraintErrors("update", id)),
      deleteDraft: (id, actor) =>
        database
          .transaction("delete draft", async (tx) => {
            const before = await lockUpdate(tx, id)
            if (before.publishedAt !== undefined) {
              throw new Conflict({
                entity: "update",
                id,
                reason: "it is published and people have received it",
              })
            }
            await tx.delete(updates).where(eq(updates.id, before.id))
            await writeAudit(tx, [{ actor, action: "delete", entity: "update", entityId: id, before }])
          })
          .pipe(mapConstraintErrors("update", id)),
      correctNotes: (id, correction, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("correct notes", async (tx) => {
              const before = await lockUpdate(tx, id)
              if (before.details.kind !== "meetingNotes") throw new NotFound({ entity: "update", id })
              if (before.publishedAt === undefined) {
                throw new Conflict({
                  entity: "update",
                  id,
                  reason: "it is a draft; edit it instead of correcting it",
                })
              }
              await tx
                .update(meetingNotes)
                .set({ correctionNote: correction.note, correctedAt: at })
                .where(eq(meetingNotes.updateId, before.id))
              if (correction.title !== undefined || correction.body !== undefined) {
                await tx
                  .update(updates)
                  .set({
                    ...(correction.title === undefined ? {} : { title: correction.title }),
                    ...(correction.body === undefined ? {} : { body: correction.body }),
                  })
                  .where(eq(updates.id, before.id))
              }
              return settleChange(tx, before, { actor, action: "correct", at, resend: true })
            })
            .pipe(mapConstraintErrors("update", id)),
        ),
      setWorkListStatus: (id, status, resend, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("set work-list status", async (tx) => {
              const before = await lockUpdate(tx, id)
              if (before.details.kind !== "workListItem") throw new NotFound({ entity: "update", id })
              await tx.update(workListItems).set({ status }).where(eq(workListItems.updateId, before.id))
              return settleChange(tx, before, {
                actor,
                action: "update",
                at,
                resend: resend && before.publishedAt !== undefined && before.details.status !== status,
              })
            })
            .pipe(mapConstraintErrors("work-list item", id)),
        ),
    })
  }),
)
