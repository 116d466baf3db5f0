import type { KnownBlock } from "@slack/types"
import type { Bridge, InclusionReason, Language, Network, ReceiptKind } from "@spridning/core"
import { catalogue, indexNetwork, updateLinks } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { actions, button, context, escapeMrkdwn, header, section } from "./blocks.js"
import { receiptLabel, whyLine } from "./labels.js"
import { excerpt } from "./shorten.js"
import { textsFor } from "./texts.js"

/** The action ids of the three receipt buttons; their value is the update id. */
export const receiptActions: Readonly<Record<ReceiptKind, string>> = {
  read: "receipt_read",
  passedOn: "receipt_passed_on",
  acted: "receipt_acted",
}

export interface UpdateMessageInput {
  readonly language: Language
  readonly network: Network
  readonly update: StoredUpdate
  /** Why this person gets it (a DM); absent in a group channel. */
  readonly reasons?: ReadonlyArray<InclusionReason>
  readonly bridge?: Bridge
  readonly receiptsDone?: ReadonlyArray<ReceiptKind>
  /** Spridning's public address: "Läs mer", the calendar file and the proposal link. */
  readonly publicUrl: string
  /** The reader's own signed preference page (a DM; a group channel has no one reader). */
  readonly preferencesUrl?: string
}

const preferencesWords: Readonly<Record<Language, string>> = {
  sv: "Dina inställningar: kanaler, språk, hur ofta, vilka grupper",
  en: "Your settings: channels, language, how often, which groups",
}

/** Slack shows a section of at most 3,000 characters; the body leaves room for the title. */
const bodyLimit = 2_500

const stockholm = (language: Language, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(language === "en" ? "en-GB" : "sv-SE", { timeZone: "Europe/Stockholm", ...options })

/** The facts of a digital hour or a proposal round, the same as the mail's (`when`, `where`, …). */
const factLines = (input: UpdateMessageInput): ReadonlyArray<string> => {
  const words = catalogue(input.language).content
  const links = updateLinks(input.publicUrl, input.update)
  const details = input.update.details
  if (details.kind === "digitalHour") {
    const day = stockholm(input.language, { dateStyle: "full", timeStyle: "short" }).format(details.startsAt)
    const end = stockholm(input.language, { timeStyle: "short" }).format(details.endsAt)
    return [
      `*${words.when}:* ${day}–${end}`,
      ...(details.location === undefined ? [] : [`*${words.where}:* ${escapeMrkdwn(details.location)}`]),
      ...(details.url === undefined
        ? []
        : [`*${words.join}:* <${details.url}|${escapeMrkdwn(details.url)}>`]),
      ...(links.calendar === undefined ? [] : [`<${links.calendar}|${words.calendar}>`]),
    ]
  }
  if (details.kind === "proposalRound") {
    const deadline = stockholm(input.language, { dateStyle: "long" }).format(details.deadline)
    return [
      `*${words.deadline}:* ${deadline}`,
      ...(links.proposals === undefined ? [] : [`<${links.proposals}|${words.sendProposal}>`]),
    ]
  }
  return []
}

const headline = (input: UpdateMessageInput, groupName: string): string => {
  const texts = textsFor(input.language)
  switch (input.update.details.kind) {
    case "meetingNotes":
      return texts.meetingNotesFrom(groupName)
    case "workListItem":
      return texts.workListFrom(groupName)
    default:
      return texts.updateFrom(groupName)
  }
}

const detailLine = (input: UpdateMessageInput): string | undefined => {
  const details = input.update.details
  const texts = textsFor(input.language)
  if (details.kind === "meetingNotes") return texts.meetingHeld(details.meetingDate)
  if (details.kind === "workListItem") {
    const status = { planned: texts.statusPlanned, ongoing: texts.statusOngoing, done: texts.statusDone }[
      details.status
    ]
    return details.dueDate === undefined ? status : `${status} · ${details.dueDate}`
  }
  return undefined
}

/**
 * A published update as a Slack message: what it is, why the reader gets it, whom to pass it
 * on to ("Skriv gärna ut vem det ska spridas till"), and the three buttons that follow it
 * from information to action.
 */
export const updateMessage = (input: UpdateMessageInput): { text: string; blocks: Array<KnownBlock> } => {
  const texts = textsFor(input.language)
  const index = indexNetwork(input.network)
  const groupName =
    input.update.themeGroupId === undefined
      ? "HFS-nätverket"
      : (index.themeGroupById.get(input.update.themeGroupId as never)?.name ?? input.update.themeGroupId)
  const title = headline(input, groupName)
  const words = catalogue(input.language).content
  const page = updateLinks(input.publicUrl, input.update).page
  const body = excerpt(input.update.body, bodyLimit)
  const blocks: Array<KnownBlock> = [
    header(title),
    section(
      `*${escapeMrkdwn(input.update.title)}*\n${body.text}${body.cut ? `\n<${page}|${words.readMore}>` : ""}`,
    ),
  ]
  const facts = factLines(input)
  if (facts.length > 0) blocks.push(section(facts.join("\n")))
  const detail = detailLine(input)
  if (detail !== undefined) blocks.push(context(detail))
  blocks.push(context(`*${words.whatToDo}:* ${catalogue(input.language).callToAction[input.update.kind]}`))
  const passOn = input.update.passOnLine?.[input.language]
  if (passOn !== undefined && passOn !== "") blocks.push(context(`:arrow_right: ${escapeMrkdwn(passOn)}`))
  if (input.reasons !== undefined && input.reasons.length > 0) {
    const themeGroup =
      input.update.themeGroupId === undefined
        ? undefined
        : index.themeGroupById.get(input.update.themeGroupId as never)
    const bridge = input.bridge === undefined ? undefined : { bridge: input.bridge, themeGroup }
    blocks.push(context(escapeMrkdwn(whyLine(input.language, input.network, input.reasons, bridge))))
  }
  if (input.bridge !== undefined) blocks.push(context(`:bridge_at_night: ${texts.bridgeNote}`))
  blocks.push(
    actions("receipts", [
      button(texts.buttonRead, receiptActions.read, input.update.id),
      button(texts.buttonPassedOn, receiptActions.passedOn, input.update.id),
      button(texts.buttonActed, receiptActions.acted, input.update.id, "primary"),
    ]),
  )
  if (input.preferencesUrl !== undefined && input.preferencesUrl !== "") {
    blocks.push(context(`:gear: <${input.preferencesUrl}|${preferencesWords[input.language]}>`))
  }
  if (input.receiptsDone !== undefined && input.receiptsDone.length > 0) {
    blocks.push(
      context(
        `:white_check_mark: ${texts.receiptsDone(input.receiptsDone.map((k) => receiptLabel(input.language, k)).join(", "))}`,
      ),
    )
  }
  return { text: `${title}: ${input.update.title}`, blocks }
}
