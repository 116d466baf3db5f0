import type { ThemeGroup } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { escapeMrkdwn } from "./blocks.js"
import { excerpt } from "./shorten.js"

/** Slack's unfurl of one link: blocks shown under the message. */
export interface Unfurl {
  readonly blocks: ReadonlyArray<Record<string, unknown>>
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text })

/** A public update's card: title, group, kind and date, a safe-cut excerpt and "Läs mer". */
export const updateUnfurl = (update: StoredUpdate, group: ThemeGroup | undefined, url: string): Unfurl => {
  const date = update.publishedAt?.toISOString().slice(0, 10) ?? ""
  const context = [group?.name, update.kind, date].filter((part) => part !== undefined && part !== "")
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
