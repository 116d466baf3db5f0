import { Effect } from "effect"
import { previewDissemination } from "../dissemination/plan.js"
import { NotFound } from "../organisation/errors.js"
import type { PersonId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import {
  type Follow,
  type FollowFrequency,
  type Network,
  type Person,
  type Role,
  themeGroupRoles,
} from "../organisation/model.js"
import type {
  GroupOnPage,
  PreferenceChoice,
  PreferenceEffect,
  PreferencePage,
  PreferenceSteps,
  TakesOver,
} from "./model.js"

const personOf = (index: NetworkIndex, personId: PersonId): Effect.Effect<Person, NotFound> => {
  const person = index.personById.get(personId)
  return person === undefined
    ? Effect.fail(new NotFound({ entity: "person", id: personId }))
    : Effect.succeed(person)
}

const groupRolesOf = (index: NetworkIndex, personId: PersonId, themeGroupId: ThemeGroupId): Array<Role> => [
  ...new Set(
    (index.rolesByPerson.get(personId) ?? [])
      .filter((role) => role.themeGroupId === themeGroupId && themeGroupRoles.includes(role.role))
      .map((role) => role.role),
  ),
]

const activeGroups = (network: Network) => network.themeGroups.filter((group) => group.status === "active")

/** Followed groups' one frequency, or `unchanged` when they differ (each keeps its own). */
const cadenceOf = (follows: ReadonlyArray<Follow>): PreferenceChoice["cadence"] => {
  const frequencies = new Set(follows.map((follow) => follow.frequency))
  if (frequencies.size > 1) return "unchanged"
  return follows[0]?.frequency ?? "immediate"
}

/**
 * What a reader's own page starts from. A group's mail reaches the reader when they follow it or
 * hold a role in it, and have not opted out of it.
 */
export const preferencePage = (
  network: Network,
  personId: PersonId,
): Effect.Effect<PreferencePage, NotFound> =>
  Effect.gen(function* () {
    const index = indexNetwork(network)
    const person = yield* personOf(index, personId)
    const follows = index.followsByPerson.get(personId) ?? []
    const groups: Array<GroupOnPage> = activeGroups(network).map((group) => {
      const follow = follows.find((candidate) => candidate.themeGroupId === group.id)
      const roles = groupRolesOf(index, personId, group.id)
      const optedOut = person.preferences.optedOutOfThemeGroups.includes(group.id)
      return {
        themeGroupId: group.id,
        name: group.name,
        receiving: !optedOut && (follow !== undefined || roles.length > 0),
        ...(follow === undefined ? {} : { following: follow.frequency }),
        roles,
      }
    })
    return {
      personId,
      name: person.name,
      choice: {
        channels: person.preferences.channels,
        language: person.preferences.language,
        cadence: cadenceOf(follows),
        optedOutOfAll: person.preferences.optedOutOfAll,
        themeGroups: groups.filter((group) => group.receiving).map((group) => group.themeGroupId),
      },
      groups,
    }
  })

const sameSet = <A>(a: ReadonlyArray<A>, b: ReadonlyArray<A>) =>
  a.length === b.length && a.every((item) => b.includes(item))

/**
 * The writes a choice needs. Stopping a group unfollows it, and opts out of it when the reader
 * holds a role there (a role's mail would otherwise keep coming); wanting a group back lifts the
 * opt-out, and follows it when no role brings its mail. Groups that are not active (merged) keep
 * their opt-outs. Empty when the choice is what is stored, so sending it again writes nothing.
 */
export const preferenceSteps = (
  network: Network,
  personId: PersonId,
  choice: PreferenceChoice,
): Effect.Effect<PreferenceSteps, NotFound> =>
  Effect.gen(function* () {
    const index = indexNetwork(network)
    const person = yield* personOf(index, personId)
    const follows = index.followsByPerson.get(personId) ?? []
    const optedOut = new Set(person.preferences.optedOutOfThemeGroups)
    const follow: Array<PreferenceSteps["follow"][number]> = []
    const unfollow: Array<ThemeGroupId> = []
    for (const group of activeGroups(network)) {
      const wanted = choice.themeGroups.includes(group.id)
      const followed = follows.find((candidate) => candidate.themeGroupId === group.id)
      const hasRole = groupRolesOf(index, personId, group.id).length > 0
      if (!wanted) {
        if (followed !== undefined) unfollow.push(group.id)
        if (hasRole) optedOut.add(group.id)
        continue
      }
      optedOut.delete(group.id)
      const frequency: FollowFrequency | undefined =
        choice.cadence === "unchanged" ? followed?.frequency : choice.cadence
      if (followed === undefined && !hasRole) {
        follow.push({ personId, themeGroupId: group.id, frequency: frequency ?? "immediate" })
      } else if (followed !== undefined && frequency !== undefined && frequency !== followed.frequency) {
        follow.push({ personId, themeGroupId: group.id, frequency })
      }
    }
    const preferences = {
      channels: choice.channels,
      language: choice.language,
      optedOutOfAll: choice.optedOutOfAll,
      optedOutOfThemeGroups: [...optedOut],
    }
    const current = person.preferences
    const changed =
      !sameSet(current.channels, preferences.channels) ||
      current.language !== preferences.language ||
      current.optedOutOfAll !== preferences.optedOutOfAll ||
      !sameSet(current.optedOutOfThemeGroups, preferences.optedOutOfThemeGroups)
    return { ...(changed ? { preferences } : {}), follow, unfollow }
  })

/** The network as it would be after the steps: the same value `planDissemination` reads. */
const applySteps = (network: Network, personId: PersonId, steps: PreferenceSteps): Network => {
  const unfollowed = new Set<ThemeGroupId>(steps.unfollow)
  const refollowed = new Map(steps.follow.map((follow) => [follow.themeGroupId, follow]))
  const follows = network.follows.filter(
    (follow) =>
      follow.personId !== personId ||
      (!unfollowed.has(follow.themeGroupId) && !refollowed.has(follow.themeGroupId)),
  )
  const preferences = steps.preferences
  return {
    ...network,
    people:
      preferences === undefined
        ? network.people
        : network.people.map((person) => (person.id === personId ? { ...person, preferences } : person)),
    follows: [...follows, ...steps.follow],
  }
}

/**
 * Who carries a group's mail into a region without a participant, by the very rule dissemination
 * uses (`planDissemination`: the contact person, else the process leader, passing over anyone
 * who opted out). Undefined when the region has a participant or nobody can carry it.
 */
const bridgeInto = (
  network: Network,
  regionId: RegionId,
  themeGroupId: ThemeGroupId,
): Effect.Effect<TakesOver | undefined, NotFound> =>
  previewDissemination(network, {
    themeGroupId,
    audience: { scope: "network", themeGroups: [themeGroupId], regions: [regionId] },
  }).pipe(
    Effect.map(({ plan }) => {
      const delivery = plan.deliveries.find((candidate) => candidate.bridge?.regionId === regionId)
      if (delivery?.bridge === undefined) return undefined
      const name = indexNetwork(network).personById.get(delivery.personId)?.name ?? delivery.personId
      return { personId: delivery.personId, name, via: delivery.bridge.via }
    }),
  )

/** The region × group pairs the reader could be the way into: as contact person, or as process leader. */
const bridgeCandidates = (network: Network, index: NetworkIndex, personId: PersonId) => {
  const pairs = new Map<string, { regionId: RegionId; themeGroupId: ThemeGroupId }>()
  const add = (regionId: RegionId, themeGroupId: ThemeGroupId) =>
    pairs.set(`${regionId}/${themeGroupId}`, { regionId, themeGroupId })
  const groups = activeGroups(network)
  for (const role of index.rolesByPerson.get(personId) ?? []) {
    if (role.role === "contactPerson" && role.themeGroupId !== undefined) {
      if (groups.some((group) => group.id === role.themeGroupId)) add(role.regionId, role.themeGroupId)
    }
    if (role.role === "processLeader") for (const group of groups) add(role.regionId, group.id)
  }
  return [...pairs.values()]
}

/**
 * What a reader's choice does, said in terms they can act on: which groups' mail stops or
 * starts and how often it comes, and above all, when they are a region's only way into a group
 * ("kontaktperson kopplad till temagrupperna … en kanal in"), that the region loses that channel
 * and who takes over by the dissemination rule, or that nobody does. Rendered in Swedish or
 * English by `explainPreferenceEffect`.
 */
export const preferenceChangeEffects = (
  network: Network,
  personId: PersonId,
  choice: PreferenceChoice,
): Effect.Effect<ReadonlyArray<PreferenceEffect>, NotFound> =>
  Effect.gen(function* () {
    const index = indexNetwork(network)
    const person = yield* personOf(index, personId)
    const page = yield* preferencePage(network, personId)
    const steps = yield* preferenceSteps(network, personId, choice)
    const after = applySteps(network, personId, steps)
    const effects: Array<PreferenceEffect> = []
    const before = person.preferences
    if (!before.optedOutOfAll && choice.optedOutOfAll) effects.push({ _tag: "StoppedAll" })
    if (before.optedOutOfAll && !choice.optedOutOfAll) effects.push({ _tag: "ResumedAll" })
    if (!sameSet(before.channels, choice.channels))
      effects.push({ _tag: "ChannelsChanged", channels: choice.channels })
    if (before.language !== choice.language)
      effects.push({ _tag: "LanguageChanged", language: choice.language })
    for (const group of page.groups) {
      const wanted = choice.themeGroups.includes(group.themeGroupId)
      if (group.receiving && !wanted) {
        effects.push({ _tag: "StopsThemeGroup", themeGroupId: group.themeGroupId, keepsRoles: group.roles })
      } else if (!group.receiving && wanted) {
        const started = steps.follow.find((follow) => follow.themeGroupId === group.themeGroupId)
        effects.push({
          _tag: "StartsThemeGroup",
          themeGroupId: group.themeGroupId,
          ...(group.roles.length > 0 || started === undefined ? {} : { frequency: started.frequency }),
        })
      }
    }
    if (choice.cadence !== "unchanged" && choice.cadence !== page.choice.cadence) {
      const followed = (indexNetwork(after).followsByPerson.get(personId) ?? []).map(
        (follow) => follow.themeGroupId,
      )
      if (followed.length > 0)
        effects.push({ _tag: "CadenceChanged", cadence: choice.cadence, themeGroupIds: followed })
    }
    // Who bridges depends only on opt-outs (of everything, or of the group): channels, cadence
    // and follows never change it, so only the groups whose opt-out changes are planned again.
    const optOutChanged = (themeGroupId: ThemeGroupId) =>
      before.optedOutOfAll !== choice.optedOutOfAll ||
      before.optedOutOfThemeGroups.includes(themeGroupId) !==
        (steps.preferences ?? before).optedOutOfThemeGroups.includes(themeGroupId)
    for (const { regionId, themeGroupId } of bridgeCandidates(network, index, personId)) {
      if (!optOutChanged(themeGroupId)) continue
      const was = yield* bridgeInto(network, regionId, themeGroupId)
      const will = yield* bridgeInto(after, regionId, themeGroupId)
      if (was?.personId === personId && will?.personId !== personId) {
        effects.push({
          _tag: "BridgeLost",
          regionId,
          themeGroupId,
          ...(will === undefined ? {} : { takenOverBy: will }),
        })
      } else if (was?.personId !== personId && will?.personId === personId) {
        effects.push({ _tag: "BridgeTaken", regionId, themeGroupId })
      }
    }
    return effects
  })
