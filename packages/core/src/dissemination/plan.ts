import { Effect, Result } from "effect"
import type { InclusionReason } from "../audience/model.js"
import { resolveAudienceResult } from "../audience/resolve.js"
import { passOnLine } from "../messages/explain.js"
import { NotFound } from "../organisation/errors.js"
import type { PersonId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Network, Person, RoleAssignment } from "../organisation/model.js"
import type { Bridge, DisseminationPlan, PlannedDelivery, UnreachableRegion, Update } from "./model.js"

const byPersonId = (a: RoleAssignment, b: RoleAssignment): number =>
  a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0

const optedOutOf = (person: Person, themeGroupId: ThemeGroupId): boolean =>
  person.preferences.optedOutOfAll || person.preferences.optedOutOfThemeGroups.includes(themeGroupId)

interface ChosenBridge {
  readonly person: Person
  readonly bridge: Bridge
  readonly reason: InclusionReason
}

/**
 * "kontaktperson kopplad till temagrupperna … kan få mejlutskick även om personen inte har
 * möjlighet att vara med i gruppen. Det kan vara processledarna eller andra utsedda personer."
 * The region's contact person for the group, else its process leader; one person bridges one
 * region, so every uncovered region gets a bridge of its own.
 */
const chooseBridge = (
  index: NetworkIndex,
  regionId: RegionId,
  themeGroupId: ThemeGroupId,
  taken: ReadonlySet<PersonId>,
): ChosenBridge | UnreachableRegion => {
  const regionRoles = index.rolesByRegion.get(regionId) ?? []
  const contacts = regionRoles
    .filter((r) => r.role === "contactPerson" && r.themeGroupId === themeGroupId)
    .sort(byPersonId)
  const leaders = regionRoles.filter((r) => r.role === "processLeader").sort(byPersonId)
  let someoneOptedOut = false
  for (const assignment of [...contacts, ...leaders]) {
    const person = index.personById.get(assignment.personId)
    if (person === undefined || taken.has(person.id)) continue
    if (optedOutOf(person, themeGroupId)) {
      someoneOptedOut = true
      continue
    }
    const via = assignment.role === "contactPerson" ? "contactPerson" : "processLeader"
    return {
      person,
      bridge: { regionId, via },
      reason: {
        _tag: "HoldsRole",
        role: assignment.role,
        regionId,
        ...(assignment.themeGroupId === undefined ? {} : { themeGroupId: assignment.themeGroupId }),
      },
    }
  }
  return { regionId, reason: someoneOptedOut ? "bridgeOptedOut" : "noContactPersonOrProcessLeader" }
}

const planResult = (network: Network, update: Update): Result.Result<DisseminationPlan, NotFound> => {
  const index = indexNetwork(network)
  const themeGroupId = update.themeGroupId
  if (themeGroupId !== undefined && !index.themeGroupById.has(themeGroupId)) {
    return Result.fail(new NotFound({ entity: "themeGroup", id: themeGroupId }))
  }
  const resolved = resolveAudienceResult(
    network,
    update.audience,
    themeGroupId === undefined ? [] : [themeGroupId],
  )
  if (Result.isFailure(resolved)) return Result.fail(resolved.failure)
  const { recipients, excluded, targetedRegions } = resolved.success

  const reasonsByPerson = new Map<PersonId, { regionId: RegionId; reasons: Array<InclusionReason> }>()
  for (const recipient of recipients) {
    reasonsByPerson.set(recipient.personId, { regionId: recipient.regionId, reasons: [...recipient.reasons] })
  }

  const bridges = new Map<PersonId, Bridge>()
  const unreachableRegions: Array<UnreachableRegion> = []
  if (themeGroupId !== undefined) {
    const representedRegions = new Set<RegionId>()
    for (const role of index.rolesByThemeGroup.get(themeGroupId) ?? []) {
      if (role.role === "participant") representedRegions.add(role.regionId)
    }
    for (const regionId of targetedRegions) {
      if (representedRegions.has(regionId)) continue
      const chosen = chooseBridge(index, regionId, themeGroupId, new Set(bridges.keys()))
      if ("person" in chosen) {
        bridges.set(chosen.person.id, chosen.bridge)
        const existing = reasonsByPerson.get(chosen.person.id)
        if (existing === undefined) {
          reasonsByPerson.set(chosen.person.id, {
            regionId: chosen.person.regionId,
            reasons: [chosen.reason],
          })
        }
      } else {
        unreachableRegions.push(chosen)
      }
    }
  }

  const deliveries: Array<PlannedDelivery> = []
  const skipped: Array<DisseminationPlan["skipped"][number]> = excluded.map((e) => ({
    personId: e.personId,
    reason: e.reason,
  }))
  for (const [personId, { regionId, reasons }] of reasonsByPerson) {
    const person = index.personById.get(personId)
    if (person === undefined) continue
    const bridge = bridges.get(personId)
    // A bridge must arrive somewhere: without a chosen channel it goes by email.
    const channels =
      person.preferences.channels.length > 0 ? person.preferences.channels : bridge ? ["email" as const] : []
    if (channels.length === 0) {
      skipped.push({ personId, reason: "noChannel" })
      continue
    }
    for (const channel of new Set(channels)) {
      deliveries.push({
        updateId: update.id,
        personId,
        regionId,
        channel,
        reasons,
        ...(bridge === undefined ? {} : { bridge }),
      })
    }
  }
  return Result.succeed({
    updateId: update.id,
    deliveries,
    unreachableRegions,
    skipped,
    passOnLine: passOnLine(network, update.audience),
  })
}

/**
 * Who gets an update, on which channel, and why. Each recipient is planned once per channel
 * they chose; every targeted region with nobody in the update's theme group gets exactly one
 * bridge delivery (its contact person for the group, else its process leader) or is listed as
 * unreachable with the reason. Fails with {@link NotFound} for unknown ids.
 */
export const planDissemination = (
  network: Network,
  update: Update,
): Effect.Effect<DisseminationPlan, NotFound> =>
  Effect.suspend(() => Effect.fromResult(planResult(network, update)))
