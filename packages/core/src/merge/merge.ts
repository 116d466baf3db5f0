import { Effect, Schema } from "effect"
import { NotFound } from "../organisation/errors.js"
import { ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import { type Follow, type FollowFrequency, Network, type RoleAssignment } from "../organisation/model.js"

/** A merge that makes no sense; `reason` says why. */
export class MergeRejected extends Schema.TaggedError<MergeRejected>()("MergeRejected", {
  from: ThemeGroupId,
  into: ThemeGroupId,
  reason: Schema.Literals(["sameGroup", "fromAlreadyMerged", "intoIsMerged"]),
}) {
  override get message(): string {
    const why: Record<MergeRejected["reason"], string> = {
      sameGroup: `Cannot merge theme group ${this.from} into itself`,
      fromAlreadyMerged: `Theme group ${this.from} has already been merged`,
      intoIsMerged: `Theme group ${this.into} has been merged into another group; merge into that one instead`,
    }
    return why[this.reason]
  }
}

/**
 * The network after a merge, and how many role assignments and follows moved into the
 * surviving group (those already there are not counted again).
 */
export const MergeResult = Schema.Struct({
  network: Network,
  moved: Schema.Struct({ roles: Schema.Number, follows: Schema.Number }),
})
export type MergeResult = typeof MergeResult.Type

const frequencyRank: Readonly<Record<FollowFrequency, number>> = { immediate: 0, daily: 1, weekly: 2 }

/**
 * "slå ihop till en om levnadsvanor": merges one theme group into another. Participants, chairs
 * and contact persons move (a person already holding the same role in the same region for
 * `into` keeps one), followers move keeping the most frequent choice, and `from` stays in the
 * network marked merged, pointing at `into`, so its history still resolves.
 */
export const mergeThemeGroups = (
  network: Network,
  from: ThemeGroupId,
  into: ThemeGroupId,
): Effect.Effect<MergeResult, NotFound | MergeRejected> =>
  Effect.suspend((): Effect.Effect<MergeResult, NotFound | MergeRejected> => {
    const index = indexNetwork(network)
    const source = index.themeGroupById.get(from)
    const target = index.themeGroupById.get(into)
    if (source === undefined) return Effect.fail(new NotFound({ entity: "themeGroup", id: from }))
    if (target === undefined) return Effect.fail(new NotFound({ entity: "themeGroup", id: into }))
    if (from === into) return Effect.fail(new MergeRejected({ from, into, reason: "sameGroup" }))
    if (source.status === "merged")
      return Effect.fail(new MergeRejected({ from, into, reason: "fromAlreadyMerged" }))
    if (target.status === "merged")
      return Effect.fail(new MergeRejected({ from, into, reason: "intoIsMerged" }))

    const roleKey = (r: RoleAssignment) => `${r.personId}\u0000${r.role}\u0000${r.regionId}`
    const existingInTarget = new Set((index.rolesByThemeGroup.get(into) ?? []).map(roleKey))
    let movedRoles = 0
    const roles: Array<RoleAssignment> = []
    for (const role of network.roles) {
      if (role.themeGroupId !== from) {
        roles.push(role)
        continue
      }
      const key = roleKey(role)
      if (existingInTarget.has(key)) continue
      existingInTarget.add(key)
      roles.push({ ...role, themeGroupId: into })
      movedRoles++
    }

    const followByPerson = new Map<string, Follow>()
    for (const follow of index.followsByThemeGroup.get(into) ?? [])
      followByPerson.set(follow.personId, follow)
    let movedFollows = 0
    for (const follow of index.followsByThemeGroup.get(from) ?? []) {
      const existing = followByPerson.get(follow.personId)
      if (existing === undefined) movedFollows++
      if (existing === undefined || frequencyRank[follow.frequency] < frequencyRank[existing.frequency]) {
        followByPerson.set(follow.personId, { ...follow, themeGroupId: into })
      }
    }
    const follows: Array<Follow> = [
      ...network.follows.filter((f) => f.themeGroupId !== from && f.themeGroupId !== into),
      ...followByPerson.values(),
    ]

    const people = network.people.map((person) =>
      person.preferences.optedOutOfThemeGroups.includes(from)
        ? {
            ...person,
            preferences: {
              ...person.preferences,
              optedOutOfThemeGroups: [
                ...new Set(person.preferences.optedOutOfThemeGroups.map((g) => (g === from ? into : g))),
              ],
            },
          }
        : person,
    )

    const themeGroups = network.themeGroups.map((group) =>
      group.id === from
        ? { ...group, status: "merged" as const, mergedInto: into }
        : group.id === into
          ? { ...group, wantedFunctions: [...new Set([...group.wantedFunctions, ...source.wantedFunctions])] }
          : group,
    )
    return Effect.succeed({
      network: { ...network, themeGroups, roles, follows, people },
      moved: { roles: movedRoles, follows: movedFollows },
    })
  })
