import { Effect, Result } from "effect"
import { NotFound } from "../organisation/errors.js"
import type { PersonId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import { type Network, type Person, type Region, themeGroupRoles } from "../organisation/model.js"
import type { Audience, ExcludedRecipient, InclusionReason, Recipient, ResolvedAudience } from "./model.js"
import { audienceTagTargets } from "./tags.js"

const checkReferences = (index: NetworkIndex, audience: Audience): NotFound | undefined => {
  for (const id of audience.regions ?? []) {
    if (!index.regionById.has(id)) return new NotFound({ entity: "region", id })
  }
  for (const id of audience.healthcareRegions ?? []) {
    if (!index.healthcareRegionById.has(id)) return new NotFound({ entity: "healthcareRegion", id })
  }
  for (const id of audience.themeGroups ?? []) {
    if (!index.themeGroupById.has(id)) return new NotFound({ entity: "themeGroup", id })
  }
  return undefined
}

/**
 * The regions an audience targets: the named regions and every region of the named healthcare
 * regions (a region in two healthcare regions, like Halland, is reached from either), in the
 * network's order; all regions when neither is named.
 */
export const targetedRegions = (index: NetworkIndex, audience: Audience): ReadonlyArray<Region> => {
  const regions = audience.regions ?? []
  const healthcareRegions = audience.healthcareRegions ?? []
  if (regions.length === 0 && healthcareRegions.length === 0) return index.network.regions
  const wanted = new Set<RegionId>(regions)
  for (const hcr of healthcareRegions) {
    for (const region of index.regionsByHealthcareRegion.get(hcr) ?? []) wanted.add(region.id)
  }
  return index.network.regions.filter((region) => wanted.has(region.id))
}

const isInNetwork = (index: NetworkIndex, personId: PersonId): boolean =>
  (index.rolesByPerson.get(personId)?.length ?? 0) > 0 ||
  (index.followsByPerson.get(personId)?.length ?? 0) > 0

const reasonsFor = (index: NetworkIndex, person: Person, audience: Audience): Array<InclusionReason> => {
  const reasons: Array<InclusionReason> = []
  const roles = audience.roles ?? []
  const groups = audience.themeGroups ?? []
  const tags = audience.tags ?? []
  const functions = audience.functions ?? []
  const tagsMatched = new Set<string>()
  for (const assignment of index.rolesByPerson.get(person.id) ?? []) {
    const groupBound = themeGroupRoles.includes(assignment.role)
    const inNamedGroup = assignment.themeGroupId !== undefined && groups.includes(assignment.themeGroupId)
    // Named theme groups narrow the group-bound roles: "participants" of Tobak, not of every group.
    const matchesRole =
      roles.includes(assignment.role) && (!groupBound || groups.length === 0 || inNamedGroup)
    const matchesGroup = roles.length === 0 && groupBound && inNamedGroup
    if (matchesRole || matchesGroup) {
      reasons.push({
        _tag: "HoldsRole",
        role: assignment.role,
        regionId: assignment.regionId,
        ...(assignment.themeGroupId === undefined ? {} : { themeGroupId: assignment.themeGroupId }),
        ...(assignment.regionalBodyId === undefined ? {} : { regionalBodyId: assignment.regionalBodyId }),
      })
    }
    for (const tag of tags) {
      if (!tagsMatched.has(tag) && audienceTagTargets[tag].roles.includes(assignment.role)) {
        tagsMatched.add(tag)
        reasons.push({ _tag: "MatchesTag", tag })
      }
    }
  }
  for (const tag of tags) {
    if (!tagsMatched.has(tag) && audienceTagTargets[tag].functions.includes(person.function)) {
      tagsMatched.add(tag)
      reasons.push({ _tag: "MatchesTag", tag })
    }
  }
  if (groups.length > 0) {
    for (const follow of index.followsByPerson.get(person.id) ?? []) {
      if (groups.includes(follow.themeGroupId)) {
        reasons.push({ _tag: "FollowsThemeGroup", themeGroupId: follow.themeGroupId })
      }
    }
  }
  if (functions.includes(person.function)) reasons.push({ _tag: "HasFunction", function: person.function })
  return reasons
}

const isNonEmpty = <A>(items: Array<A>): items is [A, ...Array<A>] => items.length > 0

const hasSelectors = (audience: Audience): boolean =>
  (audience.roles?.length ?? 0) > 0 ||
  (audience.themeGroups?.length ?? 0) > 0 ||
  (audience.tags?.length ?? 0) > 0 ||
  (audience.functions?.length ?? 0) > 0

/**
 * The optedOut check: someone who opted out of everything is never reached; someone who opted
 * out of groups is not reached by an audience that concerns only groups they opted out of.
 */
const optOutOf = (
  person: Person,
  concerning: ReadonlyArray<ThemeGroupId>,
): ExcludedRecipient["reason"] | undefined => {
  if (person.preferences.optedOutOfAll) return "optedOutOfAll"
  if (
    concerning.length > 0 &&
    concerning.every((g) => person.preferences.optedOutOfThemeGroups.includes(g))
  ) {
    return "optedOutOfThemeGroup"
  }
  return undefined
}

const networkPeopleCache = new WeakMap<Network, ReadonlyMap<RegionId, ReadonlyArray<Person>>>()

/**
 * Per region, the people "in the network": holding a role or following a group. Built once per
 * network (like its index), so resolving a network audience never looks people up one by one.
 */
const networkPeopleByRegion = (index: NetworkIndex): ReadonlyMap<RegionId, ReadonlyArray<Person>> => {
  const cached = networkPeopleCache.get(index.network)
  if (cached !== undefined) return cached
  const byRegion = new Map<RegionId, Array<Person>>()
  for (const person of index.network.people) {
    if (!isInNetwork(index, person.id)) continue
    const bucket = byRegion.get(person.regionId)
    if (bucket === undefined) byRegion.set(person.regionId, [person])
    else bucket.push(person)
  }
  networkPeopleCache.set(index.network, byRegion)
  return byRegion
}

/** A resolved audience together with each recipient's person, in the same order. */
export interface ResolvedRecipients extends ResolvedAudience {
  readonly recipientPeople: ReadonlyArray<Person>
}

/**
 * The synchronous heart of {@link resolveAudience}, for callers (like dissemination) that are
 * already inside one computation. `concerning` adds theme groups whose opt-outs apply.
 * @internal
 */
export const resolveRecipients = (
  network: Network,
  audience: Audience,
  concerning: ReadonlyArray<ThemeGroupId> = [],
): Result.Result<ResolvedRecipients, NotFound> => {
  const index = indexNetwork(network)
  const missing = checkReferences(index, audience)
  if (missing !== undefined) return Result.fail(missing)
  const regions = targetedRegions(index, audience)
  const selective = hasSelectors(audience)
  const optOutGroups = [...new Set([...(audience.themeGroups ?? []), ...concerning])]
  const peopleInScope = audience.scope === "network" ? networkPeopleByRegion(index) : index.peopleByRegion
  const recipients: Array<Recipient> = []
  const recipientPeople: Array<Person> = []
  const excluded: Array<ExcludedRecipient> = []
  for (const region of regions) {
    const people = peopleInScope.get(region.id)
    if (people === undefined) continue
    // Without selectors every recipient of the region shares one (immutable) reason.
    const regionReasons: Recipient["reasons"] = [
      { _tag: "InTargetedRegion", regionId: region.id, scope: audience.scope },
    ]
    for (const person of people) {
      let reasons: Recipient["reasons"]
      if (selective) {
        const found = reasonsFor(index, person, audience)
        if (!isNonEmpty(found)) continue
        reasons = found
      } else {
        reasons = regionReasons
      }
      const optedOut = optOutOf(person, optOutGroups)
      if (optedOut !== undefined) {
        excluded.push({ personId: person.id, reason: optedOut })
        continue
      }
      recipients.push({ personId: person.id, regionId: person.regionId, reasons })
      recipientPeople.push(person)
    }
  }
  return Result.succeed({
    recipients,
    recipientPeople,
    excluded,
    targetedRegions: regions.map((r) => r.id),
  })
}

/**
 * {@link resolveAudience} without the Effect, for callers already inside one computation.
 * `concerning` adds theme groups whose opt-outs apply.
 */
export const resolveAudienceResult = (
  network: Network,
  audience: Audience,
  concerning: ReadonlyArray<ThemeGroupId> = [],
): Result.Result<ResolvedAudience, NotFound> =>
  Result.map(
    resolveRecipients(network, audience, concerning),
    ({ recipients, excluded, targetedRegions }) => ({
      recipients,
      excluded,
      targetedRegions,
    }),
  )

/**
 * Everyone an audience reaches, each once with every reason they are included.
 *
 * - Scope `network`: people holding any role or following any group; `public`: everyone
 *   registered, including staff who only subscribe.
 * - Regions: the named regions and every region of the named healthcare regions (Halland is
 *   reached from Västra and from Södra); all regions when neither is named. A person belongs to
 *   their home region.
 * - Selectors (tags, theme groups, roles, functions) widen: a person matching any of them is
 *   in. Named theme groups narrow the group roles (participants of Tobak, not of every group).
 *   Without selectors everyone in scope in the targeted regions is in.
 * - Opt-outs: someone who opted out of everything, or of every theme group the audience
 *   concerns, is left out and listed in `excluded`.
 *
 * Linear in the number of people in the targeted regions. Fails with {@link NotFound} naming
 * the first region, healthcare region or theme group the network does not have.
 *
 * @example
 * ```ts
 * const { recipients } = yield* resolveAudience(network, {
 *   scope: "network",
 *   tags: ["governance-and-leadership"],
 *   healthcareRegions: [sodra],
 * })
 * ```
 */
export const resolveAudience = (
  network: Network,
  audience: Audience,
): Effect.Effect<ResolvedAudience, NotFound> =>
  Effect.suspend(() => Effect.fromResult(resolveAudienceResult(network, audience)))
