import type { KnownBlock, ModalView } from "@slack/types"
import { type Language, updateLinks } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { context, escapeMrkdwn, section } from "./blocks.js"
import { excerpt } from "./shorten.js"

export const forwardModalCallbackId = "spridning_forward"

/** Block ids of the forward modal's inputs; each input's action id is `value`. */
export const forwardFields = {
  channel: "forward_channel",
  person: "forward_person",
  note: "forward_note",
} as const

const sv = {
  title: "Dela vidare",
  submit: "Dela",
  close: "Stäng",
  marked: (title: string) =>
    `*${title}* är markerad som delad vidare. Vill du också dela den här i Slack? Välj en kanal, en person eller båda.`,
  channel: "Till en kanal",
  person: "Till en person",
  note: "Din hälsning (valfritt)",
  otherwise: "Har du delat den på annat sätt räcker det att stänga.",
  chooseOne: "Välj en kanal eller en person – eller stäng, om du redan har delat den på annat sätt.",
  cannotPost:
    "Spridning kan inte skriva i den kanalen. Bjud in Spridning där (`/invite @Spridning`) eller välj en annan kanal.",
  cannotReach: "Det gick inte att nå personen i Slack just nu. Försök igen om en stund.",
  sharedBy: (who: string, group: string | undefined) =>
    group === undefined ? `${who} delar vidare:` : `${who} delar vidare från ${group}:`,
  readMore: "Läs mer",
}

type ForwardTexts = { readonly [K in keyof typeof sv]: (typeof sv)[K] }

const en: ForwardTexts = {
  title: "Pass on",
  submit: "Share",
  close: "Close",
  marked: (title) =>
    `*${title}* is marked as passed on. Would you also like to share it here in Slack? Choose a channel, a person or both.`,
  channel: "To a channel",
  person: "To a person",
  note: "Your note (optional)",
  otherwise: "If you passed it on another way, just close this.",
  chooseOne: "Choose a channel or a person – or close this if you already passed it on another way.",
  cannotPost:
    "Spridning cannot post in that channel. Invite Spridning there (`/invite @Spridning`) or choose another channel.",
  cannotReach: "That person could not be reached in Slack just now. Please try again in a moment.",
  sharedBy: (who, group) => (group === undefined ? `${who} passes on:` : `${who} passes on from ${group}:`),
  readMore: "Read more",
}

export const forwardTextsFor = (language: Language): ForwardTexts => (language === "en" ? en : sv)

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true })

/** What the modal carries from the click to its submission. */
export interface ForwardMetadata {
  readonly updateId: string
  readonly language: Language
}

/** "Delat vidare" on a DM: where in Slack to share the update, with its pass-on line shown. */
export const forwardModal = (language: Language, update: StoredUpdate): ModalView => {
  const texts = forwardTextsFor(language)
  const passOn = update.passOnLine?.[language]
  const metadata: ForwardMetadata = { updateId: update.id, language }
  return {
    type: "modal",
    callback_id: forwardModalCallbackId,
    title: plain(texts.title),
    submit: plain(texts.submit),
    close: plain(texts.close),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(texts.marked(escapeMrkdwn(update.title))),
      ...(passOn === undefined || passOn === "" ? [] : [context(`:arrow_right: ${escapeMrkdwn(passOn)}`)]),
      {
        type: "input",
        block_id: forwardFields.channel,
        optional: true,
        label: plain(texts.channel),
        element: {
          type: "conversations_select",
          action_id: "value",
          filter: { include: ["public", "private"], exclude_bot_users: true },
        },
      },
      {
        type: "input",
        block_id: forwardFields.person,
        optional: true,
        label: plain(texts.person),
        element: { type: "users_select", action_id: "value" },
      },
      {
        type: "input",
        block_id: forwardFields.note,
        optional: true,
        label: plain(texts.note),
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 500 },
      },
      context(texts.otherwise),
    ],
  }
}

/**
 * The update as shared by a person: who shares it, the title linked to its page, their note,
 * the start of the text and the "Sprid vidare till" line, in the sharer's language.
 */
export const forwardedMessage = (input: {
  readonly language: Language
  readonly update: StoredUpdate
  readonly groupName?: string
  readonly sharerSlackId: string
  readonly note?: string
  readonly publicUrl: string
}): { readonly text: string; readonly blocks: ReadonlyArray<KnownBlock> } => {
  const texts = forwardTextsFor(input.language)
  const page = updateLinks(input.publicUrl, input.update).page
  const lead = texts.sharedBy(
    `<@${input.sharerSlackId}>`,
    input.groupName === undefined ? undefined : escapeMrkdwn(input.groupName),
  )
  const body = excerpt(input.update.body, 600)
  const passOn = input.update.passOnLine?.[input.language]
  const blocks: Array<KnownBlock> = [
    section(`${lead} *<${page}|${escapeMrkdwn(input.update.title)}>*`),
    ...(input.note === undefined ? [] : [section(`> ${escapeMrkdwn(input.note).replaceAll("\n", "\n> ")}`)]),
    ...(body.text === "" ? [] : [section(body.cut ? `${body.text} <${page}|${texts.readMore}>` : body.text)]),
    ...(passOn === undefined || passOn === "" ? [] : [context(`:arrow_right: ${escapeMrkdwn(passOn)}`)]),
  ]
  const text = `${texts.sharedBy(`<@${input.sharerSlackId}>`, input.groupName)} ${input.update.title}`
  return { text, blocks }
}
