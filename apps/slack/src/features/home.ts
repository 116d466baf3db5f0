import type { HomeView, KnownBlock } from "@slack/types"
import {
  DeliveryId,
  DeliveryState,
  type FunnelCounts,
  indexNetwork,
  type Language,
  PersonId,
  plannedReaders,
  publishersOf,
  RegionId,
  reachFunnel,
  type ThemeGroupId,
  UpdateId,
  updateLinks,
} from "@spridning/core"
import { DeliveryQueries, Receipts, type StoredUpdate, Updates } from "@spridning/db"
import { Effect, Schema } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { actions, button, context, divider, escapeMrkdwn, header, section } from "../views/blocks.js"
import { receiptLabel } from "../views/labels.js"
import { excerpt } from "../views/shorten.js"
import { textsFor } from "../views/texts.js"
import { receiptActions } from "../views/update-message.js"
import { regionCoverageBlocks } from "./coverage.js"
import { feedGroups, recentUpdates, waitingForAction } from "./personal-feed.js"

const month = 31 * 24 * 60 * 60 * 1000

/** The dashboard's own words; a missing translation does not compile. */
const homeWords: Readonly<
  Record<
    Language,
    {
      readonly yourUpdates: string
      readonly yourUpdatesEmpty: string
      readonly funnel: (planned: number, counts: FunnelCounts) => string
    }
  >
> = {
  sv: {
    yourUpdates: "Dina uppdateringar – hur långt de nått",
    yourUpdatesEmpty: "Du har inte publicerat något ännu. Skriv `/spridning inlägg`.",
    funnel: (planned, counts) =>
      `Går till ${planned} ${planned === 1 ? "person" : "personer"} · ${counts.delivered} har fått den · ${counts.read} läst · ${counts.passedOn} delat vidare · ${counts.acted} omsatt i handling`,
  },
  en: {
    yourUpdates: "Your updates – how far they got",
    yourUpdatesEmpty: "You have not published anything yet. Type `/spridning post`.",
    funnel: (planned, counts) =>
      `Goes to ${planned} ${planned === 1 ? "person" : "people"} · ${counts.delivered} received it · ${counts.read} read · ${counts.passedOn} passed on · ${counts.acted} acted on`,
  },
}

/** How many of an editor's updates Home shows, newest first. */
const editorUpdates = 5

/** Funnel rows as db reads them, with branded ids, at the edge. */
const decodeFunnelRows = Schema.decodeUnknownEffect(
  Schema.Array(
    Schema.Struct({
      id: DeliveryId,
      updateId: UpdateId,
      personId: PersonId,
      publishedBy: Schema.String,
      regionId: RegionId,
      state: DeliveryState,
    }),
  ),
)

/**
 * The updates an editor answers for: those they published, and their groups' (as a group's
 * chair), newest first, each with its funnel in people (the author not counted).
 */
const editorFunnels = Effect.fn("editorFunnels")(function* (who: SlackPerson) {
  const rights = publishersOf(who.network, who.person.id, who.isAdmin)
  if (rights.length === 0) return undefined
  const edited = new Set(
    rights.flatMap((right) => (right._tag === "GroupEditor" ? [right.themeGroupId] : [])),
  )
  const updates = yield* Updates
  const recent = (yield* updates.list({ filter: { published: true }, limit: 100 })).items
  const theirs = recent
    .filter(
      (update) =>
        (update.author ?? update.createdBy) === who.person.id ||
        (update.themeGroupId !== undefined && edited.has(update.themeGroupId as ThemeGroupId)),
    )
    .slice(0, editorUpdates)
  const queries = yield* DeliveryQueries
  const receipts = yield* Receipts
  return yield* Effect.forEach(
    theirs,
    (update) =>
      Effect.gen(function* () {
        const rows = yield* decodeFunnelRows(yield* queries.funnelRowsOfUpdate(update.id)).pipe(Effect.orDie)
        const funnel = reachFunnel(rows, yield* receipts.forUpdate(update.id))
        return { update, planned: plannedReaders(rows), counts: funnel.total }
      }),
    { concurrency: 2 },
  )
})

/** App Home for someone Spridning does not know: how to become known. */
export const unknownPersonHome = (language: Language): HomeView => {
  const texts = textsFor(language)
  return { type: "home", blocks: [header(texts.homeTitle), section(texts.notLinked)] }
}

/**
 * App Home as the person's dashboard: what waits for them (with the receipt buttons), the
 * latest from their groups, their region's coverage (what reaches it through them, what
 * reaches nobody), and for editors how far their updates got, counted in people.
 */
export const homeView = Effect.fn("homeView")(function* (
  who: SlackPerson,
  language: Language,
  now: Date,
  /** Spridning's public address, for links to each update's page. */
  publicUrl: string,
) {
  const texts = textsFor(language)
  const words = homeWords[language]
  const index = indexNetwork(who.network)
  const groups = feedGroups(who)
  const [feed, waiting, funnels] = yield* Effect.all(
    [
      recentUpdates([...groups.followed, ...groups.bridgedThroughMe], new Date(now.getTime() - month), 8),
      waitingForAction(who, 8),
      editorFunnels(who),
    ],
    { concurrency: "unbounded" },
  )
  const groupName = (id: string | undefined) =>
    id === undefined ? "HFS-nätverket" : (index.themeGroupById.get(id as ThemeGroupId)?.name ?? id)
  const day = (update: StoredUpdate) => update.publishedAt?.toISOString().slice(0, 10) ?? ""
  const page = (update: StoredUpdate) => updateLinks(publicUrl, update).page
  const region = index.regionById.get(who.person.regionId)
  const blocks: Array<KnownBlock> = [header(texts.homeTitle)]

  blocks.push(section(`*${texts.waitingForYou}*`))
  if (waiting.length === 0) blocks.push(section(texts.homeWaitingEmpty))
  for (const item of waiting) {
    const body = excerpt(item.update.body, 200)
    blocks.push(
      section(`*<${page(item.update)}|${escapeMrkdwn(item.update.title)}>*\n${body.text}`),
      context(
        `${escapeMrkdwn(groupName(item.update.themeGroupId))} · ${texts.publishedAt(day(item.update))}`,
      ),
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

  blocks.push(divider(), section(`*${texts.homeFeed}*`))
  if (feed.length === 0)
    blocks.push(section(groups.followed.length === 0 ? texts.homeFeedEmpty : texts.digestNothing))
  for (const update of feed) {
    blocks.push(
      section(`*<${page(update)}|${escapeMrkdwn(update.title)}>*\n${excerpt(update.body, 280).text}`),
      context(`${escapeMrkdwn(groupName(update.themeGroupId))} · ${texts.publishedAt(day(update))}`),
    )
  }

  blocks.push(
    divider(),
    section(`*${texts.homeCoverage(escapeMrkdwn(region?.name ?? who.person.regionId))}*`),
  )
  if (groups.bridgedThroughMe.length > 0) {
    blocks.push(
      section(texts.homeBridged(groups.bridgedThroughMe.map((id) => escapeMrkdwn(groupName(id))).join(", "))),
    )
  }
  blocks.push(...regionCoverageBlocks(who.network, who.person.regionId, language))

  if (funnels !== undefined) {
    blocks.push(divider(), section(`*${words.yourUpdates}*`))
    if (funnels.length === 0) blocks.push(section(words.yourUpdatesEmpty))
    for (const { update, planned, counts } of funnels) {
      blocks.push(
        section(
          `*<${page(update)}|${escapeMrkdwn(update.title)}>* – ${escapeMrkdwn(groupName(update.themeGroupId))} (${day(update)})\n${words.funnel(planned, counts)}`,
        ),
      )
    }
  }
  // Slack refuses a Home view of more than 100 blocks.
  const view: HomeView = { type: "home", blocks: blocks.slice(0, 100) }
  return view
})
