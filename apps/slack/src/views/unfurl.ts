import { catalogue, type ThemeGroup } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { escapeMrkdwn } from "./blocks.js"
import { excerpt } from "./shorten.js"

/** Slack's unfurl of one link: blocks shown under the message. */
export interface Unfurl {
  readonly blocks: ReadonlyArray<Record<string, unknown>>
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text })

// Unfurls are shown to the whole channel, so they speak the workspace's language: Swedish.
const words = catalogue("sv")
const swedishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "long" })

/** A public update's card: title, group, kind and date (in Swedish), a safe-cut excerpt and "Läs mer". */
export const updateUnfurl = (update: StoredUpdate, group: ThemeGroup | undefined, url: string): Unfurl => {
  const date = update.publishedAt === undefined ? "" : swedishDay.format(update.publishedAt)
  const context = [group?.name, words.updateKind[update.kind], date].filter(
    (part) => part !== undefined && part !== "",
  )
  return {
    blocks: [
      { type: "section", text: mrkdwn(`*${escapeMrkdwn(update.title)}*\n${excerpt(update.body, 280).text}`) },
      { type: "context", elements: [mrkdwn(escapeMrkdwn(context.join(" · ")))] },
      { type: "section", text: mrkdwn(`<${url}|Läs mer>`) },
    ],
  }
}

/** A theme group's card: its name and what it works on. */
export const groupUnfurl = (group: ThemeGroup, url: string): Unfurl => ({
  blocks: [
    {
      type: "section",
      text: mrkdwn(`*${escapeMrkdwn(group.name)}*\nTemagrupp i HFS-nätverket: ${escapeMrkdwn(group.topic)}`),
    },
    { type: "section", text: mrkdwn(`<${url}|Läs mer>`) },
  ],
})
