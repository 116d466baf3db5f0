import type { InclusionReason } from "../audience/model.js"
import type { Bridge, UpdateKind } from "../dissemination/model.js"
import type { PersonId, ThemeGroupId } from "../organisation/ids.js"
import type { NetworkIndex } from "../organisation/index-network.js"
import type { DigestCadence } from "./model.js"

/**
 * "Each person chooses immediate, daily or weekly mail per followed theme group." A delivery
 * waits for the digest only when following the group is the reader's only reason to get it: a
 * role, a bridge or a targeted function always gets the update at once. Digital hours and
 * proposal rounds have dates a digest could miss, so they always go at once.
 */
export const deliveryCadence = (
  index: NetworkIndex,
  delivery: {
    readonly personId: PersonId
    readonly reasons: ReadonlyArray<InclusionReason>
    readonly bridge?: Bridge
  },
  update: { readonly kind: UpdateKind; readonly themeGroupId?: ThemeGroupId },
): "immediate" | DigestCadence => {
  if (update.themeGroupId === undefined || delivery.bridge !== undefined) return "immediate"
  if (update.kind === "digitalHour" || update.kind === "proposalRound") return "immediate"
  if (
    delivery.reasons.length === 0 ||
    delivery.reasons.some((reason) => reason._tag !== "FollowsThemeGroup")
  ) {
    return "immediate"
  }
  const follow = index.followsByPerson
    .get(delivery.personId)
    ?.find((candidate) => candidate.themeGroupId === update.themeGroupId)
  return follow?.frequency ?? "immediate"
}
