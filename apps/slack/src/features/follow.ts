import {
  catalogue,
  type FollowFrequency,
  type Language,
  type Network,
  refuseMergedThemeGroup,
  type ThemeGroup,
  themeGroupNames,
} from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect } from "effect"
import { findByName } from "../commands/find-by-name.js"
import type { SlackPerson } from "../people/slack-person.js"
import { type CommandReply, escapeMrkdwn, reply } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"

/** A theme group by what the person typed (merged ones too), or the reply that says why none matched. */
export const themeGroupByName = (
  network: Network,
  typed: string,
  language: Language,
): ThemeGroup | CommandReply => {
  const texts = textsFor(language)
  const match = findByName(network.themeGroups, typed, themeGroupNames)
  switch (match._tag) {
    case "Found":
      return match.item
    case "Ambiguous":
      return reply(texts.ambiguous(match.candidates.map((group) => escapeMrkdwn(group.name))))
    case "NoMatch":
      return reply(texts.noGroupMatch(escapeMrkdwn(typed)))
  }
}

/** Core's rule: a merged group takes no new follows; the reply names the group its work went into. */
const refusedAsMerged = (network: Network, group: ThemeGroup, language: Language) =>
  refuseMergedThemeGroup(network, group.id, "follow").pipe(
    Effect.as(undefined),
    Effect.catchTag("ThemeGroupMerged", (merged) =>
      Effect.succeed(reply(escapeMrkdwn(catalogue(language).mergedGroup(group.name, merged.mergedIntoName)))),
    ),
  )

const isReply = (value: ThemeGroup | CommandReply): value is CommandReply => "response_type" in value

/** The words for how often, Swedish first; the last word typed after the group's name. */
const frequencyWords: Readonly<Record<string, FollowFrequency>> = {
  direkt: "immediate",
  omedelbart: "immediate",
  immediately: "immediate",
  immediate: "immediate",
  dagligen: "daily",
  daglig: "daily",
  daily: "daily",
  veckovis: "weekly",
  weekly: "weekly",
}

const splitFrequency = (typed: string): { readonly name: string; readonly frequency?: FollowFrequency } => {
  const words = typed.trim().split(/\s+/)
  const frequency = frequencyWords[words[words.length - 1]?.toLowerCase() ?? ""]
  return words.length > 1 && frequency !== undefined
    ? { name: words.slice(0, -1).join(" "), frequency }
    : { name: typed }
}

/**
 * `/spridning följ <temagrupp> [direkt|dagligen|veckovis]`: says which frequency it set, and
 * never changes one the person chose elsewhere unless they name a new one.
 */
export const followCommand = Effect.fn("followCommand")(function* (
  who: SlackPerson,
  language: Language,
  typed: string | undefined,
) {
  const texts = textsFor(language)
  if (typed === undefined) return reply(texts.followUsage)
  const asked = splitFrequency(typed)
  const group = themeGroupByName(who.network, asked.name, language)
  if (isReply(group)) return group
  const refused = yield* refusedAsMerged(who.network, group, language)
  if (refused !== undefined) return refused
  const how = (frequency: FollowFrequency) => catalogue(language).followFrequency[frequency]
  const name = escapeMrkdwn(group.name)
  const existing = who.network.follows.find(
    (f) => f.personId === who.person.id && f.themeGroupId === group.id,
  )
  if (existing !== undefined && (asked.frequency === undefined || asked.frequency === existing.frequency))
    return reply(texts.frequencyKept(name, how(existing.frequency)))
  const frequency = asked.frequency ?? "immediate"
  const organisation = yield* Organisation
  yield* organisation.follows.follow(
    { personId: who.person.id, themeGroupId: group.id, frequency },
    who.actor,
  )
  return reply(
    existing === undefined
      ? texts.followed(name, how(frequency))
      : texts.frequencyChanged(name, how(frequency)),
  )
})

/** `/spridning sluta-följ <temagrupp>`. */
export const unfollowCommand = Effect.fn("unfollowCommand")(function* (
  who: SlackPerson,
  language: Language,
  typed: string | undefined,
) {
  const texts = textsFor(language)
  if (typed === undefined) return reply(texts.unfollowUsage)
  const group = themeGroupByName(who.network, typed, language)
  if (isReply(group)) return group
  const organisation = yield* Organisation
  const removed = yield* organisation.follows.unfollow(who.person.id, group.id, who.actor)
  return reply(
    removed ? texts.unfollowed(escapeMrkdwn(group.name)) : texts.notFollowing(escapeMrkdwn(group.name)),
  )
})
