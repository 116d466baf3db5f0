import { Effect, Result } from "effect"
import { NotFound } from "../organisation/errors.js"
import type { PersonId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import {
  type Network,
  type Person,
  type PersonFunction,
  type Region,
  type Role,
  themeGroupRoles,
} from "../organisation/model.js"
import type {
  Audience,
  AudienceContributions,
  AudienceTag,
  ExcludedRecipient,
  InclusionReason,
  Recipient,
  ResolvedAudience,
  WhoSelector,
} from "./model.js"
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

/** The audience's "who" selectors, each once, in the order the pass-on line names them. */
interface Selectors {
  readonly list: ReadonlyArray<WhoSelector>
  readonly tag: ReadonlyMap<AudienceTag, number>
  readonly role: ReadonlyMap<Role, number>
  readonly function: ReadonlyMap<PersonFunction, number>
  readonly themeGroup: ReadonlyMap<ThemeGroupId, number>
}

const selectorsOf = (audience: Audience): Selectors => {
  const list: Array<WhoSelector> = []
  const numbered = <K>(keys: ReadonlyArray<K>, make: (key: K) => WhoSelector): Map<K, number> => {
    const map = new Map<K, number>()
    for (const key of keys) {
      if (map.has(key)) continue
      map.set(key, list.length)
      list.push(make(key))
    }
    return map
  }
  const tag = numbered(audience.tags ?? [], (tag) => ({ _tag: "Tag", tag }))
  const role = numbered(audience.roles ?? [], (role) => ({ _tag: "Role", role }))
  const fn = numbered(audience.functions ?? [], (fn) => ({ _tag: "Function", function: fn }))
  const themeGroup = numbered(audience.themeGroups ?? [], (themeGroupId) => ({
    _tag: "ThemeGroup",
    themeGroupId,
  }))
  return { list, tag, role, function: fn, themeGroup }
}

/**
 * Every reason `person` is in the "who" part of the audience, and (in `matched`) the number of
 * each selector that matched. Each selector is tested on its own: none narrows another.
 */
const reasonsFor = (
  index: NetworkIndex,
  person: Person,
  selectors: Selectors,
  matched: Array<number>,
): Array<InclusionReason> => {
  const reasons: Array<InclusionReason> = []
  const tagsMatched = new Set<AudienceTag>()
  const matchTag = (tag: AudienceTag, n: number) => {
    tagsMatched.add(tag)
    matched.push(n)
    reasons.push({ _tag: "MatchesTag", tag })
  }
  for (const assignment of index.rolesByPerson.get(person.id) ?? []) {
    const byRole = selectors.role.get(assignment.role)
    const byGroup =
      assignment.themeGroupId !== undefined && themeGroupRoles.includes(assignment.role)
        ? selectors.themeGroup.get(assignment.themeGroupId)
        : undefined
    if (byRole !== undefined) matched.push(byRole)
    if (byGroup !== undefined) matched.push(byGroup)
    if (byRole !== undefined || byGroup !== undefined) {
      reasons.push({
        _tag: "HoldsRole",
        role: assignment.role,
        regionId: assignment.regionId,
        ...(assignment.themeGroupId === undefined ? {} : { themeGroupId: assignment.themeGroupId }),
        ...(assignment.regionalBodyId === undefined ? {} : { regionalBodyId: assignment.regionalBodyId }),
      })
    }
    for (const [tag, n] of selectors.tag) {
      if (!tagsMatched.has(tag) && audienceTagTargets[tag].roles.includes(assignment.role)) matchTag(tag, n)
    }
  }
  for (const [tag, n] of selectors.tag) {
    if (!tagsMatched.has(tag) && audienceTagTargets[tag].functions.includes(person.function)) matchTag(tag, n)
  }
  if (selectors.themeGroup.size > 0) {
    for (const follow of index.followsByPerson.get(person.id) ?? []) {
      const n = selectors.themeGroup.get(follow.themeGroupId)
      if (n === undefined) continue
      matched.push(n)
      reasons.push({ _tag: "FollowsThemeGroup", themeGroupId: follow.themeGroupId })
    }
  }
  const byFunction = selectors.function.get(person.function)
  if (byFunction !== undefined) {
    matched.push(byFunction)
    reasons.push({ _tag: "HasFunction", function: person.function })
  }
  return reasons
}

const isNonEmpty = <A>(items: Array<A>): items is [A, ...Array<A>] => items.length > 0

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
  const selectors = selectorsOf(audience)
  const selective = selectors.list.length > 0
  const optOutGroups = [...new Set([...(audience.themeGroups ?? []), ...concerning])]
  const peopleInScope = audience.scope === "network" ? networkPeopleByRegion(index) : index.peopleByRegion
  const recipients: Array<Recipient> = []
  const recipientPeople: Array<Person> = []
  const excluded: Array<ExcludedRecipient> = []
  const reached = new Array<number>(selectors.list.length).fill(0)
  const recipientsByRegion = new Map<RegionId, number>()
  const matched: Array<number> = []
  for (const region of regions) {
    const people = peopleInScope.get(region.id)
    if (people === undefined) continue
    // Without selectors every recipient of the region shares one (immutable) reason.
    const regionReasons: Recipient["reasons"] = [
      { _tag: "InTargetedRegion", regionId: region.id, scope: audience.scope },
    ]
    let inRegion = 0
    for (const person of people) {
      let reasons: Recipient["reasons"]
      if (selective) {
        matched.length = 0
        const found = reasonsFor(index, person, selectors, matched)
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
      inRegion++
      if (!selective) continue
      // A selector counts a recipient once, however many of their roles it matched.
      for (let i = 0; i < matched.length; i++) {
        const n = matched[i] as number
        if (matched.indexOf(n) === i) reached[n] = (reached[n] ?? 0) + 1
      }
    }
    recipientsByRegion.set(region.id, inRegion)
  }
  const recipientsIn = (ids: ReadonlyArray<RegionId>) =>
    ids.reduce((sum, id) => sum + (recipientsByRegion.get(id) ?? 0), 0)
  const where: Array<AudienceContributions["where"][number]> = [
    ...[...new Set(audience.regions ?? [])].map((regionId) => ({
      place: { _tag: "Region" as const, regionId },
      regions: [regionId],
      recipients: recipientsIn([regionId]),
    })),
    ...[...new Set(audience.healthcareRegions ?? [])].map((healthcareRegionId) => {
      const ids = (index.regionsByHealthcareRegion.get(healthcareRegionId) ?? []).map((r) => r.id)
      return {
        place: { _tag: "HealthcareRegion" as const, healthcareRegionId },
        regions: ids,
        recipients: recipientsIn(ids),
      }
    }),
  ]
  return Result.succeed({
    recipients,
    recipientPeople,
    excluded,
    targetedRegions: regions.map((r) => r.id),
    contributions: {
      scope: audience.scope,
      who: selectors.list.map((selector, n) => ({ selector, recipients: reached[n] ?? 0 })),
      where,
    },
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
    ({ recipients, excluded, targetedRegions, contributions }) => ({
      recipients,
      excluded,
      targetedRegions,
      contributions,
    }),
  )

/**
 * Everyone an audience reaches, each once with every reason they are included, and what each
 * selector contributed. One rule: "who" selectors widen, "where" selectors narrow.
 *
 * "Förtydliga målgrupp … Skriv gärna ut vem det ska spridas till."
 *
 * - Who (union): a person is in when ANY selector matches them; no selector narrows another.
 *   - tag: holds one of the tag's roles anywhere, or has one of its functions (`audience/tags.ts`);
 *   - role: holds the role, in any theme group, regional body or region;
 *   - function: has that professional function;
 *   - theme group: is a participant, chair or contact person of the group, or follows it.
 *   Without any who-selector, everyone in scope is in. So `{ themeGroups: [matvanor], roles:
 *   [processLeader] }` reaches Matvanor's members and followers AND every process leader.
 * - Where (filter): the named regions and every region of the named healthcare regions (Halland
 *   is reached from Västra and from Södra), all regions when none is named; a person counts in
 *   their home region. Adding a place to an audience without one never adds a recipient.
 * - Scope: `network` keeps people holding a role or following a group; `public` keeps everyone
 *   registered, so a network audience is always part of the public one.
 * - Opt-outs: someone who opted out of everything, or of every theme group the audience
 *   concerns, is left out and listed in `excluded`.
 *
 * `contributions` says how many recipients each who-selector brought and how many live in each
 * place; `passOnLine` renders "Sprid vidare till: …" from it, so the line names exactly the
 * selectors that reached someone.
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
