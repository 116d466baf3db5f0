import { Schema } from "effect"
import { DeliveryId, PersonId } from "../organisation/ids.js"

/** "gå från information till handling": what a reader did with a delivery. */
export const ReceiptKind = Schema.Literals(["read", "passedOn", "acted"])
export type ReceiptKind = typeof ReceiptKind.Type

export const Receipt = Schema.Struct({
  deliveryId: DeliveryId,
  kind: ReceiptKind,
  at: Schema.String,
  personId: Schema.optionalKey(PersonId),
})
export type Receipt = typeof Receipt.Type
