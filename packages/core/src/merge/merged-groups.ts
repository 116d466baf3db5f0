import { Effect, Schema } from "effect"
import type { Audience } from "../audience/model.js"
import { ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Network } from "../organisation/model.js"

/** What someone tried to add to a merged theme group. */
export const MergedGroupAction = Schema.Literals(["update", "follow", "roleAssignment", "audience"])
export type MergedGroupAction = typeof MergedGroupAction.Type

/**
 * "slå ihop till en om levnadsvanor": once merged, a group is history. New updates, follows
 * and roles go to the group it was merged into, and an audience naming it would reach nobody
 * (its members and followers moved), so each of them is refused with the group to use instead.
 */
export class ThemeGroupMerged extends Schema.TaggedError<ThemeGroupMerged>()("ThemeGroupMerged", {
  themeGroupId: ThemeGroupId,
  mergedInto: ThemeGroupId,
  /** The name of the group it was merged into, for the message. */
  mergedIntoName: Schema.String,
  /** The living group at the end of the chain, when `mergedInto` was merged in turn. */
  current: ThemeGroupId,
  action: MergedGroupAction,
}) {
  override get message(): string {
    const merged = `Theme group "${this.themeGroupId}" has been merged into "${this.mergedInto}" (${this.mergedIntoName})`
    const later =
      this.current === this.mergedInto ? "" : `, which has since been merged into "${this.current}"`
    const instead: Record<MergedGroupAction, string> = {
      update: `it takes no new updates; publish to "${this.current}" instead`,
      follow: `it takes no new followers; follow "${this.current}" instead`,
      roleAssignment: `it takes no new roles; assign the role in "${this.current}" instead`,
      audience: `its members and followers are now in "${this.current}"; name that group in the audience instead`,
    }
    return `${merged}${later}: ${instead[this.action]}.`
  }
}

/** The living group a (possibly merged) group's work continues in; the group itself when active. */
const livingGroup = (index: NetworkIndex, id: ThemeGroupId): ThemeGroupId => {
  const seen = new Set<ThemeGroupId>()
  let current = id
  for (;;) {
    const group = index.themeGroupById.get(current)
    if (group?.mergedInto === undefined || seen.has(current)) return current
    seen.add(current)
    current = group.mergedInto
  }
}

/** The living group `id`'s work continues in: itself when active, else the end of its merge chain. */
export const currentThemeGroup = (network: Network, id: ThemeGroupId): ThemeGroupId =>
  livingGroup(indexNetwork(network), id)

const refusal = (
  index: NetworkIndex,
  themeGroupId: ThemeGroupId,
  action: MergedGroupAction,
): ThemeGroupMerged | undefined => {
  const group = index.themeGroupById.get(themeGroupId)
  if (group === undefined || group.status !== "merged") return undefined
  const mergedInto = group.mergedInto ?? themeGroupId
  return new ThemeGroupMerged({
    themeGroupId,
    mergedInto,
    mergedIntoName: index.themeGroupById.get(mergedInto)?.name ?? mergedInto,
    current: livingGroup(index, mergedInto),
    action,
  })
}

/**
 * Succeeds when `themeGroupId` may take something new (`action`); fails with
 * {@link ThemeGroupMerged} naming the group it was merged into when it is merged. An id the
 * network does not know succeeds: whoever stores the reference reports it as not found.
 * One rule for the API, Slack and the CLI.
 */
export const refuseMergedThemeGroup = (
  network: Network,
  themeGroupId: ThemeGroupId,
  action: MergedGroupAction,
): Effect.Effect<void, ThemeGroupMerged> =>
  Effect.suspend(() => {
    const refused = refusal(indexNetwork(network), themeGroupId, action)
    return refused === undefined ? Effect.void : Effect.fail(refused)
  })

/**
 * Whether a new update (or a preview of its audience) may be written: its own theme group and
 * every theme group its audience names must be active. Fails with the first merged one.
 */
export const refuseMergedInUpdate = (
  network: Network,
  update: { readonly themeGroupId?: ThemeGroupId | undefined; readonly audience: Audience },
): Effect.Effect<void, ThemeGroupMerged> =>
  Effect.suspend(() => {
    const index = indexNetwork(network)
    const own = update.themeGroupId === undefined ? undefined : refusal(index, update.themeGroupId, "update")
    if (own !== undefined) return Effect.fail(own)
    for (const id of update.audience.themeGroups ?? []) {
      const refused = refusal(index, id, "audience")
      if (refused !== undefined) return Effect.fail(refused)
    }
    return Effect.void
  })

/**
 * A group and every group merged into it, directly or through another merged group, each once:
 * the group first, then its predecessors, nearest first. "keeps members, followers, notes and
 * history": a group's lists show the updates of its whole lineage.
 */
export const themeGroupLineage = (network: Network, id: ThemeGroupId): ReadonlyArray<ThemeGroupId> => {
  const predecessors = new Map<ThemeGroupId, Array<ThemeGroupId>>()
  for (const group of network.themeGroups) {
    if (group.mergedInto === undefined) continue
    const bucket = predecessors.get(group.mergedInto)
    if (bucket === undefined) predecessors.set(group.mergedInto, [group.id])
    else bucket.push(group.id)
  }
  const lineage: Array<ThemeGroupId> = [id]
  const seen = new Set<ThemeGroupId>([id])
  for (let i = 0; i < lineage.length; i++) {
    for (const predecessor of predecessors.get(lineage[i] as ThemeGroupId) ?? []) {
      if (seen.has(predecessor)) continue
      seen.add(predecessor)
      lineage.push(predecessor)
    }
  }
  return lineage
}
