import type { DeliveryState } from "../delivery/model.js"
import type { DeliveryId, PersonId, RegionId, UpdateId } from "../organisation/ids.js"
import type { Receipt } from "./model.js"

/**
 * How far an update got: "från information till handling". Counted in people, each once per
 * update however many copies (mail, Slack) they had.
 */
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
  readonly personId: PersonId
  readonly regionId: RegionId
  readonly state: DeliveryState
  /** Who published the update (a person's id, or a token's name); null or absent when unknown. */
  readonly publishedBy?: string | null
}

interface Tally {
  delivered: number
  read: number
  passedOn: number
  acted: number
}

const emptyTally = (): Tally => ({ delivered: 0, read: 0, passedOn: 0, acted: 0 })

/** One person's copies of one update, taken together. */
interface Reader {
  readonly updateId: UpdateId
  readonly regionId: RegionId
  delivered: boolean
  readonly kinds: Set<Receipt["kind"]>
}

/**
 * delivered → read → passed on → acted, in total, per update and per region, counted in
 * people: someone who got an update by mail and in Slack is one reader, and a click on either
 * copy counts once for them. The author is not sent their own update and is not counted, nor
 * are their clicks. Passing on or acting implies reading; receipts for deliveries not given are
 * ignored. Across several updates (a region's funnel) each reader counts once per update.
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
  const readers = new Map<string, Reader>()
  const seen = new Set<DeliveryId>()
  for (const delivery of deliveries) {
    if (seen.has(delivery.id)) continue
    seen.add(delivery.id)
    if (delivery.publishedBy === delivery.personId) continue
    const key = `${delivery.updateId}\u0000${delivery.personId}`
    let reader = readers.get(key)
    if (reader === undefined) {
      reader = {
        updateId: delivery.updateId,
        regionId: delivery.regionId,
        delivered: false,
        kinds: new Set(),
      }
      readers.set(key, reader)
    }
    const kinds = kindsByDelivery.get(delivery.id)
    // Someone who marked it read has had it, even if the provider's report is still missing.
    if (delivery.state === "sent" || kinds !== undefined) reader.delivered = true
    for (const kind of kinds ?? []) reader.kinds.add(kind)
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
  for (const reader of readers.values()) {
    if (!reader.delivered) continue
    const tallies = [total, tallyFor(byUpdate, reader.updateId), tallyFor(byRegion, reader.regionId)]
    for (const tally of tallies) {
      tally.delivered++
      if (reader.kinds.size > 0) tally.read++
      if (reader.kinds.has("passedOn")) tally.passedOn++
      if (reader.kinds.has("acted")) tally.acted++
    }
  }
  return {
    total,
    byUpdate: [...byUpdate].map(([updateId, counts]) => ({ updateId, counts })),
    byRegion: [...byRegion].map(([regionId, counts]) => ({ regionId, counts })),
  }
}

/**
 * How many people an update was planned to reach: each person once however many copies, the
 * author left out ("går ut till 68 personer", not 80 deliveries). Across several updates, a
 * person counts once per update.
 */
export const plannedReaders = (deliveries: ReadonlyArray<FunnelDelivery>): number =>
  new Set(
    deliveries
      .filter((delivery) => delivery.publishedBy !== delivery.personId)
      .map((delivery) => `${delivery.updateId}\u0000${delivery.personId}`),
  ).size
