import type { NetworkIndex, PersonId, UpdateKind } from "@spridning/core"
import type { Cadence } from "../schedule/periods.js"

/**
 * "Each person chooses immediate, daily or weekly mail per followed theme group." A delivery
 * waits for the digest only when following the group is the reader's only reason to get it: a
 * role, a bridge or a targeted function always gets the mail at once. Invitations and proposal
 * rounds have dates a digest could miss, so they always go at once.
 */
export const mailCadence = (
  index: NetworkIndex,
  delivery: {
    readonly personId: string
    readonly reasons: ReadonlyArray<{ readonly _tag: string }>
    readonly bridge?: unknown
  },
  update: { readonly kind: UpdateKind; readonly themeGroupId?: string },
): "immediate" | Cadence => {
  if (update.themeGroupId === undefined || delivery.bridge !== undefined) return "immediate"
  if (update.kind === "digitalHour" || update.kind === "proposalRound") return "immediate"
  if (
    delivery.reasons.length === 0 ||
    delivery.reasons.some((reason) => reason._tag !== "FollowsThemeGroup")
  ) {
    return "immediate"
  }
  const follow = index.followsByPerson
    .get(delivery.personId as PersonId)
    ?.find((candidate) => candidate.themeGroupId === update.themeGroupId)
  return follow?.frequency ?? "immediate"
}
