import type { Audience } from "../audience/model.js"
import type { ThemeGroupId } from "../organisation/ids.js"

/**
 * Whether an update is announced in its theme group's channel. A group channel is read by the
 * whole group across the network, so it receives only updates meant for the whole group: a
 * post limited to some regions (a process leader's to Region Skåne), to some roles, tags or
 * functions goes to its people, never to the network-wide channel.
 */
export const announcesInGroupChannel = (update: {
  readonly themeGroupId?: ThemeGroupId | string | undefined
  readonly audience: Audience
}): boolean => {
  const audience = update.audience
  const narrowed = [
    audience.regions,
    audience.healthcareRegions,
    audience.tags,
    audience.roles,
    audience.functions,
  ]
  return (
    update.themeGroupId !== undefined &&
    narrowed.every((selectors) => selectors === undefined || selectors.length === 0) &&
    (audience.themeGroups ?? []).every((id) => id === update.themeGroupId)
  )
}
