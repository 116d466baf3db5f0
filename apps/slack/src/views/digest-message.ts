import type { Button, KnownBlock } from "@slack/types"
import {
  catalogue,
  type DigestCadence,
  type Language,
  type NetworkIndex,
  type ThemeGroupId,
  updateLinks,
} from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { actions, button, context, escapeMrkdwn, header, section } from "./blocks.js"
import { excerpt } from "./shorten.js"
import { textsFor } from "./texts.js"
import { receiptActions } from "./update-message.js"

/** A Slack button that opens the update's page; Slack still sends the click, which is only acknowledged. */
export const openUpdateAction = "open_update"

/** Digest blocks are `digest-<update id>`, so a receipt click can mark one item and keep the rest. */
export const digestItemBlockPrefix = "digest-"
export const digestDoneBlockPrefix = "digest-done-"

/** What the digest says, in each language; a missing translation does not compile. */
const words: Readonly<
  Record<
    Language,
    {
      readonly title: (cadence: DigestCadence, count: number) => string
      readonly why: (groups: string, cadence: DigestCadence) => string
      readonly open: string
      readonly more: (count: number) => string
    }
  >
> = {
  sv: {
    title: (cadence, count) =>
      `${cadence === "daily" ? "Dagens" : "Veckans"} sammanfattning: ${count} ${count === 1 ? "uppdatering" : "uppdateringar"}`,
    why: (groups, cadence) =>
      `Du får detta eftersom du följer ${groups} och valt en sammanfattning ${cadence === "daily" ? "om dagen" : "i veckan"}. Vill du ha uppdateringarna direkt: \`/spridning följ <grupp> direkt\`.`,
    open: "Öppna",
    more: (count) => `Och ${count} till:`,
  },
  en: {
    title: (cadence, count) =>
      `Your ${cadence === "daily" ? "daily" : "weekly"} digest: ${count} ${count === 1 ? "update" : "updates"}`,
    why: (groups, cadence) =>
      `You get this because you follow ${groups} and chose a ${cadence === "daily" ? "daily" : "weekly"} digest. To get updates at once: \`/spridning follow <group> immediately\`.`,
    open: "Open",
    more: (count) => `And ${count} more:`,
  },
}

/** Slack takes at most 50 blocks in a message: three per item, the rest as linked lines. */
const detailedItems = 14

export interface DigestMessageInput {
  readonly language: Language
  readonly network: NetworkIndex
  readonly cadence: DigestCadence
  /** Oldest first, as the period happened. */
  readonly updates: ReadonlyArray<StoredUpdate>
  readonly publicUrl: string
}

const openButton = (text: string, url: string, updateId: string): Button => ({
  ...button(text, openUpdateAction, updateId),
  url,
})

/**
 * A person's digest of one period as one Slack message: each update with its group, an
 * excerpt cut at a safe boundary, and Läst / Omsatt i handling / Öppna; why the reader gets
 * a digest and how to change it.
 */
export const digestMessage = (input: DigestMessageInput): { text: string; blocks: Array<KnownBlock> } => {
  const said = words[input.language]
  const texts = textsFor(input.language)
  const groupName = (id: string | undefined) =>
    id === undefined ? "HFS-nätverket" : (input.network.themeGroupById.get(id as ThemeGroupId)?.name ?? id)
  const title = said.title(input.cadence, input.updates.length)
  const groups = [...new Set(input.updates.map((update) => groupName(update.themeGroupId)))]
  const blocks: Array<KnownBlock> = [
    header(title),
    context(escapeMrkdwn(said.why(groups.join(", "), input.cadence))),
  ]
  const day = (at: Date | undefined) => at?.toISOString().slice(0, 10) ?? ""
  for (const update of input.updates.slice(0, detailedItems)) {
    const page = updateLinks(input.publicUrl, update).page
    const body = excerpt(update.body, 300)
    blocks.push(
      section(
        `*<${page}|${escapeMrkdwn(update.title)}>*\n${body.text}${body.cut ? ` <${page}|${catalogue(input.language).content.readMore}>` : ""}`,
      ),
      context(
        `${escapeMrkdwn(groupName(update.themeGroupId))} · ${texts.publishedAt(day(update.publishedAt))}`,
      ),
      actions(`${digestItemBlockPrefix}${update.id}`, [
        button(texts.buttonRead, receiptActions.read, update.id),
        button(texts.buttonActed, receiptActions.acted, update.id, "primary"),
        openButton(said.open, page, update.id),
      ]),
    )
  }
  const rest = input.updates.slice(detailedItems)
  if (rest.length > 0) {
    const lines = rest.map(
      (update) =>
        `• <${updateLinks(input.publicUrl, update).page}|${escapeMrkdwn(update.title)}> – ${escapeMrkdwn(groupName(update.themeGroupId))}`,
    )
    blocks.push(section(`*${said.more(rest.length)}*\n${lines.join("\n")}`))
  }
  return { text: title, blocks }
}

/**
 * A digest message after a receipt click on one of its items: the item shows what is marked,
 * every other item stays as it was (the digest is not replaced by the one update).
 */
export const markDigestItem = (
  blocks: ReadonlyArray<KnownBlock>,
  updateId: string,
  doneLine: string,
): Array<KnownBlock> => {
  const doneId = `${digestDoneBlockPrefix}${updateId}`
  const kept = blocks.filter((block) => block.block_id !== doneId)
  const at = kept.findIndex((block) => block.block_id === `${digestItemBlockPrefix}${updateId}`)
  if (at === -1) return [...kept]
  const done: KnownBlock = { ...context(doneLine), block_id: doneId }
  return [...kept.slice(0, at + 1), done, ...kept.slice(at + 1)]
}
