import {
  indexNetwork,
  type Network,
  type Person,
  type RegionId,
  type ThemeGroup,
  type ThemeGroupId,
} from "@spridning/core"

/**
 * Where a person may publish from Slack, with the same rights as the API's tokens:
 * - the network office (admin) publishes in every active group, to its whole audience;
 * - a group's chair (the API's group editor) publishes in that group, to its whole audience;
 * - a region's process leader (the API's region editor) publishes in any active group, but only
 *   to the people of their own region.
 * Participants and contact people read and pass on; they do not publish.
 */
export interface PostingRight {
  readonly themeGroup: ThemeGroup
  readonly as: "admin" | "chair" | "processLeader"
  /** Set when the post may only reach this region's people. */
  readonly onlyRegion?: RegionId
}

const rank = { admin: 0, chair: 1, processLeader: 2 } as const

export const postingRights = (
  network: Network,
  person: Person,
  isAdmin: boolean,
): ReadonlyArray<PostingRight> => {
  const index = indexNetwork(network)
  const active = network.themeGroups.filter((group) => group.status === "active")
  const roles = index.rolesByPerson.get(person.id) ?? []
  const chairOf = new Set(roles.filter((r) => r.role === "chair").map((r) => r.themeGroupId))
  const leads = roles.find((r) => r.role === "processLeader")?.regionId
  const rights: Array<PostingRight> = []
  for (const themeGroup of active) {
    const candidates: Array<PostingRight> = []
    if (isAdmin) candidates.push({ themeGroup, as: "admin" })
    if (chairOf.has(themeGroup.id)) candidates.push({ themeGroup, as: "chair" })
    if (leads !== undefined) candidates.push({ themeGroup, as: "processLeader", onlyRegion: leads })
    const best = candidates.sort((a, b) => rank[a.as] - rank[b.as])[0]
    if (best !== undefined) rights.push(best)
  }
  return rights
}

export const postingRightIn = (
  network: Network,
  person: Person,
  isAdmin: boolean,
  themeGroupId: ThemeGroupId,
): PostingRight | undefined =>
  postingRights(network, person, isAdmin).find((right) => right.themeGroup.id === themeGroupId)
