import { Effect, Result } from "effect"
import type { Audience, InclusionReason, ResolvedAudience } from "../audience/model.js"
import { resolveRecipients } from "../audience/resolve.js"
import { passOnLine } from "../messages/explain.js"
import { NotFound } from "../organisation/errors.js"
import { type PersonId, type RegionId, type ThemeGroupId, UpdateId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Channel, Network, Person, RoleAssignment } from "../organisation/model.js"
import type { Bridge, DisseminationPlan, PlannedDelivery, UnreachableRegion, Update } from "./model.js"

const byPersonId = (a: RoleAssignment, b: RoleAssignment): number =>
  a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0

const optedOutOf = (person: Person, themeGroupId: ThemeGroupId): boolean =>
  person.preferences.optedOutOfAll || person.preferences.optedOutOfThemeGroups.includes(themeGroupId)

const processLeadersCache = new WeakMap<Network, ReadonlyMap<RegionId, ReadonlyArray<RoleAssignment>>>()

/**
 * Process leaders per region, in person order so the same network always picks the same
 * bridge; built once per network (like its index) so a plan never scans a region's roles.
 */
const processLeadersByRegion = (
  index: NetworkIndex,
): ReadonlyMap<RegionId, ReadonlyArray<RoleAssignment>> => {
  const cached = processLeadersCache.get(index.network)
  if (cached !== undefined) return cached
  const leaders = new Map<RegionId, Array<RoleAssignment>>()
  for (const assignment of index.network.roles) {
    if (assignment.role !== "processLeader") continue
    const bucket = leaders.get(assignment.regionId)
    if (bucket === undefined) leaders.set(assignment.regionId, [assignment])
    else bucket.push(assignment)
  }
  for (const bucket of leaders.values()) bucket.sort(byPersonId)
  processLeadersCache.set(index.network, leaders)
  return leaders
}

interface ChosenBridge {
  readonly person: Person
  readonly bridge: Bridge
  readonly reason: InclusionReason
}

const none: ReadonlyArray<never> = []
const emailOnly: ReadonlyArray<Channel> = ["email"]

/**
 * "kontaktperson kopplad till temagrupperna … kan få mejlutskick även om personen inte har
 * möjlighet att vara med i gruppen. Det kan vara processledarna eller andra utsedda personer."
 * The region's contact person for the group, else its process leader; one person bridges one
 * region, so every uncovered region gets a bridge of its own. Someone who opted out of the
 * group (or of everything) is passed over for the next candidate.
 */
const chooseBridge = (
  index: NetworkIndex,
  regionId: RegionId,
  themeGroupId: ThemeGroupId,
  contacts: ReadonlyArray<RoleAssignment>,
  taken: ReadonlyMap<PersonId, ChosenBridge>,
): ChosenBridge | UnreachableRegion => {
  let someoneOptedOut = false
  const candidates = [contacts, processLeadersByRegion(index).get(regionId) ?? none]
  for (const assignments of candidates) {
    for (const assignment of assignments) {
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
        reason:
          assignment.themeGroupId === undefined
            ? { _tag: "HoldsRole", role: assignment.role, regionId }
            : { _tag: "HoldsRole", role: assignment.role, regionId, themeGroupId: assignment.themeGroupId },
      }
    }
  }
  return { regionId, reason: someoneOptedOut ? "bridgeOptedOut" : "noContactPersonOrProcessLeader" }
}

/** One bridge per targeted region without a participant of the group, or the reason there is none. */
const planBridges = (
  index: NetworkIndex,
  themeGroupId: ThemeGroupId,
  targetedRegions: ReadonlyArray<RegionId>,
): {
  readonly bridges: ReadonlyMap<PersonId, ChosenBridge>
  readonly unreachable: Array<UnreachableRegion>
} => {
  const represented = new Set<RegionId>()
  const contactsByRegion = new Map<RegionId, Array<RoleAssignment>>()
  for (const assignment of index.rolesByThemeGroup.get(themeGroupId) ?? none) {
    if (assignment.role === "participant") represented.add(assignment.regionId)
    else if (assignment.role === "contactPerson") {
      const bucket = contactsByRegion.get(assignment.regionId)
      if (bucket === undefined) contactsByRegion.set(assignment.regionId, [assignment])
      else bucket.push(assignment)
    }
  }
  const bridges = new Map<PersonId, ChosenBridge>()
  const unreachable: Array<UnreachableRegion> = []
  for (const regionId of targetedRegions) {
    if (represented.has(regionId)) continue
    const contacts = (contactsByRegion.get(regionId) ?? []).sort(byPersonId)
    const chosen = chooseBridge(index, regionId, themeGroupId, contacts, bridges)
    if ("person" in chosen) bridges.set(chosen.person.id, chosen)
    else unreachable.push(chosen)
  }
  return { bridges, unreachable }
}

type Skipped = DisseminationPlan["skipped"][number]

/** What planning reads of an update: its id (on every delivery), its theme group and its audience. */
type Planned = Pick<Update, "id" | "themeGroupId" | "audience">

/** What publishing an update would send, and the audience resolution it was planned from. */
export interface DisseminationPreview {
  readonly audience: ResolvedAudience
  readonly plan: DisseminationPlan
}

const planResult = (network: Network, update: Planned): Result.Result<DisseminationPreview, NotFound> => {
  const index = indexNetwork(network)
  const themeGroupId = update.themeGroupId
  if (themeGroupId !== undefined && !index.themeGroupById.has(themeGroupId)) {
    return Result.fail(new NotFound({ entity: "themeGroup", id: themeGroupId }))
  }
  const resolved = resolveRecipients(
    network,
    update.audience,
    themeGroupId === undefined ? [] : [themeGroupId],
  )
  if (Result.isFailure(resolved)) return Result.fail(resolved.failure)
  const { recipients, recipientPeople, excluded, targetedRegions, contributions } = resolved.success
  const { bridges, unreachable } =
    themeGroupId === undefined
      ? { bridges: new Map<PersonId, ChosenBridge>(), unreachable: [] }
      : planBridges(index, themeGroupId, targetedRegions)

  const deliveries: Array<PlannedDelivery> = []
  const skipped: Array<Skipped> = excluded.map((e) => ({ personId: e.personId, reason: e.reason }))
  const bridgesAlreadyRecipients = new Set<PersonId>()
  const deliver = (
    person: Person,
    regionId: RegionId,
    reasons: ReadonlyArray<InclusionReason>,
    bridge: Bridge | undefined,
  ): void => {
    const chosen = person.preferences.channels
    // A bridge must arrive somewhere: without a chosen channel it goes by email.
    const channels: ReadonlyArray<Channel> = chosen.length > 0 ? chosen : bridge ? emailOnly : none
    if (channels.length === 0) {
      skipped.push({ personId: person.id, reason: "noChannel" })
      return
    }
    for (let i = 0; i < channels.length; i++) {
      const channel = channels[i] as Channel
      if (i > 0 && channels.indexOf(channel) < i) continue
      deliveries.push(
        bridge === undefined
          ? { updateId: update.id, personId: person.id, regionId, channel, reasons }
          : { updateId: update.id, personId: person.id, regionId, channel, reasons, bridge },
      )
    }
  }
  const anyBridges = bridges.size > 0
  for (let i = 0; i < recipients.length; i++) {
    const recipient = recipients[i] as (typeof recipients)[number]
    const person = recipientPeople[i] as Person
    const chosen = anyBridges ? bridges.get(recipient.personId) : undefined
    if (chosen !== undefined) bridgesAlreadyRecipients.add(recipient.personId)
    deliver(person, recipient.regionId, recipient.reasons, chosen?.bridge)
  }
  for (const chosen of bridges.values()) {
    if (bridgesAlreadyRecipients.has(chosen.person.id)) continue
    deliver(chosen.person, chosen.person.regionId, [chosen.reason], chosen.bridge)
  }
  // A region is unreachable only when nobody in it receives the update: people reached by a
  // tag or a role carry it into their region even when no bridge could be found.
  let unreachableRegions = unreachable
  if (unreachable.length > 0) {
    const receivingRegions = new Set<RegionId>()
    for (const delivery of deliveries) receivingRegions.add(delivery.regionId)
    unreachableRegions = unreachable.filter((region) => !receivingRegions.has(region.regionId))
  }
  return Result.succeed({
    audience: { recipients, excluded, targetedRegions, contributions },
    plan: {
      updateId: update.id,
      deliveries,
      unreachableRegions,
      skipped,
      passOnLine: passOnLine(network, contributions),
    },
  })
}

/**
 * Who gets an update, on which channel, and why.
 *
 * - Each recipient of the audience ({@link resolveAudience}, with opt-outs of the update's
 *   theme group honoured too) gets one delivery per channel they chose; someone who chose no
 *   channel is listed in `skipped` as `noChannel`.
 * - Every targeted region with no participant in the update's theme group gets exactly one
 *   bridge delivery: its contact person for the group, else its process leader, passing over
 *   anyone who opted out. A region is listed in `unreachableRegions` only when no bridge can
 *   be found AND nobody in it receives the update otherwise (by a tag, a role, a follow).
 *   A bridge who is already a recipient has that delivery marked as the bridge; a bridge who
 *   chose no channel gets email. Updates without a theme group have no bridges.
 * - `passOnLine` is the "Sprid vidare till: …" line, rendered from what the audience's
 *   resolution did (its `contributions`), so it names only selectors that reached someone.
 *
 * Linear in the number of recipients. Fails with {@link NotFound} for an unknown theme group
 * or an unknown id in the audience.
 */
export const planDissemination = (
  network: Network,
  update: Update,
): Effect.Effect<DisseminationPlan, NotFound> =>
  Effect.suspend(() => Effect.fromResult(Result.map(planResult(network, update), (planned) => planned.plan)))

/** The id a previewed plan's deliveries carry: the update is not stored yet. */
export const previewUpdateId = UpdateId.make("preview")

/**
 * What publishing an update of `themeGroupId` to `audience` would plan, before the update
 * exists, with the audience as the plan resolved it (opt-outs of the group left out): the same
 * rule as {@link planDissemination}, bridges and unreachable regions included. For previews
 * (the API's, Slack's post modal) and for asking who would carry a group into a region. The
 * deliveries carry {@link previewUpdateId}.
 */
export const previewDissemination = (
  network: Network,
  publication: { readonly themeGroupId?: ThemeGroupId; readonly audience: Audience },
): Effect.Effect<DisseminationPreview, NotFound> =>
  Effect.suspend(() => Effect.fromResult(planResult(network, { id: previewUpdateId, ...publication })))
