import { catalogue, type Language, type UpdateKind } from "@spridning/core"
import type { UpdateDetails } from "@spridning/db"
import { preferencesUrlFromUnsubscribeUrl, proposalUrlFromReceiptLink } from "../links/signed-links.js"
import type { MailAttachment, MailContent } from "../sending/outgoing-mail.js"
import { calendarFile } from "./calendar.js"
import { formatDate, formatDateTime, formatMonth, mailText } from "./catalogue.js"
import { type Block, escapeHtml, type MailDocument, renderHtml, renderText } from "./mjml-layout.js"

/** What a mail about an update needs to know about it. */
export interface UpdateForMail {
  readonly id: string
  readonly kind: UpdateKind
  readonly title: string
  readonly body: string
  readonly details: UpdateDetails
  readonly themeGroupName?: string
  /** "Sprid vidare till: …" as planned when the update was published. */
  readonly passOnLine?: { readonly sv: string; readonly en: string }
}

/** Per-recipient values every mail template expects (see `recipientSubstitutions`). */
export const placeholder = {
  // One substitution for the three receipt links (they share one signed token): every byte of
  // a substitution is repeated for each of a request's 1,000 recipients.
  readUrl: "{{receipt_link}}/read",
  passedOnUrl: "{{receipt_link}}/passedOn",
  actedUrl: "{{receipt_link}}/acted",
  unsubscribeUrl: "{{unsubscribe_url}}",
  proposalUrl: "{{proposal_url}}",
  preferencesUrl: "{{preferences_url}}",
} as const

export interface RecipientParts {
  readonly name: string
  readonly why: string
  /** The delivery's receipt link without its kind (the signer's `receiptLink`); empty when none. */
  readonly receiptLink: string
  readonly unsubscribeUrl: string
  /** The reader's preference page; by default opened with the mail's unsubscribe token. */
  readonly preferencesUrl?: string
}

/** The substitutions that fill a template's placeholders for one reader. */
export const recipientSubstitutions = (language: Language, parts: RecipientParts): Record<string, string> => {
  const greeting = mailText[language].greeting(parts.name)
  const why = /[.!?]$/.test(parts.why) ? parts.why : `${parts.why}.`
  return {
    greeting_html: escapeHtml(greeting),
    greeting_text: greeting,
    why_html: escapeHtml(why),
    why_text: why,
    receipt_link: parts.receiptLink,
    unsubscribe_url: parts.unsubscribeUrl,
    proposal_url: proposalUrlFromReceiptLink(parts.receiptLink),
    preferences_url: parts.preferencesUrl ?? preferencesUrlFromUnsubscribeUrl(parts.unsubscribeUrl),
  }
}

export interface Organizer {
  readonly name: string
  readonly email: string
}

const receiptButtons = (language: Language): Block => {
  const text = mailText[language].receipts
  return {
    kind: "buttons",
    intro: text.intro,
    buttons: [
      { label: text.read, href: placeholder.readUrl },
      { label: text.passedOn, href: placeholder.passedOnUrl },
      { label: text.acted, href: placeholder.actedUrl },
    ],
  }
}

const footer = (language: Language, unsubscribeLabel: string): ReadonlyArray<Block> => [
  { kind: "divider" },
  { kind: "placeholderParagraph", key: "why", muted: true },
  {
    kind: "footer",
    lines: [`Spridning · ${mailText[language].networkName}`, mailText[language].openInBrowserHint],
    links: [
      { label: mailText[language].preferences, href: placeholder.preferencesUrl },
      { label: unsubscribeLabel, href: placeholder.unsubscribeUrl },
    ],
  },
]

const unsubscribeLabelFor = (language: Language, themeGroupName: string | undefined) =>
  themeGroupName === undefined
    ? mailText[language].unsubscribeAll
    : mailText[language].unsubscribeGroup(themeGroupName)

const detailRows = (language: Language, details: UpdateDetails): ReadonlyArray<readonly [string, string]> => {
  const text = mailText[language].details
  switch (details.kind) {
    case "meetingNotes":
      return [[text.meetingDate, formatDate(language, details.meetingDate)]]
    case "workListItem":
      return [
        [text.status, text.workStatus[details.status]],
        ...(details.dueDate === undefined
          ? []
          : [[text.dueDate, formatDate(language, details.dueDate)] as const]),
      ]
    case "digitalHour":
      return [
        ...(details.cancelledAt === undefined ? [] : [[text.status, text.cancelled] as const]),
        [
          text.when,
          `${formatDateTime(language, details.startsAt)}–${new Intl.DateTimeFormat(mailText[language].locale, { timeStyle: "short", timeZone: "Europe/Stockholm" }).format(details.endsAt)}`,
        ],
        ...(details.location === undefined ? [] : [[text.where, details.location] as const]),
      ]
    case "proposalRound":
      return [
        [text.deadline, formatDate(language, details.deadline)],
        ...(details.planYear === undefined ? [] : [[text.planYear, String(details.planYear)] as const]),
      ]
    case "actionPlan":
      return [[text.planYear, String(details.planYear)]]
    case "goodExample":
      return details.tags.length === 0 ? [] : [[text.tags, details.tags.join(", ")]]
    case "proposalAnswer":
      return details.answer === undefined
        ? []
        : [
            [text.yourProposal, details.answer.proposalText],
            [text.answer, text.answerStatus[details.answer.status]],
            ...(details.answer.reason === undefined ? [] : [[text.reason, details.answer.reason] as const]),
          ]
    case "briefing":
      return []
  }
}

/** A join link as a link, normalised so it can sit in an href as it is. */
const joinHref = (url: string | undefined): string | undefined => {
  if (url === undefined || !URL.canParse(url)) return undefined
  const parsed = new URL(url)
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined
}

type HourDetails = Extract<UpdateDetails, { kind: "digitalHour" }>

/** Where a digital hour stands: as first published, moved (SEQUENCE > 0) or cancelled. */
const hourState = (details: HourDetails): "invited" | "moved" | "cancelled" =>
  details.cancelledAt !== undefined ? "cancelled" : (details.sequence ?? 0) > 0 ? "moved" : "invited"

const digitalHourAttachment = (
  update: UpdateForMail,
  organizer: Organizer,
): ReadonlyArray<MailAttachment> => {
  if (update.details.kind !== "digitalHour") return []
  const details = update.details
  const cancelled = hourState(details) === "cancelled"
  return [
    {
      filename: "digitimme.ics",
      contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "PUBLISH"}`,
      content: calendarFile({
        uid: `${update.id}@spridning`,
        sequence: details.sequence ?? 0,
        cancelled,
        title: update.title,
        description: [update.body, details.url]
          .filter((part) => part !== undefined && part.length > 0)
          .join("\n\n"),
        startsAt: details.startsAt,
        endsAt: details.endsAt,
        ...(details.location === undefined ? {} : { location: details.location }),
        ...(details.url === undefined ? {} : { url: details.url }),
        organizer,
      }),
    },
  ]
}

/** The blocks only some kinds have: the join button, a moved or cancelled hour, an answer's words. */
const kindBlocks = (language: Language, update: UpdateForMail): ReadonlyArray<Block> => {
  const text = mailText[language].details
  const details = update.details
  if (details.kind === "digitalHour") {
    const state = hourState(details)
    const href = joinHref(details.url)
    return [
      ...(state === "invited" ? [] : [{ kind: "callout", text: text.hourChanged[state] } as const]),
      ...(href === undefined || state === "cancelled"
        ? []
        : [{ kind: "buttons", intro: text.joinIntro, buttons: [{ label: text.joinButton, href }] } as const]),
    ]
  }
  if (details.kind === "meetingNotes" && details.correction !== undefined) {
    return [{ kind: "callout", text: text.correction(details.correction.note) }]
  }
  if (details.kind === "proposalRound") {
    return [
      {
        kind: "buttons",
        intro: text.proposalIntro,
        buttons: [{ label: text.proposalButton, href: placeholder.proposalUrl }],
      },
    ]
  }
  if (details.kind === "proposalAnswer" && details.answer !== undefined) {
    const answer = details.answer
    return [
      ...(answer.previousStatus === undefined
        ? []
        : [{ kind: "callout", text: text.answerChanged(text.answerStatus[answer.previousStatus]) } as const]),
      { kind: "paragraph", text: text.answerLead[answer.status] },
    ]
  }
  return []
}

const labelFor = (language: Language, kind: UpdateKind, themeGroupName: string | undefined) =>
  themeGroupName === undefined
    ? catalogue(language).updateKind[kind]
    : `${catalogue(language).updateKind[kind]} · ${themeGroupName}`

const contentOf = async (
  document: MailDocument,
  subject: string,
  category: string,
  attachments: ReadonlyArray<MailAttachment> = [],
): Promise<MailContent> => ({
  subject,
  text: renderText(document),
  html: await renderHtml(document),
  attachments,
  category,
})

const isCorrection = (update: UpdateForMail) =>
  update.details.kind === "meetingNotes" && update.details.correction !== undefined

const subjectPrefixOf = (language: Language, update: UpdateForMail): string => {
  const text = mailText[language]
  if (update.details.kind === "digitalHour") {
    const state = hourState(update.details)
    if (state !== "invited") return text.hourSubjectPrefix[state]
  }
  if (update.details.kind === "meetingNotes" && update.details.correction !== undefined) {
    return text.correctedNotesSubjectPrefix
  }
  if (update.details.kind === "proposalAnswer" && update.details.answer?.previousStatus !== undefined) {
    return text.changedAnswerSubjectPrefix
  }
  return text.subjectPrefix[update.kind]
}

/**
 * The mail announcing an update: meeting notes, work-list changes, digital-hour invitations
 * (with the calendar file), proposal rounds, answers to proposals, good examples, action plans
 * and briefings. One render serves every reader of the same update and language.
 */
export const renderUpdateMail = (update: UpdateForMail, language: Language, organizer: Organizer) => {
  const text = mailText[language]
  const passOn = update.passOnLine?.[language]
  const facts = detailRows(language, update.details)
  const attachments = digitalHourAttachment(update, organizer)
  const blocks: Array<Block> = [
    { kind: "placeholderParagraph", key: "greeting" },
    { kind: "heading", text: update.title },
    ...(facts.length === 0 ? [] : [{ kind: "facts", rows: facts } as const]),
    ...kindBlocks(language, update),
    // A correction is a short notice: the note says what changed, not the whole notes again.
    ...(update.body.trim().length === 0 || isCorrection(update)
      ? []
      : [{ kind: "paragraph", text: update.body } as const]),
    ...(attachments.length === 0
      ? []
      : [{ kind: "paragraph", text: text.details.calendarAttached } as const]),
    ...(passOn === undefined || passOn.length === 0 ? [] : [{ kind: "callout", text: passOn } as const]),
    { kind: "todo", text: catalogue(language).callToAction[update.kind] },
    receiptButtons(language),
    ...footer(language, unsubscribeLabelFor(language, update.themeGroupName)),
  ]
  const subjectGroup = update.themeGroupName === undefined ? "" : ` – ${update.themeGroupName}`
  return contentOf(
    {
      language,
      preview: catalogue(language).callToAction[update.kind],
      label: labelFor(language, update.kind, update.themeGroupName),
      blocks,
    },
    `${subjectPrefixOf(language, update)}${subjectGroup}: ${update.title}`,
    update.kind,
    attachments,
  )
}

/** "en vecka och en dag före": a reminder before a proposal round's deadline. */
export const renderProposalReminder = (update: UpdateForMail, language: Language, daysLeft: 1 | 7) => {
  if (update.details.kind !== "proposalRound") {
    throw new Error(`a proposal reminder needs a proposal round, got ${update.details.kind} (${update.id})`)
  }
  const text = mailText[language]
  const deadline = formatDate(language, update.details.deadline)
  const passOn = update.passOnLine?.[language]
  return contentOf(
    {
      language,
      preview: text.reminders.proposalLead(daysLeft, deadline),
      label: labelFor(language, "proposalRound", update.themeGroupName),
      blocks: [
        { kind: "placeholderParagraph", key: "greeting" },
        { kind: "heading", text: update.title },
        { kind: "callout", text: text.reminders.proposalLead(daysLeft, deadline) },
        { kind: "facts", rows: detailRows(language, update.details) },
        ...kindBlocks(language, update),
        ...(update.body.trim().length === 0 ? [] : [{ kind: "paragraph", text: update.body } as const]),
        ...(passOn === undefined || passOn.length === 0
          ? []
          : [{ kind: "paragraph", text: passOn } as const]),
        { kind: "todo", text: catalogue(language).callToAction.proposalRound },
        receiptButtons(language),
        ...footer(language, unsubscribeLabelFor(language, update.themeGroupName)),
      ],
    },
    text.reminders.proposalSubject(daysLeft, update.title),
    `proposalReminder${daysLeft}`,
  )
}

/** The day before a digital hour, with the calendar file again. */
export const renderDigitalHourReminder = (
  update: UpdateForMail,
  language: Language,
  organizer: Organizer,
) => {
  if (update.details.kind !== "digitalHour") {
    throw new Error(`a digital-hour reminder needs a digital hour, got ${update.details.kind} (${update.id})`)
  }
  const text = mailText[language]
  const when = formatDateTime(language, update.details.startsAt)
  const passOn = update.passOnLine?.[language]
  return contentOf(
    {
      language,
      preview: text.reminders.digitalHourLead(when),
      label: labelFor(language, "digitalHour", update.themeGroupName),
      blocks: [
        { kind: "placeholderParagraph", key: "greeting" },
        { kind: "heading", text: update.title },
        { kind: "callout", text: text.reminders.digitalHourLead(when) },
        { kind: "facts", rows: detailRows(language, update.details) },
        { kind: "paragraph", text: text.details.calendarAttached },
        ...(passOn === undefined || passOn.length === 0
          ? []
          : [{ kind: "paragraph", text: passOn } as const]),
        { kind: "todo", text: catalogue(language).callToAction.digitalHour },
        receiptButtons(language),
        ...footer(language, unsubscribeLabelFor(language, update.themeGroupName)),
      ],
    },
    text.reminders.digitalHourSubject(update.title),
    "digitalHourReminder",
    digitalHourAttachment(update, organizer),
  )
}

export interface DigestItem {
  readonly update: UpdateForMail
  readonly readUrl: string
  readonly passedOnUrl: string
  readonly actedUrl: string
}

/** One person's daily or weekly digest: every mailing of the period, each with its own receipt links. */
export const renderDigest = (
  language: Language,
  cadence: "daily" | "weekly",
  items: ReadonlyArray<DigestItem>,
) => {
  const text = mailText[language]
  const blocks: Array<Block> = [
    { kind: "placeholderParagraph", key: "greeting" },
    { kind: "paragraph", text: text.digest.lead(cadence, items.length) },
  ]
  for (const item of items) {
    const facts = detailRows(language, item.update.details)
    const passOn = item.update.passOnLine?.[language]
    blocks.push(
      { kind: "divider" },
      {
        kind: "heading",
        text: `${labelFor(language, item.update.kind, item.update.themeGroupName)}: ${item.update.title}`,
      },
      ...(facts.length === 0 ? [] : [{ kind: "facts", rows: facts } as const]),
      ...(item.update.body.trim().length === 0
        ? []
        : [{ kind: "paragraph", text: item.update.body } as const]),
      ...(passOn === undefined || passOn.length === 0 ? [] : [{ kind: "paragraph", text: passOn } as const]),
      { kind: "todo", text: catalogue(language).callToAction[item.update.kind] },
      {
        kind: "buttons",
        intro: text.receipts.intro,
        buttons: [
          { label: text.receipts.read, href: item.readUrl },
          { label: text.receipts.passedOn, href: item.passedOnUrl },
          { label: text.receipts.acted, href: item.actedUrl },
        ],
      },
    )
  }
  blocks.push(
    { kind: "paragraph", text: text.digest.changeFrequency },
    ...footer(language, text.unsubscribeDigest),
  )
  return contentOf(
    {
      language,
      preview: text.digest.lead(cadence, items.length),
      label: text.digest.subject(cadence, items.length),
      blocks,
    },
    text.digest.subject(cadence, items.length),
    `digest-${cadence}`,
  )
}

/** "regelbundna möten med hälso- och sjukvårdsdirektören om vad som är på gång" */
export interface BriefingForMail {
  readonly regionName: string
  readonly month: Date
  readonly recentWork: ReadonlyArray<{
    readonly title: string
    readonly kind: UpdateKind
    readonly themeGroupName?: string
  }>
  readonly uncovered: ReadonlyArray<{ readonly themeGroupName: string; readonly fallbackName?: string }>
  readonly missingRoles: ReadonlyArray<string>
  readonly waiting: ReadonlyArray<{ readonly title: string; readonly deadline: Date }>
}

export const renderBriefing = (briefing: BriefingForMail, language: Language) => {
  const text = mailText[language]
  const month = formatMonth(language, briefing.month)
  const work = briefing.recentWork.map(
    (item) => `${labelFor(language, item.kind, item.themeGroupName)}: ${item.title}`,
  )
  const uncovered = briefing.uncovered.map(
    (item) =>
      `${item.themeGroupName} – ${item.fallbackName === undefined ? text.briefing.uncoveredNoFallback : text.briefing.uncoveredFallback(item.fallbackName)}`,
  )
  const waiting = briefing.waiting.map((item) =>
    text.briefing.waitingItem(item.title, formatDate(language, item.deadline)),
  )
  const section = (title: string, items: ReadonlyArray<string>, none: string): Block =>
    items.length === 0 ? { kind: "paragraph", text: `${title}: ${none}` } : { kind: "list", title, items }
  return contentOf(
    {
      language,
      preview: text.briefing.lead(briefing.regionName, month),
      label: catalogue(language).updateKind.briefing,
      blocks: [
        { kind: "placeholderParagraph", key: "greeting" },
        { kind: "heading", text: text.briefing.subject(briefing.regionName, month) },
        { kind: "paragraph", text: text.briefing.lead(briefing.regionName, month) },
        section(text.briefing.waiting, waiting, text.briefing.noWaiting),
        section(text.briefing.uncovered, uncovered, text.briefing.noUncovered),
        ...(briefing.missingRoles.length === 0
          ? []
          : [{ kind: "list", title: text.briefing.missingRoles, items: briefing.missingRoles } as const]),
        section(text.briefing.recentWork, work, text.briefing.noRecentWork),
        { kind: "todo", text: text.briefing.whatToDo },
        ...footer(language, text.unsubscribeAll),
      ],
    },
    text.briefing.subject(briefing.regionName, month),
    "briefing",
  )
}
