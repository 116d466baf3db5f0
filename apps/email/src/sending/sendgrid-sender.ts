import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from "node:http"
import { Agent as HttpsAgent, request as httpsRequest } from "node:https"
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
  placeholderPattern,
} from "./outgoing-mail.js"

export interface SendGridSettings {
  readonly apiKey: Redacted.Redacted<string>
  /** e.g. https://api.eu.sendgrid.com for EU data residency, or a local server in tests. */
  readonly baseUrl?: string
  readonly from: { readonly email: string; readonly name: string }
  /** Milliseconds before a request counts as failed (default 30 s). */
  readonly timeoutMillis?: number
}

/** What a failed mail/send said: its status, Retry-After and SendGrid's error list. */
interface SendGridAnswer {
  readonly status?: number
  readonly retryAfter?: string | null
  readonly errors?: ReadonlyArray<{ readonly message?: string; readonly field?: string | null }>
  readonly message?: string
}

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

const failureOf = (answer: SendGridAnswer): MailSendFailure => {
  const status = answer.status
  const reasons = (answer.errors ?? [])
    .map((item) => (item.field ? `${item.field}: ${item.message ?? ""}` : (item.message ?? "")))
    .filter((text) => text.length > 0)
  const reason = reasons.length > 0 ? reasons.join("; ") : (answer.message ?? "unknown error")
  if (status === 429) {
    const retryAfter = retryAfterMillis(answer.retryAfter ?? undefined)
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

/** SendGrid's error JSON (`{"errors":[{"message","field"}]}`), or the raw text when it is not. */
const answerOf = ({ status, headers, text }: PostAnswer): SendGridAnswer => {
  const retryAfter = headers["retry-after"]
  const base = { status, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter }
  try {
    const parsed: unknown = JSON.parse(text)
    const errors =
      typeof parsed === "object" && parsed !== null && "errors" in parsed && Array.isArray(parsed.errors)
        ? (parsed.errors as SendGridAnswer["errors"])
        : undefined
    return { ...base, ...(errors === undefined ? {} : { errors }), message: text.slice(0, 500) }
  } catch {
    return { ...base, message: text.slice(0, 500) || `HTTP ${status}` }
  }
}

/** Why a request got no answer, in words for the office (refused, reset, no answer in time). */
const describeRequestError = (error: Error): string =>
  error instanceof NoAnswerInTime ? "no answer in time" : error.message

/** One personalization of a v3 mail/send body, in SendGrid's own field names. */
interface Personalization {
  readonly to: ReadonlyArray<{ readonly email: string; readonly name: string }>
  readonly substitutions: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly custom_args: Readonly<Record<string, string>>
}

/**
 * `{{key}}`: SendGrid replaces substitution keys literally, so they carry the template's
 * wrappers. Only keys the content uses go: every byte is repeated for each of 1,000 recipients.
 */
const wrapped = (
  substitutions: Readonly<Record<string, string>>,
  used: ReadonlySet<string>,
): Record<string, string> => {
  const result: Record<string, string> = {}
  for (const key in substitutions) if (used.has(key)) result[`{{${key}}}`] = substitutions[key] ?? ""
  return result
}

const personalizationOf = (recipient: MailRecipient, used: ReadonlySet<string>): Personalization => ({
  to: [{ email: recipient.email, name: recipient.name }],
  substitutions: wrapped(recipient.substitutions, used),
  headers: recipient.headers,
  custom_args: recipient.customArgs,
})

/** The placeholder keys a content holds (SendGrid substitutes in the subject and the bodies). */
const placeholdersOf = (content: MailContent): ReadonlySet<string> =>
  new Set(
    [content.subject, content.text, content.html].flatMap((part) =>
      [...part.matchAll(placeholderPattern)].map((match) => match[1] ?? ""),
    ),
  )

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

/** A request body as written: buffers of at most `bodyChunkBytes` each, and their total length. */
interface Body {
  readonly chunks: ReadonlyArray<Buffer>
  readonly length: number
}

const bodyChunkBytes = 64 * 1024

/**
 * One request's body as bytes: the shared parts (serialized once per content), then each
 * personalization serialized and written as it comes, so no string or list of the whole body
 * is ever held (a 1,000-recipient body is about 2 MB).
 */
const bodyOf = (
  shared: { readonly head: string; readonly used: ReadonlySet<string> },
  recipients: Iterable<MailRecipient>,
): Body => {
  const chunks: Array<Buffer> = []
  let chunk = Buffer.allocUnsafeSlow(bodyChunkBytes)
  let used = 0
  let length = 0
  const write = (text: string) => {
    const bytes = Buffer.byteLength(text)
    if (used + bytes > chunk.length) {
      if (used > 0) chunks.push(chunk.subarray(0, used))
      chunk = Buffer.allocUnsafeSlow(Math.max(bodyChunkBytes, bytes))
      used = 0
    }
    used += chunk.write(text, used)
    length += bytes
  }
  write(shared.head)
  let first = true
  for (const recipient of recipients) {
    if (!first) write(",")
    write(JSON.stringify(personalizationOf(recipient, shared.used)))
    first = false
  }
  write("]}")
  chunks.push(chunk.subarray(0, used))
  return { chunks, length }
}

/** What came back from one POST: enough to tell success, a 429's wait, and SendGrid's reasons. */
interface PostAnswer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly text: string
}

/**
 * One POST over node:http(s) with a keep-alive agent. Not fetch: fetch copies a request body
 * before sending it (the Fetch standard asks for a copy), a second 2 MB buffer per request.
 */
const makePoster = (endpoint: URL, timeoutMillis: number) => {
  const secure = endpoint.protocol === "https:"
  const agent = secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true })
  const send = secure ? httpsRequest : httpRequest
  return (headers: Readonly<Record<string, string>>, body: Body) =>
    new Promise<PostAnswer>((resolve, reject) => {
      const request = send(
        endpoint,
        { method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } },
        (response) => {
          const chunks: Array<Buffer> = []
          response.on("data", (chunk: Buffer) => chunks.push(chunk))
          response.on("error", reject)
          response.on("end", () => {
            clearTimeout(deadline)
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString("utf8"),
            })
          })
        },
      )
      const deadline = setTimeout(() => request.destroy(new NoAnswerInTime()), timeoutMillis)
      request.on("error", (error) => {
        clearTimeout(deadline)
        reject(error)
      })
      for (const chunk of body.chunks) request.write(chunk)
      request.end()
    })
}

class NoAnswerInTime extends Error {
  override readonly name = "NoAnswerInTime"
}

/**
 * Sends one v3 mail/send request per call: the shared content once and a personalization per
 * recipient with its substitutions, headers and `custom_args`, in SendGrid's field names.
 *
 * Hand-written over node:http rather than through @sendgrid/client (or @sendgrid/mail, whose
 * helper also deep-clones and re-cases every personalization): the client takes the body as an
 * object and serializes it into one string, which axios copies into a buffer. A 1,000-recipient
 * body is 2.5 MB, so each request left two multi-megabyte objects in V8's large-object space
 * that only a full collection frees, and draining 100k deliveries peaked near 800 MB. Here each
 * recipient is made, serialized and written into 64 KB buffers one at a time, and node:http sends
 * those buffers as they are (fetch would copy them first); the drain's peak is under 400 MB.
 */
export const makeSendGridSender = (settings: SendGridSettings) => {
  const post = makePoster(
    new URL(`${(settings.baseUrl ?? "https://api.sendgrid.com").replace(/\/+$/, "")}/v3/mail/send`),
    settings.timeoutMillis ?? 30_000,
  )
  const headers = {
    authorization: `Bearer ${Redacted.value(settings.apiKey)}`,
    "content-type": "application/json",
    accept: "application/json",
  }
  // Per content: the shared parts and the opening of the personalization list (JSON without its
  // closing brace), and the placeholders its recipients' substitutions need to fill.
  const shared = new WeakMap<MailContent, { readonly head: string; readonly used: ReadonlySet<string> }>()
  const sharedOf = (content: MailContent) => {
    let parts = shared.get(content)
    if (parts === undefined) {
      parts = {
        head: `${JSON.stringify(sharedPartsOf(settings.from, content)).slice(0, -1)},"personalizations":[`,
        used: placeholdersOf(content),
      }
      shared.set(content, parts)
    }
    return parts
  }

  return MailSender.of({
    kind: "sendgrid",
    send: (outgoing: OutgoingMail) =>
      Effect.tryPromise({
        try: () => post(headers, bodyOf(sharedOf(outgoing.content), outgoing.recipients)),
        // No answer at all: refused, reset, or none in time.
        catch: (cause) =>
          failureOf({ message: cause instanceof Error ? describeRequestError(cause) : String(cause) }),
      }).pipe(
        Effect.flatMap((answer) => {
          if (answer.status < 200 || answer.status >= 300) return Effect.fail(failureOf(answerOf(answer)))
          const messageId = answer.headers["x-message-id"]
          return Effect.succeed({
            providerMessageId: (Array.isArray(messageId) ? messageId[0] : messageId) ?? "",
          })
        }),
      ),
  })
}

export const layerSendGrid = (settings: SendGridSettings) =>
  Layer.succeed(MailSender, makeSendGridSender(settings))
