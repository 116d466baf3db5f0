import { catalogue, type Language, type NetworkIndex, ThemeGroupId } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { type ChannelSender, type DigestRequest, SendFailed, type UpdateRequest } from "@spridning/dispatch"
import { Clock, Effect, Option } from "effect"
import type { LinkSigner, UnsubscribeScope } from "../links/signed-links.js"
import { MailSender } from "../sending/mail-sender.js"
import {
  type MailContent,
  type MailRecipient,
  type MailSendFailure,
  maxRecipientsPerRequest,
} from "../sending/outgoing-mail.js"
import { mailText } from "../templates/catalogue.js"
import { whyLine } from "../templates/reasons.js"
import {
  type DigestItem,
  type Organizer,
  recipientSubstitutions,
  renderDigest,
  renderUpdateMail,
  type UpdateForMail,
} from "../templates/render.js"

export interface EmailChannelOptions {
  readonly links: LinkSigner
  /** Organizer of calendar files (the sender address). */
  readonly organizer: Organizer
}

/** A theme group by a stored update's plain id, decoded with core's schema. */
const themeGroupOf = (index: NetworkIndex, id: string | undefined) => {
  const branded = id === undefined ? Option.none() : ThemeGroupId.makeOption(id)
  return Option.isSome(branded) ? index.themeGroupById.get(branded.value) : undefined
}

export const toUpdateForMail = (update: StoredUpdate, index: NetworkIndex): UpdateForMail => {
  const group = themeGroupOf(index, update.themeGroupId)
  return {
    id: update.id,
    kind: update.kind,
    title: update.title,
    body: update.body,
    details: update.details,
    ...(group === undefined ? {} : { themeGroupName: group.name }),
    ...(update.passOnLine === undefined ? {} : { passOnLine: update.passOnLine }),
  }
}

const oneClick = (unsubscribeUrl: string) => ({
  "List-Unsubscribe": `<${unsubscribeUrl}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
})

/** SendGrid's (or the sink's) answer in the dispatcher's terms, timed when it answered. */
const asSendFailed = (failure: MailSendFailure, answeredAt: Date): SendFailed => {
  switch (failure._tag) {
    case "MailRateLimited":
      return new SendFailed({
        kind: "rateLimited",
        status: 429,
        answeredAt,
        detail: `SendGrid 429: rate limited${failure.retryAfterMillis === undefined ? "" : ` (Retry-After ${Math.round(failure.retryAfterMillis / 1000)} s)`}`,
        ...(failure.retryAfterMillis === undefined ? {} : { retryAfterMillis: failure.retryAfterMillis }),
      })
    case "MailProviderUnavailable":
      return new SendFailed({
        kind: "unavailable",
        answeredAt,
        detail: failure.reason,
        ...(failure.status === undefined ? {} : { status: failure.status }),
      })
    case "MailRejected":
      return new SendFailed({ kind: "rejected", status: failure.status, answeredAt, detail: failure.reason })
  }
}

/**
 * The email channel's sender for the dispatcher: renders each content (update, language) once,
 * a personalization per recipient with its substitutions, RFC 8058 one-click unsubscribe and
 * `custom_args.delivery_id` (which SendGrid's webhook sends back, settling uncertain ones), and
 * hands it to the MailSender (SendGrid, or `.eml` files in the mail sink).
 */
export const makeEmailChannelSender = (options: EmailChannelOptions) =>
  Effect.gen(function* () {
    const mail = yield* MailSender
    // Readers of one update mostly share their reasons; the sentence is built once per pattern.
    const whyCache = new Map<string, string>()
    const contentCache = new Map<string, Promise<MailContent>>()
    let cachedIndex: NetworkIndex | undefined

    const whyFor = (
      index: NetworkIndex,
      language: Language,
      delivery: UpdateRequest["recipients"][number]["delivery"],
      themeGroupId?: string,
    ) => {
      if (index !== cachedIndex) {
        whyCache.clear()
        cachedIndex = index
      }
      const key = `${language}|${themeGroupId}|${JSON.stringify(delivery.reasons)}|${JSON.stringify(delivery.bridge ?? null)}`
      let why = whyCache.get(key)
      if (why === undefined) {
        if (whyCache.size > 10_000) whyCache.clear()
        why = whyLine(index, language, delivery.reasons, delivery.bridge, themeGroupId)
        whyCache.set(key, why)
      }
      return why
    }
    const contentFor = (key: string, render: () => Promise<MailContent>) =>
      Effect.promise(() => {
        let content = contentCache.get(key)
        if (content === undefined) {
          if (contentCache.size > 200) contentCache.clear()
          content = render()
          contentCache.set(key, content)
          content.catch(() => contentCache.delete(key))
        }
        return content
      })

    const deliver = (content: MailContent, recipients: Iterable<MailRecipient>) =>
      mail
        .send({ content, recipients })
        .pipe(
          Effect.catch((failure) =>
            Effect.flatMap(Clock.currentTimeMillis, (millis) =>
              Effect.fail(asSendFailed(failure, new Date(millis))),
            ),
          ),
        )

    const sendUpdate = (request: UpdateRequest) =>
      Effect.gen(function* () {
        const now = new Date(yield* Clock.currentTimeMillis)
        const { update, language, network: index } = request
        const scope: UnsubscribeScope =
          update.themeGroupId === undefined
            ? { _tag: "AllEmail" }
            : { _tag: "ThemeGroup", themeGroupId: update.themeGroupId }
        const content = yield* contentFor(`${update.id}|${language}`, () =>
          renderUpdateMail(toUpdateForMail(update, index), language, options.organizer),
        )
        const recipientOf = ({ delivery, person }: UpdateRequest["recipients"][number]): MailRecipient => {
          const unsubscribeUrl = options.links.unsubscribeUrl(person.id, scope, now, delivery.id)
          return {
            email: person.email,
            name: person.name,
            substitutions: recipientSubstitutions(language, {
              name: person.name,
              why: whyFor(index, language, delivery, update.themeGroupId),
              receiptLink: options.links.receiptLink(delivery.id, person.id, now),
              unsubscribeUrl,
            }),
            headers: oneClick(unsubscribeUrl),
            customArgs: { delivery_id: delivery.id, update_id: delivery.updateId },
          }
        }
        // Made one at a time as the sender writes them (see OutgoingMail).
        const recipients: Iterable<MailRecipient> = {
          *[Symbol.iterator]() {
            for (const recipient of request.recipients) yield recipientOf(recipient)
          },
        }
        const sent = yield* deliver(content, recipients)
        return {
          sent: request.recipients.map(({ delivery }) => ({
            id: delivery.id,
            providerMessageId: sent.providerMessageId,
          })),
        }
      })

    const sendDigest = (request: DigestRequest) =>
      Effect.gen(function* () {
        const now = new Date(yield* Clock.currentTimeMillis)
        const { person, cadence, network: index } = request
        const language = person.preferences.language
        const digestItems: ReadonlyArray<DigestItem> = request.items.map(({ delivery, update }) => {
          const receipts = options.links.receiptUrls(delivery.id, person.id, now)
          return {
            update: toUpdateForMail(update, index),
            readUrl: receipts.read,
            passedOnUrl: receipts.passedOn,
            actedUrl: receipts.acted,
          }
        })
        const content = yield* Effect.promise(() => renderDigest(language, cadence, digestItems))
        const groups = [
          ...new Set(
            request.items.flatMap(({ update }) =>
              update.themeGroupId === undefined ? [] : [update.themeGroupId],
            ),
          ),
        ].map((id) => themeGroupOf(index, id)?.name ?? id)
        const unsubscribeUrl = options.links.unsubscribeUrl(person.id, { _tag: "Digest", cadence }, now)
        const ids = request.items.map((item) => item.delivery.id)
        const recipient: MailRecipient = {
          email: person.email,
          name: person.name,
          substitutions: recipientSubstitutions(language, {
            name: person.name,
            why: mailText[language].digest.why(catalogue(language).list(groups)),
            receiptLink: "",
            unsubscribeUrl,
          }),
          headers: oneClick(unsubscribeUrl),
          // Every item's id comes back on the webhook's events, so an uncertain digest is settled whole.
          customArgs: {
            delivery_id: ids[0] ?? "",
            digest: request.periodKey,
            digest_deliveries: ids.join(","),
          },
        }
        const sent = yield* deliver(content, [recipient])
        return { sent: ids.map((id) => ({ id, providerMessageId: sent.providerMessageId })) }
      })

    const sender: ChannelSender = {
      channel: "email",
      maxRecipientsPerRequest,
      requestKey: (person) => person.email.toLowerCase(),
      send: (request) => (request._tag === "Update" ? sendUpdate(request) : sendDigest(request)),
    }
    return sender
  })
