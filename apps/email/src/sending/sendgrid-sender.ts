import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { Effect, Layer, Redacted } from "effect"
import { MailSender } from "./mail-sender.js"
import {
  MailProviderUnavailable,
  MailRateLimited,
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

/**
 * Sends through @sendgrid/mail. One call is one v3 mail-send request: the shared content once,
 * a personalization per recipient with its substitutions, headers and `custom_args`.
 */
export const makeSendGridSender = (settings: SendGridSettings) => {
  const client = new Client()
  client.setApiKey(Redacted.value(settings.apiKey))
  // setApiKey (and setDataResidency) reset the base URL, so ours goes last.
  if (settings.baseUrl !== undefined) client.setDefaultRequest("baseUrl", settings.baseUrl)
  const mail = new MailService()
  mail.setClient(client)
  mail.setTimeout(settings.timeoutMillis ?? 30_000)

  return MailSender.of({
    kind: "sendgrid",
    send: (outgoing: OutgoingMail) =>
      Effect.tryPromise({
        try: () =>
          mail.send({
            from: settings.from,
            subject: outgoing.content.subject,
            content: [
              { type: "text/plain", value: outgoing.content.text },
              { type: "text/html", value: outgoing.content.html },
            ],
            categories: [outgoing.content.category],
            attachments: outgoing.content.attachments.map((attachment) => ({
              filename: attachment.filename,
              type: attachment.contentType,
              disposition: "attachment",
              content: Buffer.from(attachment.content, "utf8").toString("base64"),
            })),
            personalizations: outgoing.recipients.map((recipient) => ({
              to: [{ email: recipient.email, name: recipient.name }],
              substitutions: { ...recipient.substitutions },
              headers: { ...recipient.headers },
              customArgs: { ...recipient.customArgs },
            })),
            // We set List-Unsubscribe ourselves; SendGrid's own link would replace it.
            trackingSettings: { subscriptionTracking: { enable: false } },
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
