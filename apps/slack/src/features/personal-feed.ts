import { coverage, type ThemeGroupId } from "@spridning/core"
import { Outbox, Receipts, type StoredUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"

/**
 * The groups whose work a person should see: the ones they follow or sit in, and the ones
 * where their region is bridged through them ("en kanal in": a contact person carries a
 * group's work into a region that has nobody in it).
 */
export const feedGroups = (
  who: SlackPerson,
): {
  readonly followed: ReadonlyArray<ThemeGroupId>
  readonly bridgedThroughMe: ReadonlyArray<ThemeGroupId>
} => {
  const memberOf = who.network.roles
    .filter((r) => r.personId === who.person.id && (r.role === "participant" || r.role === "chair"))
    .flatMap((r) => (r.themeGroupId === undefined ? [] : [r.themeGroupId]))
  const followed = [
    ...new Set([
      ...who.network.follows.filter((f) => f.personId === who.person.id).map((f) => f.themeGroupId),
      ...memberOf,
    ]),
  ]
  const bridgedThroughMe = coverage(who.network)
    .cells.filter(
      (cell) =>
        cell.status === "bridged" &&
        cell.regionId === who.person.regionId &&
        cell.people.some((p) => p.personId === who.person.id),
    )
    .map((cell) => cell.themeGroupId)
  return { followed, bridgedThroughMe }
}

/** The newest published updates of those groups, newest first. */
export const recentUpdates = Effect.fn("recentUpdates")(function* (
  groups: ReadonlyArray<ThemeGroupId>,
  since: Date,
  limit: number,
) {
  const updates = yield* Updates
  const perGroup = yield* Effect.forEach(
    [...new Set(groups)],
    (themeGroupId) => updates.list({ filter: { themeGroupId, published: true }, limit }),
    { concurrency: 4 },
  )
  return perGroup
    .flatMap((page) => page.items)
    .filter((update) => update.publishedAt !== undefined && update.publishedAt >= since)
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, limit)
})

export interface WaitingDelivery {
  readonly deliveryId: string
  readonly update: StoredUpdate
  readonly done: ReadonlyArray<"read" | "passedOn" | "acted">
}

/** Deliveries that reached the person and that they have not yet marked as put into action. */
export const waitingForAction = Effect.fn("waitingForAction")(function* (who: SlackPerson, limit: number) {
  const outbox = yield* Outbox
  const receipts = yield* Receipts
  const updates = yield* Updates
  const delivered = (yield* outbox.forPerson(who.person.id, 100)).filter((d) => d.state === "sent")
  const marks = yield* receipts.forDeliveries(delivered.map((d) => d.id))
  // A receipt is the person's for the update, whichever copy (mail, DM, channel) was clicked:
  // each update is listed once, and a click on any copy clears it everywhere.
  const byUpdate = new Map<string, Array<(typeof delivered)[number]>>()
  for (const delivery of delivered)
    byUpdate.set(delivery.updateId, [...(byUpdate.get(delivery.updateId) ?? []), delivery])
  const waiting: Array<WaitingDelivery> = []
  for (const [updateId, copies] of byUpdate) {
    if (waiting.length >= limit) break
    const ids = new Set(copies.map((d) => d.id))
    const done = [...new Set(marks.filter((m) => ids.has(m.deliveryId)).map((m) => m.kind))]
    if (done.includes("acted")) continue
    const update = yield* updates
      .get(updateId)
      .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
    if (update === undefined) continue
    const shown = copies.find((d) => d.channel === "slack") ?? copies[0]
    if (shown === undefined) continue
    waiting.push({ deliveryId: shown.id, update, done })
  }
  return waiting
})
