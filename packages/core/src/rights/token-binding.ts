import type { RegionId, ThemeGroupId } from "../organisation/ids.js"
import type { Publisher } from "./publishing.js"

/** What an API token may do: the office, one region's editor, one theme group's editor, or a reader. */
export type TokenRole = "admin" | "region-editor" | "group-editor" | "reader"

/** A field of a new token that does not fit its role, and how. */
export interface TokenBindingProblem {
  readonly field: "regionId" | "themeGroupId"
  readonly problem: "required" | "notAllowed"
}

/**
 * A token's binding matches its role: a region editor names the region it edits and no
 * theme group, a group editor the theme group and no region, every other role neither. The
 * API and the office's workspace both ask this before a token is made.
 */
export const tokenBindingProblems = (
  role: TokenRole,
  binding: { readonly regionId?: string | undefined; readonly themeGroupId?: string | undefined },
): ReadonlyArray<TokenBindingProblem> => {
  const region = binding.regionId !== undefined && binding.regionId !== ""
  const group = binding.themeGroupId !== undefined && binding.themeGroupId !== ""
  const regionProblem: ReadonlyArray<TokenBindingProblem> = (role === "region-editor" ? !region : region)
    ? [{ field: "regionId", problem: role === "region-editor" ? "required" : "notAllowed" }]
    : []
  const groupProblem: ReadonlyArray<TokenBindingProblem> = (role === "group-editor" ? !group : group)
    ? [{ field: "themeGroupId", problem: role === "group-editor" ? "required" : "notAllowed" }]
    : []
  // The field the role is about is named first.
  return role === "group-editor" ? [...groupProblem, ...regionProblem] : [...regionProblem, ...groupProblem]
}

/**
 * A token's rights in the terms every rule uses (the same a person's roles give in Slack and
 * in the office): the office is `Admin`, a region editor edits its region, a group editor its
 * theme group, a reader nothing. A token missing its binding has no rights.
 */
export const publishersOfToken = (token: {
  readonly role: TokenRole
  readonly regionId?: RegionId | undefined
  readonly themeGroupId?: ThemeGroupId | undefined
}): ReadonlyArray<Publisher> => {
  switch (token.role) {
    case "admin":
      return [{ _tag: "Admin" }]
    case "group-editor":
      return token.themeGroupId === undefined
        ? []
        : [{ _tag: "GroupEditor", themeGroupId: token.themeGroupId }]
    case "region-editor":
      return token.regionId === undefined ? [] : [{ _tag: "RegionEditor", regionId: token.regionId }]
    case "reader":
      return []
  }
}
