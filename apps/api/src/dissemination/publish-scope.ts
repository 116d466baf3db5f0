import type { Audience, ThemeGroupId } from "@spridning/core"
import { networkScope, regionScope, type Scope, themeGroupScope } from "../auth/caller.js"

/**
 * Who may publish: a theme group's update belongs to that group (its editor publishes it; "a
 * group editor cannot publish for another group"); an update for one region alone belongs to
 * that region; anything wider is the network office's.
 */
export const publishScope = (update: {
  readonly themeGroupId?: ThemeGroupId
  readonly audience: Audience
}): Scope => {
  if (update.themeGroupId !== undefined) return themeGroupScope(update.themeGroupId)
  const regions = update.audience.regions ?? []
  const onlyRegion = regions[0]
  return regions.length === 1 &&
    onlyRegion !== undefined &&
    (update.audience.healthcareRegions ?? []).length === 0
    ? regionScope(onlyRegion)
    : networkScope
}
