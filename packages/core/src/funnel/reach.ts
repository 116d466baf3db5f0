import type { DeliveryState } from "../delivery/model.js"
import type { DeliveryId, RegionId, UpdateId } from "../organisation/ids.js"
import type { Receipt } from "./model.js"

/** How far an update got: "från information till handling". */
export interface FunnelCounts {
  readonly delivered: number
  readonly read: number
  readonly passedOn: number
  readonly acted: number
}

export interface ReachFunnel {
  readonly total: FunnelCounts
  readonly byUpdate: ReadonlyArray<{ readonly updateId: UpdateId; readonly counts: FunnelCounts }>
  readonly byRegion: ReadonlyArray<{ readonly regionId: RegionId; readonly counts: FunnelCounts }>
}

/** The part of a stored delivery the funnel needs. */
export interface FunnelDelivery {
  readonly id: DeliveryId
  readonly updateId: UpdateId
  readonly regionId: RegionId
  readonly state: DeliveryState
}

interface Tally {
  delivered: number
  read: number
  passedOn: number
  acted: number
}

const emptyTally = (): Tally => ({ delivered: 0, read: 0, passedOn: 0, acted: 0 })

/**
 * delivered → read → passed on → acted, in total, per update and per region. A delivery
 * counts once per stage however many receipts it has; passing on or acting implies reading
 * it; receipts for deliveries not given are ignored.
 */
export const reachFunnel = (
  deliveries: ReadonlyArray<FunnelDelivery>,
  receipts: ReadonlyArray<Receipt>,
): ReachFunnel => {
  const kindsByDelivery = new Map<DeliveryId, Set<Receipt["kind"]>>()
  for (const receipt of receipts) {
    const kinds = kindsByDelivery.get(receipt.deliveryId)
    if (kinds === undefined) kindsByDelivery.set(receipt.deliveryId, new Set([receipt.kind]))
    else kinds.add(receipt.kind)
  }
  const total = emptyTally()
  const byUpdate = new Map<UpdateId, Tally>()
  const byRegion = new Map<RegionId, Tally>()
  const tallyFor = <K>(map: Map<K, Tally>, key: K): Tally => {
    const existing = map.get(key)
    if (existing !== undefined) return existing
    const fresh = emptyTally()
    map.set(key, fresh)
    return fresh
  }
  const seen = new Set<DeliveryId>()
  for (const delivery of deliveries) {
    if (seen.has(delivery.id)) continue
    seen.add(delivery.id)
    const kinds = kindsByDelivery.get(delivery.id)
    // Someone who marked it read has had it, even if the provider's report is still missing.
    const delivered = delivery.state === "sent" || kinds !== undefined
    if (!delivered) continue
    const tallies = [total, tallyFor(byUpdate, delivery.updateId), tallyFor(byRegion, delivery.regionId)]
    for (const tally of tallies) {
      tally.delivered++
      if (kinds !== undefined) tally.read++
      if (kinds?.has("passedOn")) tally.passedOn++
      if (kinds?.has("acted")) tally.acted++
    }
  }
  return {
    total,
    byUpdate: [...byUpdate].map(([updateId, counts]) => ({ updateId, counts })),
    byRegion: [...byRegion].map(([regionId, counts]) => ({ regionId, counts })),
  }
}
