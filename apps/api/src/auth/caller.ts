import { RegionId, ThemeGroupId } from "@spridning/core"
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

/** The part of the network a mutation touches. */
export type Scope =
  /** Only the network office may change it (healthcare regions, new regions, merges, tokens). */
  | { readonly _tag: "Network" }
  /** Belongs to one region: its editor may change it. */
  | { readonly _tag: "Region"; readonly regionId: RegionId }
  /**
   * Belongs to one theme group: its editor may change it. When it also sits in a region
   * (a participant from Region Skåne), that region's editor may change it too.
   */
  | { readonly _tag: "ThemeGroup"; readonly themeGroupId: ThemeGroupId; readonly regionId?: RegionId }

export const networkScope: Scope = { _tag: "Network" }
export const regionScope = (regionId: RegionId): Scope => ({ _tag: "Region", regionId })
export const themeGroupScope = (themeGroupId: ThemeGroupId, regionId?: RegionId): Scope =>
  regionId === undefined
    ? { _tag: "ThemeGroup", themeGroupId }
    : { _tag: "ThemeGroup", themeGroupId, regionId }

/** Whether `caller` may change what lies in `scope`. */
export const mayChange = (caller: Caller, scope: Scope): boolean => {
  switch (caller.role) {
    case "admin":
      return true
    case "reader":
      return false
    case "region-editor":
      return (
        (scope._tag === "Region" || scope._tag === "ThemeGroup") &&
        scope.regionId !== undefined &&
        scope.regionId === caller.regionId
      )
    case "group-editor":
      return scope._tag === "ThemeGroup" && scope.themeGroupId === caller.themeGroupId
  }
}

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
