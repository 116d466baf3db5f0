import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { Effect, Layer, Redacted } from "effect"
import { MailSender } from "./mail-sender.js"
import {
  type MailContent,
  MailProviderUnavailable,
  MailRateLimited,
  type MailRecipient,
  MailRejected,
  type MailSendFailure,
  type OutgoingMail,
} from "./outgoing-mail.js"

export interface SendGridSettings {
  readonly apiKey: Redacted.Redacted<string>
  /** e.g. https://api.eu.sendgrid.com for EU data residency, or a local server in tests. */
  readonly baseUrl?: string
  readonly from: { readonly email: string; readonly name: string }
  /** Milliseconds before a request counts as failed (default 30 s). */
  readonly timeoutMillis?: number
}

interface SendGridResponseError {
  readonly code?: number
  readonly message?: string
  readonly response?: {
    readonly headers?: Record<string, string | undefined>
    readonly body?: {
      readonly errors?: ReadonlyArray<{ readonly message?: string; readonly field?: string | null }>
    }
  }
}

const asResponseError = (cause: unknown): SendGridResponseError =>
  typeof cause === "object" && cause !== null ? (cause as SendGridResponseError) : { message: String(cause) }

/** Reads Retry-After: seconds, or an HTTP date. */
export const retryAfterMillis = (
  header: string | undefined,
  now: number = Date.now(),
): number | undefined => {
  if (header === undefined || header.trim() === "") return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

const failureOf = (cause: unknown): MailSendFailure => {
  const error = asResponseError(cause)
  const status = error.code
  const reasons = (error.response?.body?.errors ?? [])
    .map((item) => (item.field ? `${item.field}: ${item.message ?? ""}` : (item.message ?? "")))
    .filter((text) => text.length > 0)
  const reason = reasons.length > 0 ? reasons.join("; ") : (error.message ?? "unknown error")
  if (status === 429) {
    const retryAfter = retryAfterMillis(error.response?.headers?.["retry-after"])
    return new MailRateLimited(retryAfter === undefined ? {} : { retryAfterMillis: retryAfter })
  }
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new MailRejected({ status, reason: `SendGrid ${status}: ${reason}` })
  }
  return new MailProviderUnavailable({
    ...(typeof status === "number" ? { status } : {}),
    reason: typeof status === "number" ? `SendGrid ${status}: ${reason}` : `SendGrid unreachable: ${reason}`,
  })
}

/** One personalization of a v3 mail/send body, in SendGrid's own field names. */
interface Personalization {
  readonly to: ReadonlyArray<{ readonly email: string; readonly name: string }>
  readonly substitutions: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly custom_args: Readonly<Record<string, string>>
}

/** `{{key}}`: SendGrid replaces substitution keys literally, so they carry the template's wrappers. */
const wrapped = (substitutions: Readonly<Record<string, string>>): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const key in substitutions) result[`{{${key}}}`] = substitutions[key] ?? ""
  return result
}

const personalizationOf = (recipient: MailRecipient): Personalization => ({
  to: [{ email: recipient.email, name: recipient.name }],
  substitutions: wrapped(recipient.substitutions),
  headers: recipient.headers,
  custom_args: recipient.customArgs,
})

/**
 * The parts of a body every request of one content shares, built once per content (an update
 * to 100k readers is one content in 100 requests; the attachment is encoded once, not 100 times).
 */
const sharedPartsOf = (from: SendGridSettings["from"], content: MailContent) => ({
  from,
  subject: content.subject,
  content: [
    { type: "text/plain", value: content.text },
    { type: "text/html", value: content.html },
  ],
  categories: [content.category],
  ...(content.attachments.length === 0
    ? {}
    : {
        attachments: content.attachments.map((attachment) => ({
          filename: attachment.filename,
          type: attachment.contentType,
          disposition: "attachment",
          content: Buffer.from(attachment.content, "utf8").toString("base64"),
        })),
      }),
  // We set List-Unsubscribe ourselves; SendGrid's own link would replace it.
  tracking_settings: { subscription_tracking: { enable: false } },
})

/**
 * Sends through @sendgrid/client: one call is one v3 mail/send request, the shared content once
 * and a personalization per recipient with its substitutions, headers and `custom_args`. The
 * body is built here in SendGrid's field names rather than through @sendgrid/mail, whose helper
 * deep-clones and re-cases every personalization of every request (most of the sender's time
 * when an update goes to 100k readers).
 */
export const makeSendGridSender = (settings: SendGridSettings) => {
  const client = new Client()
  client.setApiKey(Redacted.value(settings.apiKey))
  // setApiKey (and setDataResidency) reset the base URL, so ours goes last.
  if (settings.baseUrl !== undefined) client.setDefaultRequest("baseUrl", settings.baseUrl)
  // @sendgrid/mail's setTimeout is the typed way to set the client's request timeout; its
  // send is not used (see above).
  const timeout = new MailService()
  timeout.setClient(client)
  timeout.setTimeout(settings.timeoutMillis ?? 30_000)
  const shared = new WeakMap<MailContent, ReturnType<typeof sharedPartsOf>>()
  const sharedParts = (content: MailContent) => {
    let parts = shared.get(content)
    if (parts === undefined) {
      parts = sharedPartsOf(settings.from, content)
      shared.set(content, parts)
    }
    return parts
  }

  return MailSender.of({
    kind: "sendgrid",
    send: (outgoing: OutgoingMail) =>
      Effect.tryPromise({
        try: () =>
          client.request({
            method: "POST",
            url: "/v3/mail/send",
            body: {
              ...sharedParts(outgoing.content),
              personalizations: outgoing.recipients.map(personalizationOf),
            },
          }),
        catch: failureOf,
      }).pipe(
        Effect.map(([response]) => ({
          providerMessageId: String(response.headers["x-message-id"] ?? ""),
          recipients: outgoing.recipients,
        })),
      ),
  })
}

export const layerSendGrid = (settings: SendGridSettings) =>
  Layer.succeed(MailSender, makeSendGridSender(settings))
