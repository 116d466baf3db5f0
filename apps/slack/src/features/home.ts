import type { HomeView, KnownBlock } from "@slack/types"
import { indexNetwork, type Language } from "@spridning/core"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { actions, button, context, divider, escapeMrkdwn, header, section } from "../views/blocks.js"
import { receiptLabel } from "../views/labels.js"
import { excerpt } from "../views/shorten.js"
import { textsFor } from "../views/texts.js"
import { receiptActions } from "../views/update-message.js"
import { regionCoverageBlocks } from "./coverage.js"
import { feedGroups, recentUpdates, waitingForAction } from "./personal-feed.js"

const month = 31 * 24 * 60 * 60 * 1000

/** App Home for someone Spridning does not know: how to become known. */
export const unknownPersonHome = (language: Language): HomeView => {
  const texts = textsFor(language)
  return { type: "home", blocks: [header(texts.homeTitle), section(texts.notLinked)] }
}

/** App Home: the person's feed, their region's coverage, and what waits for their action. */
export const homeView = Effect.fn("homeView")(function* (who: SlackPerson, language: Language, now: Date) {
  const texts = textsFor(language)
  const index = indexNetwork(who.network)
  const groups = feedGroups(who)
  const feed = yield* recentUpdates(
    [...groups.followed, ...groups.bridgedThroughMe],
    new Date(now.getTime() - month),
    10,
  )
  const waiting = yield* waitingForAction(who, 10)
  const groupName = (id: string | undefined) =>
    id === undefined ? "HFS-nätverket" : (index.themeGroupById.get(id as never)?.name ?? id)
  const region = index.regionById.get(who.person.regionId)
  const blocks: Array<KnownBlock> = [header(texts.homeTitle), section(`*${texts.homeFeed}*`)]
  if (feed.length === 0)
    blocks.push(section(groups.followed.length === 0 ? texts.homeFeedEmpty : texts.digestNothing))
  for (const update of feed) {
    blocks.push(
      section(`*${escapeMrkdwn(update.title)}*\n${excerpt(update.body, 280).text}`),
      context(
        `${escapeMrkdwn(groupName(update.themeGroupId))} · ${texts.publishedAt(update.publishedAt?.toISOString().slice(0, 10) ?? "")}`,
      ),
    )
  }
  if (groups.bridgedThroughMe.length > 0) {
    blocks.push(
      context(texts.homeBridged(groups.bridgedThroughMe.map((id) => escapeMrkdwn(groupName(id))).join(", "))),
    )
  }
  blocks.push(
    divider(),
    section(`*${texts.homeCoverage(escapeMrkdwn(region?.name ?? who.person.regionId))}*`),
  )
  blocks.push(...regionCoverageBlocks(who.network, who.person.regionId, language))
  blocks.push(divider(), section(`*${texts.waitingForYou}*`))
  if (waiting.length === 0) blocks.push(section(texts.homeWaitingEmpty))
  for (const item of waiting) {
    blocks.push(
      section(`*${escapeMrkdwn(item.update.title)}* – ${escapeMrkdwn(groupName(item.update.themeGroupId))}`),
    )
    if (item.done.length > 0) {
      blocks.push(
        context(texts.receiptsDone(item.done.map((kind) => receiptLabel(language, kind)).join(", "))),
      )
    }
    blocks.push(
      actions(`receipts-${item.deliveryId}`, [
        button(texts.buttonRead, receiptActions.read, item.update.id),
        button(texts.buttonPassedOn, receiptActions.passedOn, item.update.id),
        button(texts.buttonActed, receiptActions.acted, item.update.id, "primary"),
      ]),
    )
  }
  // Slack refuses a Home view of more than 100 blocks.
  const view: HomeView = { type: "home", blocks: blocks.slice(0, 100) }
  return view
})
