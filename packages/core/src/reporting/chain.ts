import { Effect, Schema } from "effect"
import { NotFound } from "../organisation/errors.js"
import { PersonId, RegionId } from "../organisation/ids.js"
import { holdersOf, indexNetwork, rolesOf } from "../organisation/index-network.js"
import { type Network, Role } from "../organisation/model.js"
import { reportsTo } from "./lines.js"

/** One step in a reporting chain. */
export const ChainLink = Schema.Struct({ personId: PersonId, role: Role, regionId: RegionId })
export type ChainLink = typeof ChainLink.Type

/**
 * A reporting chain that does not reach regional management, and where it stops: `at` is the
 * last person reached and `role` the role they report as (or, for `nobodyHoldsTargetRole`,
 * the role nobody holds). For `holdsNoRole`, the person holds no role in their own region, so
 * there is nothing to report as; `role` is then `participant`, the role they would be expected
 * to start from.
 */
export const ChainBreakReason = Schema.Literals([
  "holdsNoRole",
  "noRuleForRole",
  "nobodyHoldsTargetRole",
  "cycle",
])
export type ChainBreakReason = typeof ChainBreakReason.Type

export class ReportingChainBroken extends Schema.TaggedError<ReportingChainBroken>()("ReportingChainBroken", {
  personId: PersonId,
  at: PersonId,
  role: Role,
  regionId: RegionId,
  reason: ChainBreakReason,
}) {
  override get message(): string {
    const why: Record<ReportingChainBroken["reason"], string> = {
      holdsNoRole: `Person ${this.personId} holds no role in region ${this.regionId}`,
      noRuleForRole: `No rule says whom a ${this.role} in region ${this.regionId} reports to (reached from ${this.personId} at ${this.at})`,
      nobodyHoldsTargetRole: `Nobody in region ${this.regionId} holds the role ${this.role} that ${this.at} reports to`,
      cycle: `The reporting rules of region ${this.regionId} loop back to ${this.role} (reached from ${this.personId})`,
    }
    return why[this.reason]
  }
}

/** Closest to management first: a person reports as the most senior role they hold. */
const seniority: ReadonlyArray<Role> = [
  "management",
  "presidiumMember",
  "processLeader",
  "chair",
  "contactPerson",
  "bodyMember",
  "participant",
]

/**
 * "vem/vilka rapportera till?" The path from a person up to a management holder of their
 * region, following the region's effective reportsTo rules. When several people hold the
 * next role, the first by id is taken, so the answer is stable. Never repeats a person.
 */
export const reportingChain = (
  network: Network,
  personId: PersonId,
): Effect.Effect<ReadonlyArray<ChainLink>, NotFound | ReportingChainBroken> =>
  Effect.suspend((): Effect.Effect<ReadonlyArray<ChainLink>, NotFound | ReportingChainBroken> => {
    const index = indexNetwork(network)
    const person = index.personById.get(personId)
    if (person === undefined) return Effect.fail(new NotFound({ entity: "person", id: personId }))
    const regionId = person.regionId
    const held = new Set(
      rolesOf(index, personId)
        .filter((r) => r.regionId === regionId)
        .map((r) => r.role),
    )
    const startRole = seniority.find((role) => held.has(role))
    if (startRole === undefined) {
      return Effect.fail(
        new ReportingChainBroken({
          personId,
          at: personId,
          role: "participant",
          regionId,
          reason: "holdsNoRole",
        }),
      )
    }
    const chain: Array<ChainLink> = [{ personId, role: startRole, regionId }]
    const visitedPeople = new Set<PersonId>([personId])
    const visitedRoles = new Set<Role>([startRole])
    let current: ChainLink = chain[0]!
    while (current.role !== "management") {
      const targets = reportsTo(network, regionId, current.role)
      if (targets.length === 0) {
        return Effect.fail(
          new ReportingChainBroken({
            personId,
            at: current.personId,
            role: current.role,
            regionId,
            reason: "noRuleForRole",
          }),
        )
      }
      // A role already on the path is skipped rather than fatal: another target may still
      // lead to management. Only when every way up is a role already passed is it a cycle.
      let next: ChainLink | undefined
      let loopsBack: Role | undefined
      for (const target of targets) {
        if (visitedRoles.has(target)) {
          loopsBack ??= target
          continue
        }
        const holder = holdersOf(index, regionId, target)
          .map((r) => r.personId)
          .filter((id) => !visitedPeople.has(id))
          .sort()[0]
        if (holder !== undefined) {
          next = { personId: holder, role: target, regionId }
          break
        }
      }
      if (next === undefined) {
        const unheld = targets.find((target) => !visitedRoles.has(target))
        return Effect.fail(
          new ReportingChainBroken({
            personId,
            at: current.personId,
            role: unheld ?? loopsBack ?? current.role,
            regionId,
            reason: unheld === undefined ? "cycle" : "nobodyHoldsTargetRole",
          }),
        )
      }
      chain.push(next)
      visitedPeople.add(next.personId)
      visitedRoles.add(next.role)
      current = next
    }
    return Effect.succeed(chain)
  })
