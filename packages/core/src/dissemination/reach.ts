import type { PersonId, RegionId } from "../organisation/ids.js"
import type { Bridge, DisseminationPlan } from "./model.js"

/** What a publisher is told before and after publishing: people, not deliveries. */
export interface PlanReach {
  /** Distinct people reached (someone with mail and Slack is one person), the author not counted. */
  readonly people: number
  readonly deliveries: number
  readonly peopleByRegion: ReadonlyMap<RegionId, number>
  readonly unreachableRegions: ReadonlyArray<RegionId>
}

/**
 * "går ut till 80 personer" was 80 deliveries to 68 people: the count a publisher sees is of
 * people, and the author, who is not sent their own update, is not one of them.
 */
export const planReach = (plan: DisseminationPlan, author?: PersonId | string): PlanReach => {
  const deliveries = plan.deliveries.filter((d) => d.personId !== author)
  const regionOf = new Map<PersonId, RegionId>()
  for (const d of deliveries) regionOf.set(d.personId, d.regionId)
  const peopleByRegion = new Map<RegionId, number>()
  for (const regionId of regionOf.values())
    peopleByRegion.set(regionId, (peopleByRegion.get(regionId) ?? 0) + 1)
  return {
    people: regionOf.size,
    deliveries: deliveries.length,
    peopleByRegion,
    unreachableRegions: plan.unreachableRegions.map((u) => u.regionId),
  }
}

/** Who carries an update into a region where its theme group has nobody, and in which role. */
export interface PlannedBridge extends Bridge {
  readonly personId: PersonId
}

/**
 * The plan's bridges, one per bridged region (a bridge with mail and Slack has two deliveries
 * and is one bridge), in the plan's order.
 */
export const bridgesOf = (plan: DisseminationPlan): ReadonlyArray<PlannedBridge> => {
  const byRegion = new Map<RegionId, PlannedBridge>()
  for (const delivery of plan.deliveries) {
    if (delivery.bridge === undefined || byRegion.has(delivery.bridge.regionId)) continue
    byRegion.set(delivery.bridge.regionId, { ...delivery.bridge, personId: delivery.personId })
  }
  return [...byRegion.values()]
}
