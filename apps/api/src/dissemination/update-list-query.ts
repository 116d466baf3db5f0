import { type Network, ThemeGroupId, themeGroupLineage } from "@spridning/core"
import { Schema } from "effect"
import type { UpdateQuery } from "../backend.js"

const Text = Schema.String.pipe(Schema.check(Schema.isMaxLength(500)))

/**
 * The filters every list of updates takes in its query string. `tag` may be repeated
 * (`?tag=a&tag=b`) or comma-separated (`?tag=a,b`); letter case does not matter.
 */
export const UpdateListFilters = {
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  /** Good examples carrying every one of these tags, in any letter case. */
  tag: Schema.optionalKey(Schema.Union([Text, Schema.Array(Text)])),
  /** Words to find in the title or text (Swedish full-text search: "nätverk" finds "nätverken"). */
  q: Schema.optionalKey(Text),
}

export interface UpdateListFilterQuery {
  readonly themeGroupId?: ThemeGroupId
  readonly tag?: string | ReadonlyArray<string>
  readonly q?: string
}

/**
 * The store's filter for a list query. A theme group's list covers its lineage (core's
 * `themeGroupLineage`): "keeps … notes and history", so the group a merge kept shows the
 * updates of every group merged into it.
 */
export const updateListFilter = (
  network: Network,
  query: UpdateListFilterQuery,
): Pick<UpdateQuery, "themeGroupIds" | "tags" | "q"> => {
  const tags = (typeof query.tag === "string" ? [query.tag] : (query.tag ?? []))
    .flatMap((tag) => tag.split(","))
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "")
  return {
    ...(query.themeGroupId === undefined
      ? {}
      : { themeGroupIds: themeGroupLineage(network, query.themeGroupId) }),
    ...(tags.length === 0 ? {} : { tags }),
    ...(query.q === undefined ? {} : { q: query.q }),
  }
}
