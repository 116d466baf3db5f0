import { type ChangeScope, mayChangeIn, publishersOfToken, RegionId, ThemeGroupId } from "@spridning/core"
import { Schema } from "effect"

/**
 * What a token may do. `admin` is the network office; a `region-editor` (process leader,
 * presidium member) is bound to one region; a `group-editor` (a theme group's chair) to one
 * theme group; a `reader` only reads.
 */
export const ApiRole = Schema.Literals(["admin", "region-editor", "group-editor", "reader"])
export type ApiRole = typeof ApiRole.Type

/** The identity behind a bearer token, as every handler and the audit log see it. */
export const Caller = Schema.Struct({
  tokenId: Schema.String,
  name: Schema.String,
  role: ApiRole,
  regionId: Schema.optionalKey(RegionId),
  themeGroupId: Schema.optionalKey(ThemeGroupId),
})
export type Caller = typeof Caller.Type

/**
 * The part of the network a mutation touches: core's `ChangeScope`, the same the office's
 * workspace checks (only the office for `Network`; a region's editor for `Region`; a group's
 * editor, and the region's when it sits in one, for `ThemeGroup`).
 */
export type Scope = ChangeScope

export const networkScope: Scope = { _tag: "Network" }
export const regionScope = (regionId: RegionId): Scope => ({ _tag: "Region", regionId })
export const themeGroupScope = (themeGroupId: ThemeGroupId, regionId?: RegionId): Scope =>
  regionId === undefined
    ? { _tag: "ThemeGroup", themeGroupId }
    : { _tag: "ThemeGroup", themeGroupId, regionId }

/** Whether `caller` may change what lies in `scope`: core's `mayChangeIn`. */
export const mayChange = (caller: Caller, scope: Scope): boolean =>
  mayChangeIn(publishersOfToken(caller), scope)

export const describeScope = (scope: Scope): string => {
  switch (scope._tag) {
    case "Network":
      return "the whole network (admin only)"
    case "Region":
      return `region ${scope.regionId}`
    case "ThemeGroup":
      return scope.regionId === undefined
        ? `theme group ${scope.themeGroupId}`
        : `theme group ${scope.themeGroupId} in region ${scope.regionId}`
  }
}

export const describeCaller = (caller: Caller): string =>
  caller.role === "region-editor"
    ? `a region editor for ${caller.regionId ?? "?"}`
    : caller.role === "group-editor"
      ? `a group editor for ${caller.themeGroupId ?? "?"}`
      : `a ${caller.role} token`
