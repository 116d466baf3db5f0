import { type Language, type ThemeGroup, themeGroupNames } from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect } from "effect"
import { findByName } from "../commands/find-by-name.js"
import type { SlackPerson } from "../people/slack-person.js"
import { type CommandReply, escapeMrkdwn, reply } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"

/** An active theme group by what the person typed, or the reply that says why none matched. */
export const themeGroupByName = (
  groups: ReadonlyArray<ThemeGroup>,
  typed: string,
  language: Language,
): ThemeGroup | CommandReply => {
  const texts = textsFor(language)
  const active = groups.filter((group) => group.status === "active")
  const match = findByName(active, typed, themeGroupNames)
  switch (match._tag) {
    case "Found":
      return match.item
    case "Ambiguous":
      return reply(texts.ambiguous(match.candidates.map((group) => escapeMrkdwn(group.name))))
    case "NoMatch":
      return reply(texts.noGroupMatch(escapeMrkdwn(typed)))
  }
}

const isReply = (value: ThemeGroup | CommandReply): value is CommandReply => "response_type" in value

/** `/spridning följ <temagrupp>`: following twice changes nothing. */
export const followCommand = Effect.fn("followCommand")(function* (
  who: SlackPerson,
  language: Language,
  typed: string | undefined,
) {
  const texts = textsFor(language)
  if (typed === undefined) return reply(texts.followUsage)
  const group = themeGroupByName(who.network.themeGroups, typed, language)
  if (isReply(group)) return group
  const already = who.network.follows.some((f) => f.personId === who.person.id && f.themeGroupId === group.id)
  if (already) return reply(texts.alreadyFollowing(escapeMrkdwn(group.name)))
  const organisation = yield* Organisation
  yield* organisation.follows.follow(
    { personId: who.person.id, themeGroupId: group.id, frequency: "immediate" },
    who.actor,
  )
  return reply(texts.followed(escapeMrkdwn(group.name)))
})

/** `/spridning sluta-följ <temagrupp>`. */
export const unfollowCommand = Effect.fn("unfollowCommand")(function* (
  who: SlackPerson,
  language: Language,
  typed: string | undefined,
) {
  const texts = textsFor(language)
  if (typed === undefined) return reply(texts.unfollowUsage)
  const group = themeGroupByName(who.network.themeGroups, typed, language)
  if (isReply(group)) return group
  const organisation = yield* Organisation
  const removed = yield* organisation.follows.unfollow(who.person.id, group.id, who.actor)
  return reply(
    removed ? texts.unfollowed(escapeMrkdwn(group.name)) : texts.notFollowing(escapeMrkdwn(group.name)),
  )
})
