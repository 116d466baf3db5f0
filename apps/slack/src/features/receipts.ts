import type { ReceiptKind } from "@spridning/core"
import { Outbox, Receipts, type StoredDelivery } from "@spridning/db"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"

export type ReceiptOutcome =
  | {
      readonly _tag: "Recorded"
      readonly isNew: boolean
      readonly delivery: StoredDelivery
      readonly done: ReadonlyArray<ReceiptKind>
    }
  /** The update never went to this person (e.g. a colleague's click in a group channel). */
  | { readonly _tag: "NoDelivery" }

const order: ReadonlyArray<ReceiptKind> = ["read", "passedOn", "acted"]

/**
 * A click on Läst / Delat vidare / Omsatt i handling. The button carries the update, and the
 * receipt goes on the clicker's own delivery of it, so a click in a group channel counts for
 * whoever clicked and nobody can mark someone else's delivery. A second click of the same
 * kind changes nothing, on whichever copy (mail, DM, App Home, channel) it was made.
 */
export const recordReceipt = Effect.fn("recordReceipt")(function* (
  who: SlackPerson,
  updateId: string,
  kind: ReceiptKind,
  now: Date,
) {
  const outbox = yield* Outbox
  const receipts = yield* Receipts
  const mine = (yield* outbox.forPerson(who.person.id, 500)).filter((d) => d.updateId === updateId)
  const delivery = mine.find((d) => d.channel === "slack") ?? mine[0]
  if (delivery === undefined) return { _tag: "NoDelivery" } satisfies ReceiptOutcome as ReceiptOutcome
  // Once per person and update: a click on any copy counts for all of them.
  const before = yield* receipts.forDeliveries(mine.map((d) => d.id))
  const isNew = !before.some((r) => r.kind === kind)
  if (isNew) yield* receipts.record({ deliveryId: delivery.id, kind, personId: who.person.id }, now)
  const kinds = new Set([...before.map((r) => r.kind), kind])
  const outcome: ReceiptOutcome = {
    _tag: "Recorded",
    isNew,
    delivery,
    done: order.filter((k) => kinds.has(k)),
  }
  return outcome
})
