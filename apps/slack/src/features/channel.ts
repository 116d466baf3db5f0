import {
  catalogue,
  channelLinkRefusalText,
  type Language,
  mayLinkGroupChannel,
  publishersOf,
  refuseMergedThemeGroup,
  type ThemeGroup,
} from "@spridning/core"
import { SlackLinks } from "@spridning/db"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { type CommandReply, escapeMrkdwn, reply } from "../views/blocks.js"
import { channelTextsFor } from "../views/channel-texts.js"
import { themeGroupByName } from "./follow.js"

/** How far back `kanal <grupp> --historik` reaches: what the dispatcher still announces. */
export const channelHistoryMillis = 2 * 24 * 60 * 60 * 1000

export interface ChannelRequest {
  readonly teamId: string
  readonly channelId: string
  readonly themeGroup?: string
  readonly withHistory: boolean
}

const isReply = (value: ThemeGroup | CommandReply): value is CommandReply => "response_type" in value

/** Slack ids of direct messages start with D; a group channel is C (public) or G (private). */
const isDirectMessage = (channelId: string) => channelId.startsWith("D")

const day = (date: Date) => date.toISOString().slice(0, 10)

/** `kanal` without a group: which group, if any, this channel gets the updates of. */
const currentLink = Effect.fn("currentLink")(function* (
  who: SlackPerson,
  language: Language,
  request: ChannelRequest,
) {
  const texts = channelTextsFor(language)
  const links = yield* SlackLinks
  const groupId = yield* links.themeGroupForChannel(request.teamId, request.channelId)
  const group = who.network.themeGroups.find((candidate) => candidate.id === groupId)
  if (groupId === undefined || group === undefined) return reply(texts.channelNone)
  const link = yield* links.themeGroupChannel(group.id)
  return reply(
    texts.channelShows(escapeMrkdwn(group.name), link === undefined ? "" : day(link.announceSince)),
  )
})

/**
 * `/spridning kanal <grupp>` typed in a channel: the group's announcements go to that channel
 * from now on, if core says the person may choose it (the office or the group's chair).
 * Nothing already published is posted unless `--historik` asks for the last two days.
 */
export const channelCommand = Effect.fn("channelCommand")(function* (
  who: SlackPerson,
  language: Language,
  request: ChannelRequest,
  now: Date,
) {
  const texts = channelTextsFor(language)
  if (isDirectMessage(request.channelId)) return reply(texts.channelInDirectMessage)
  if (request.themeGroup === undefined) return yield* currentLink(who, language, request)
  const found = themeGroupByName(who.network, request.themeGroup, language)
  if (isReply(found)) return found
  const group = found
  const merged = yield* refuseMergedThemeGroup(who.network, group.id, "update").pipe(
    Effect.as(undefined),
    Effect.catchTag("ThemeGroupMerged", (refused) =>
      Effect.succeed(
        reply(escapeMrkdwn(catalogue(language).mergedGroup(group.name, refused.mergedIntoName))),
      ),
    ),
  )
  if (merged !== undefined) return merged
  const decision = mayLinkGroupChannel(publishersOf(who.network, who.person.id, who.isAdmin), group.id)
  if (decision._tag === "Refused") {
    return reply(escapeMrkdwn(channelLinkRefusalText(who.network, language, group.id, decision.yours)))
  }
  const links = yield* SlackLinks
  const holder = yield* links.themeGroupForChannel(request.teamId, request.channelId)
  if (holder === group.id) return reply(texts.channelAlreadyHere(escapeMrkdwn(group.name)))
  if (holder !== undefined) {
    const other = who.network.themeGroups.find((candidate) => candidate.id === holder)?.name ?? holder
    return reply(texts.channelTakenByOther(escapeMrkdwn(other)))
  }
  const previous = yield* links.themeGroupChannel(group.id)
  yield* links.setThemeGroupChannel(
    {
      themeGroupId: group.id,
      teamId: request.teamId,
      channelId: request.channelId,
      announceSince: request.withHistory ? new Date(now.getTime() - channelHistoryMillis) : now,
    },
    who.actor,
  )
  const example = `/spridning ${language === "en" ? "channel" : "kanal"} ${group.name} ${language === "en" ? "--history" : "--historik"}`
  const lines = [
    texts.channelLinked(escapeMrkdwn(group.name)),
    ...(previous === undefined || previous.channelId === request.channelId
      ? []
      : [texts.channelMovedFrom(`<#${previous.channelId}>`)]),
    request.withHistory ? texts.channelWithHistory : texts.channelNoHistory(example),
    ...(request.channelId.startsWith("G") ? [texts.channelPrivateNote] : []),
  ]
  return reply(lines.join("\n"))
})
