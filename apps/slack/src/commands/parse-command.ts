import type { Language } from "@spridning/core"

/** What a person asked for with `/spridning …`. */
export type SpridningCommand =
  | { readonly _tag: "Help" }
  | { readonly _tag: "Coverage"; readonly region?: string }
  | { readonly _tag: "Who"; readonly query?: string }
  | { readonly _tag: "Follow"; readonly themeGroup?: string }
  | { readonly _tag: "Unfollow"; readonly themeGroup?: string }
  | { readonly _tag: "Post" }
  | { readonly _tag: "Digest" }
  /** Links a theme group to the channel the command was typed in; without a group, tells the link. */
  | { readonly _tag: "Channel"; readonly themeGroup?: string; readonly withHistory: boolean }
  /** Anything else is answered with help, never silence. */
  | { readonly _tag: "Unknown"; readonly input: string }

export interface ParsedCommand {
  readonly command: SpridningCommand
  /** The language of the word typed: a reply to `help` is English unless the person chose otherwise. */
  readonly typedIn: Language
}

type Tag = SpridningCommand["_tag"]

/** Swedish first; each has an English alias, and a spelling without å/ä/ö for keyboards that lack them. */
const words: ReadonlyArray<{ readonly word: string; readonly tag: Tag; readonly language: Language }> = [
  { word: "hjälp", tag: "Help", language: "sv" },
  { word: "hjalp", tag: "Help", language: "sv" },
  { word: "help", tag: "Help", language: "en" },
  { word: "täckning", tag: "Coverage", language: "sv" },
  { word: "tackning", tag: "Coverage", language: "sv" },
  { word: "coverage", tag: "Coverage", language: "en" },
  { word: "vem", tag: "Who", language: "sv" },
  { word: "who", tag: "Who", language: "en" },
  { word: "följ", tag: "Follow", language: "sv" },
  { word: "folj", tag: "Follow", language: "sv" },
  { word: "follow", tag: "Follow", language: "en" },
  { word: "sluta-följ", tag: "Unfollow", language: "sv" },
  { word: "sluta-folj", tag: "Unfollow", language: "sv" },
  { word: "unfollow", tag: "Unfollow", language: "en" },
  { word: "inlägg", tag: "Post", language: "sv" },
  { word: "inlagg", tag: "Post", language: "sv" },
  { word: "post", tag: "Post", language: "en" },
  { word: "sammanfattning", tag: "Digest", language: "sv" },
  { word: "digest", tag: "Digest", language: "en" },
  { word: "kanal", tag: "Channel", language: "sv" },
  { word: "channel", tag: "Channel", language: "en" },
]

/** `kanal <grupp> --historik`: the channel also gets the group's updates of the last two days. */
const historyFlags = new Set([
  "--historik",
  "—historik",
  "–historik",
  "historik",
  "--history",
  "—history",
  "history",
])

/** Parses the text after `/spridning`. Slack may send NFD-composed letters; compare composed. */
export const parseCommand = (text: string): ParsedCommand => {
  const trimmed = text.normalize("NFC").trim().replace(/\s+/g, " ")
  if (trimmed === "") return { command: { _tag: "Help" }, typedIn: "sv" }
  const spaceAt = trimmed.indexOf(" ")
  const first = (spaceAt === -1 ? trimmed : trimmed.slice(0, spaceAt)).toLowerCase()
  const rest = spaceAt === -1 ? "" : trimmed.slice(spaceAt + 1).trim()
  const match = words.find((candidate) => candidate.word === first)
  if (match === undefined) return { command: { _tag: "Unknown", input: trimmed }, typedIn: "sv" }
  const typedIn = match.language
  switch (match.tag) {
    case "Help":
      return { command: { _tag: "Help" }, typedIn }
    case "Post":
      return { command: { _tag: "Post" }, typedIn }
    case "Digest":
      return { command: { _tag: "Digest" }, typedIn }
    case "Coverage":
      return { command: rest === "" ? { _tag: "Coverage" } : { _tag: "Coverage", region: rest }, typedIn }
    case "Who":
      return { command: rest === "" ? { _tag: "Who" } : { _tag: "Who", query: rest }, typedIn }
    case "Follow":
      return { command: rest === "" ? { _tag: "Follow" } : { _tag: "Follow", themeGroup: rest }, typedIn }
    case "Unfollow":
      return {
        command: rest === "" ? { _tag: "Unfollow" } : { _tag: "Unfollow", themeGroup: rest },
        typedIn,
      }
    case "Channel": {
      const words = rest === "" ? [] : rest.split(" ")
      const withHistory = words.some((word) => historyFlags.has(word.toLowerCase()))
      const group = words.filter((word) => !historyFlags.has(word.toLowerCase())).join(" ")
      return {
        command:
          group === ""
            ? { _tag: "Channel", withHistory }
            : { _tag: "Channel", themeGroup: group, withHistory },
        typedIn,
      }
    }
    case "Unknown":
      return { command: { _tag: "Unknown", input: trimmed }, typedIn }
  }
}
