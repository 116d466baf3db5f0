import type { ThemeGroup } from "./model.js"

/**
 * English words for the Swedish ones theme-group names are made of, so `follow tobacco` finds
 * Tobaksprevention: the groups are named in Swedish, but some of the network's people write
 * English (the help's own example is `follow tobacco`).
 */
const glossary: ReadonlyArray<readonly [swedish: string, english: ReadonlyArray<string>]> = [
  ["tobak", ["tobacco", "smoking", "tobacco prevention"]],
  ["alkohol", ["alcohol", "alcohol prevention"]],
  ["matvanor", ["food habits", "food", "diet", "nutrition"]],
  ["fysisk aktivitet", ["physical activity", "exercise"]],
  ["psykisk hälsa", ["mental health"]],
  ["barn och unga", ["children and young people", "children", "young people"]],
  ["jämlik vård", ["equal care", "equity in care"]],
  ["arbetsplats", ["workplace", "health promoting workplace"]],
  ["primärvård", ["primary care", "health promoting primary care"]],
  ["prom", ["patient reported outcome measures"]],
]

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()

/** What a theme group may be called when someone types it: its id, name, topic and English aliases. */
export const themeGroupNames = (group: ThemeGroup): ReadonlyArray<string> => {
  const name = fold(group.name)
  const english = glossary.filter(([swedish]) => name.includes(fold(swedish))).flatMap(([, words]) => words)
  return [group.id, group.name, group.topic, ...english]
}
