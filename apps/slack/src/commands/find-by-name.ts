/**
 * People type names the way they say them ("skåne", "Region Skåne", "tobak", "alkohol"), not
 * ids. A match is an id, a whole name, or the only name that contains what was typed, all
 * compared without case or diacritics.
 */
export type NameMatch<T> =
  | { readonly _tag: "Found"; readonly item: T }
  | { readonly _tag: "Ambiguous"; readonly candidates: ReadonlyArray<T> }
  | { readonly _tag: "NoMatch" }

const fold = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()

export const findByName = <T>(
  items: ReadonlyArray<T>,
  typed: string,
  keys: (item: T) => ReadonlyArray<string>,
): NameMatch<T> => {
  const wanted = fold(typed)
  if (wanted === "") return { _tag: "NoMatch" }
  const exact = items.filter((item) => keys(item).some((key) => fold(key) === wanted))
  if (exact.length === 1 && exact[0] !== undefined) return { _tag: "Found", item: exact[0] }
  if (exact.length > 1) return { _tag: "Ambiguous", candidates: exact }
  const partial = items.filter((item) => keys(item).some((key) => ` ${fold(key)} `.includes(wanted)))
  if (partial.length === 1 && partial[0] !== undefined) return { _tag: "Found", item: partial[0] }
  if (partial.length > 1) return { _tag: "Ambiguous", candidates: partial }
  return { _tag: "NoMatch" }
}
