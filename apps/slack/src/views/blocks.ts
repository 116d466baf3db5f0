import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from "@slack/types"

/** Slack cuts section text at 3,000 characters and headers at 150; longer text is refused. */
const clip = (text: string, max: number): string => {
  if (text.length <= max) return text
  let end = max - 1
  // Never inside an entity ("&am") or a link ("<https://…|Läs"): back off to before it.
  const entity = text.lastIndexOf("&", end)
  if (entity !== -1 && entity > end - 5 && text.indexOf(";", entity) >= end) end = entity
  const link = text.lastIndexOf("<", end)
  if (link !== -1 && text.indexOf(">", link) >= end) end = link
  return `${text.slice(0, end)}…`
}

/** Slack's mrkdwn treats `&`, `<` and `>` as control characters; names and titles are escaped. */
export const escapeMrkdwn = (text: string): string =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")

export const header = (text: string): HeaderBlock => ({
  type: "header",
  text: { type: "plain_text", text: clip(text, 150), emoji: true },
})

export const section = (markdown: string): SectionBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: clip(markdown, 3000) },
})

export const context = (markdown: string): ContextBlock => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: clip(markdown, 3000) }],
})

export const divider = (): KnownBlock => ({ type: "divider" })

export const button = (
  text: string,
  actionId: string,
  value: string,
  style?: "primary" | "danger",
): Button => ({
  type: "button",
  text: { type: "plain_text", text: clip(text, 75), emoji: true },
  action_id: actionId,
  value,
  ...(style === undefined ? {} : { style }),
})

export const actions = (blockId: string, elements: ReadonlyArray<Button>): ActionsBlock => ({
  type: "actions",
  block_id: blockId,
  elements: [...elements],
})

/** An ephemeral reply to a slash command: only the person who typed it sees it. */
export interface CommandReply {
  readonly response_type: "ephemeral"
  readonly text: string
  readonly blocks: ReadonlyArray<KnownBlock>
}

export const reply = (text: string, blocks: ReadonlyArray<KnownBlock> = [section(text)]): CommandReply => ({
  response_type: "ephemeral",
  text,
  blocks,
})
