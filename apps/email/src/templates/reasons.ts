import type { Bridge, InclusionReason, Language, NetworkIndex } from "@spridning/core"
import { mailText } from "./catalogue.js"

/**
 * "Du får detta eftersom du är processledare i Region Skåne": why this reader got this mail,
 * from the reasons core's audience resolution gave. A bridge says it first, since it is the
 * reason the region heard at all.
 */
export const whyLine = (
  index: NetworkIndex,
  language: Language,
  reasons: ReadonlyArray<InclusionReason>,
  bridge?: Bridge,
): string => {
  const text = mailText[language]
  const regionName = (id: string) => index.regionById.get(id as never)?.name ?? id
  const groupName = (id: string) => index.themeGroupById.get(id as never)?.name ?? id
  const parts: Array<string> = []
  if (bridge !== undefined) {
    parts.push(
      bridge.via === "contactPerson"
        ? text.reasons.bridgeContactPerson(regionName(bridge.regionId))
        : text.reasons.bridgeProcessLeader(regionName(bridge.regionId)),
    )
  }
  for (const reason of reasons) {
    switch (reason._tag) {
      case "HoldsRole": {
        if (bridge !== undefined && (reason.role === "contactPerson" || reason.role === "processLeader"))
          break
        const role = text.roleLabel[reason.role]
        if (reason.themeGroupId !== undefined) {
          parts.push(
            text.reasons.holdsRoleInGroup(role, groupName(reason.themeGroupId), regionName(reason.regionId)),
          )
        } else if (reason.regionalBodyId !== undefined) {
          const body = index.regionalBodyById.get(reason.regionalBodyId)?.name ?? reason.regionalBodyId
          parts.push(text.reasons.holdsRoleInBody(role, body, regionName(reason.regionId)))
        } else {
          parts.push(text.reasons.holdsRole(role, regionName(reason.regionId)))
        }
        break
      }
      case "FollowsThemeGroup":
        parts.push(text.reasons.followsGroup(groupName(reason.themeGroupId)))
        break
      case "MatchesTag":
        parts.push(text.reasons.matchesTag(text.tagLabel[reason.tag] ?? reason.tag))
        break
      case "HasFunction":
        parts.push(text.reasons.hasFunction(text.functionLabel[reason.function] ?? reason.function))
        break
      case "InTargetedRegion":
        parts.push(text.reasons.inTargetedRegion(regionName(reason.regionId)))
        break
    }
  }
  const unique = [...new Set(parts)]
  if (unique.length === 0) return `${text.whyPrefix} ${text.reasons.followsGroup(text.networkName)}`
  const listed =
    unique.length === 1
      ? unique[0]!
      : `${unique.slice(0, -1).join(", ")}${text.whyJoin}${unique[unique.length - 1]!}`
  return `${text.whyPrefix} ${listed}`
}
