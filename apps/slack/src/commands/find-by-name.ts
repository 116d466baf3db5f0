/**
 * People type names the way they say them ("skåne", "Region Skåne", "tobak", "gotland"), not
 * ids. Compared without case or diacritics, a match is tried in tiers, and the first tier
 * that matches anything decides: a whole key, a whole word of a key, the start of a word,
 * then anywhere in a key. So "gotland" is Region Gotland (a whole word) even though
 * "Östergötland" contains it.
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

type Tier = (key: string, wanted: string) => boolean

const tiers: ReadonlyArray<Tier> = [
  (key, wanted) => key === wanted,
  (key, wanted) => ` ${key} `.includes(` ${wanted} `),
  (key, wanted) => ` ${key}`.includes(` ${wanted}`),
  (key, wanted) => key.includes(wanted),
]

export const findByName = <T>(
  items: ReadonlyArray<T>,
  typed: string,
  keys: (item: T) => ReadonlyArray<string>,
): NameMatch<T> => {
  const wanted = fold(typed)
  if (wanted === "") return { _tag: "NoMatch" }
  const folded = items.map((item) => ({ item, keys: keys(item).map(fold) }))
  for (const tier of tiers) {
    const found = folded.filter((entry) => entry.keys.some((key) => tier(key, wanted))).map((e) => e.item)
    if (found.length === 1 && found[0] !== undefined) return { _tag: "Found", item: found[0] }
    if (found.length > 1) return { _tag: "Ambiguous", candidates: found }
  }
  return { _tag: "NoMatch" }
}
