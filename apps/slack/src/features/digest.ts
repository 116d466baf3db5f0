import type { KnownBlock } from "@slack/types"
import { indexNetwork, type Language } from "@spridning/core"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { escapeMrkdwn, header, reply, section } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"
import { feedGroups, recentUpdates, waitingForAction } from "./personal-feed.js"

const fortnight = 14 * 24 * 60 * 60 * 1000

/** `/spridning sammanfattning`: what is new in the person's groups and what waits for them, now. */
export const digestCommand = Effect.fn("digestCommand")(function* (
  who: SlackPerson,
  language: Language,
  now: Date,
) {
  const texts = textsFor(language)
  const index = indexNetwork(who.network)
  const groups = feedGroups(who)
  const fresh = yield* recentUpdates(
    [...groups.followed, ...groups.bridgedThroughMe],
    new Date(now.getTime() - fortnight),
    10,
  )
  const waiting = yield* waitingForAction(who, 10)
  if (fresh.length === 0 && waiting.length === 0) return reply(texts.digestNothing)
  const groupName = (id: string | undefined) =>
    id === undefined ? "HFS-nätverket" : (index.themeGroupById.get(id as never)?.name ?? id)
  const blocks: Array<KnownBlock> = [header(texts.digestTitle)]
  if (fresh.length > 0) {
    const lines = fresh.map(
      (u) =>
        `• *${escapeMrkdwn(u.title)}* – ${escapeMrkdwn(groupName(u.themeGroupId))} (${u.publishedAt?.toISOString().slice(0, 10) ?? ""})`,
    )
    blocks.push(section(`*${texts.digestNewInGroups}*\n${lines.join("\n")}`))
  }
  if (waiting.length > 0) {
    const lines = waiting.map(
      (w) => `• *${escapeMrkdwn(w.update.title)}* – ${escapeMrkdwn(groupName(w.update.themeGroupId))}`,
    )
    blocks.push(section(`*${texts.waitingForYou}*\n${lines.join("\n")}`))
  }
  return reply(texts.digestTitle, blocks)
})
