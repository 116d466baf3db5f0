import { createSign, generateKeyPairSync } from "node:crypto"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A local stand-in for SendGrid's v3 `POST /v3/mail/send`, for tests and benchmarks. It checks a
 * request the way SendGrid documents it (authorization, required fields, the 1,000
 * personalization and recipient limits, unique addresses, reserved headers, string-valued
 * `custom_args` and `substitutions`) and answers with SendGrid's status codes and error JSON.
 * Failures (429 with Retry-After, 400, 500) and slow answers are scripted per request. It also
 * plays SendGrid's Signed Event Webhook: events for the mail it accepted, signed with its own key.
 */

export interface SendGridAddress {
  readonly email: string
  readonly name?: string
}

export interface SendGridPersonalization {
  readonly to: ReadonlyArray<SendGridAddress>
  readonly cc?: ReadonlyArray<SendGridAddress>
  readonly bcc?: ReadonlyArray<SendGridAddress>
  readonly subject?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly substitutions?: Readonly<Record<string, string>>
  readonly custom_args?: Readonly<Record<string, string>>
}

export interface SendGridMailSend {
  readonly personalizations: ReadonlyArray<SendGridPersonalization>
  readonly from: SendGridAddress
  readonly reply_to?: SendGridAddress
  readonly subject?: string
  readonly content?: ReadonlyArray<{ readonly type: string; readonly value: string }>
  readonly template_id?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly custom_args?: Readonly<Record<string, string>>
  readonly attachments?: ReadonlyArray<{
    readonly content: string
    readonly filename: string
    readonly type?: string
    readonly disposition?: string
  }>
  readonly categories?: ReadonlyArray<string>
  readonly tracking_settings?: Record<string, unknown>
  readonly mail_settings?: Record<string, unknown>
}

export interface SendGridFieldError {
  readonly message: string
  readonly field: string | null
  readonly help: string | null
}

/** What the server answers to one request, when a test scripts it. */
export type ScriptedAnswer = (
  | { readonly status: 202 }
  | { readonly status: 429; readonly retryAfterSeconds?: number }
  | { readonly status: 400; readonly errors?: ReadonlyArray<SendGridFieldError> }
  | { readonly status: 500 | 502 | 503 }
) & {
  /** Answer only after this long (the request is recorded on arrival, as SendGrid would take it). */
  readonly delayMillis?: number
}

/** One event as SendGrid's event webhook posts it: custom_args come back as top-level fields. */
export type SendGridWebhookEvent = Readonly<Record<string, string | number>>

export interface RecordedRequest {
  readonly at: Date
  /** When the answer left (later than `at` when the answer was scripted with a delay). */
  readonly answeredAt: Date
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly rawBody: string
  /** Parsed JSON, when the body was JSON. */
  readonly body?: SendGridMailSend
  readonly messageId?: string
  readonly errors?: ReadonlyArray<SendGridFieldError>
}

/** One mail as its recipient would see it: SendGrid's substitutions applied to the content. */
export interface MaterialisedMail {
  readonly messageId: string
  readonly to: SendGridAddress
  readonly from: SendGridAddress
  readonly subject: string
  readonly text: string
  readonly html: string
  readonly headers: Readonly<Record<string, string>>
  readonly customArgs: Readonly<Record<string, string>>
  readonly attachments: NonNullable<SendGridMailSend["attachments"]>
}

export interface LocalSendGrid {
  readonly url: string
  readonly apiKey: string
  /** Every request, accepted or not, in arrival order. */
  readonly requests: ReadonlyArray<RecordedRequest>
  /** Accepted (202) requests only. */
  readonly accepted: () => ReadonlyArray<RecordedRequest>
  /** Every mail accepted so far, one per recipient, with substitutions applied. */
  readonly mails: () => ReadonlyArray<MaterialisedMail>
  /** Answers for the next requests, in order; afterwards the server accepts again. */
  readonly script: (...answers: ReadonlyArray<ScriptedAnswer>) => void
  /** Answers every request with `answer` until `script` or `reset` is called. */
  readonly answerAlways: (answer: ScriptedAnswer | undefined) => void
  /** How many recipients were accepted; cheap, for benchmarks that do not keep bodies. */
  readonly acceptedRecipients: () => number
  /** Events of `kind` for every mail accepted so far (or those `only` keeps), as the webhook posts them. */
  readonly events: (
    kind: "processed" | "delivered" | "bounce" | "dropped",
    only?: (mail: MaterialisedMail) => boolean,
  ) => ReadonlyArray<SendGridWebhookEvent>
  /** The Signed Event Webhook's verification key, base64 SPKI DER as SendGrid's settings show it. */
  readonly webhookPublicKey: string
  /** Signs a webhook body as SendGrid does: ECDSA P-256 over `timestamp + rawBody`. */
  readonly signWebhook: (rawBody: string, timestampSeconds: number) => Readonly<Record<string, string>>
  readonly reset: () => void
  readonly close: () => Promise<void>
}

export interface LocalSendGridOptions {
  readonly apiKey?: string
  readonly port?: number
  /** Keep request bodies (default true). Benchmarks turn it off to keep memory flat. */
  readonly keepBodies?: boolean
}

const help = "https://www.twilio.com/docs/sendgrid/api-reference/mail-send/errors"
const maxPersonalizations = 1000
const maxRecipients = 1000
const maxCustomArgsBytes = 10_000
const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** Headers SendGrid refuses in `headers` (it sets them itself). */
const reservedHeaders = new Set([
  "x-sg-id",
  "x-sg-eid",
  "received",
  "dkim-signature",
  "content-type",
  "content-transfer-encoding",
  "to",
  "from",
  "subject",
  "reply-to",
  "cc",
  "bcc",
])

const fieldError = (field: string | null, message: string): SendGridFieldError => ({ field, message, help })

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const checkAddress = (
  value: unknown,
  field: string,
  errors: Array<SendGridFieldError>,
): string | undefined => {
  if (!isRecord(value) || typeof value.email !== "string") {
    errors.push(fieldError(`${field}.email`, "The email parameter is required."))
    return undefined
  }
  if (!emailPattern.test(value.email)) {
    errors.push(fieldError(`${field}.email`, "Does not contain a valid address."))
    return undefined
  }
  if (value.name !== undefined && typeof value.name !== "string") {
    errors.push(fieldError(`${field}.name`, "The name parameter must be a string."))
  }
  return value.email.toLowerCase()
}

const checkStringMap = (
  value: unknown,
  field: string,
  what: string,
  errors: Array<SendGridFieldError>,
  options: { readonly headers?: boolean } = {},
): void => {
  if (value === undefined) return
  if (!isRecord(value)) {
    errors.push(fieldError(field, `The ${what} parameter must be an object.`))
    return
  }
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== "string") {
      errors.push(fieldError(`${field}.${key}`, `Invalid type. Expected: string, given: ${typeof item}.`))
    }
    if (options.headers === true && reservedHeaders.has(key.toLowerCase())) {
      errors.push(
        fieldError(
          `${field}.${key}`,
          `The header "${key}" is reserved and cannot be set in headers. Use the corresponding field instead.`,
        ),
      )
    }
    if (options.headers === true && /[\r\n]/.test(String(item))) {
      errors.push(fieldError(`${field}.${key}`, "Header values must not contain line breaks."))
    }
  }
  if (what === "custom_args" && Buffer.byteLength(JSON.stringify(value)) > maxCustomArgsBytes) {
    errors.push(fieldError(field, "The custom_args total size must not exceed 10,000 bytes."))
  }
}

/** Checks a v3 mail-send body as SendGrid does; returns SendGrid's field errors (none = valid). */
export const validateMailSend = (body: unknown): ReadonlyArray<SendGridFieldError> => {
  const errors: Array<SendGridFieldError> = []
  if (!isRecord(body)) return [fieldError(null, "Bad Request: the request body must be a JSON object.")]
  const personalizations = body.personalizations
  const hasTemplate = typeof body.template_id === "string"
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push(
      fieldError(
        "personalizations",
        "The personalizations field is required and must have at least one personalization.",
      ),
    )
  } else if (personalizations.length > maxPersonalizations) {
    errors.push(
      fieldError("personalizations", "The personalizations field must have at most 1000 personalizations."),
    )
  } else {
    const seen = new Map<string, string>()
    let recipients = 0
    personalizations.forEach((personalization: unknown, index) => {
      const at = `personalizations.${index}`
      if (!isRecord(personalization)) {
        errors.push(fieldError(at, "Each personalization must be an object."))
        return
      }
      if (!Array.isArray(personalization.to) || personalization.to.length === 0) {
        errors.push(
          fieldError(
            `${at}.to`,
            "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
          ),
        )
      }
      for (const list of ["to", "cc", "bcc"] as const) {
        const addresses = personalization[list]
        if (addresses === undefined) continue
        if (!Array.isArray(addresses)) {
          errors.push(fieldError(`${at}.${list}`, `The ${list} parameter must be an array.`))
          continue
        }
        addresses.forEach((address: unknown, position) => {
          recipients += 1
          const field = `${at}.${list}.${position}`
          const email = checkAddress(address, field, errors)
          if (email === undefined) return
          const first = seen.get(email)
          if (first !== undefined) {
            errors.push(
              fieldError(
                field,
                `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the ${first} field.`,
              ),
            )
          } else {
            seen.set(email, field)
          }
        })
      }
      if (!hasTemplate && typeof body.subject !== "string" && typeof personalization.subject !== "string") {
        errors.push(
          fieldError(
            "subject",
            "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
          ),
        )
      }
      checkStringMap(personalization.headers, `${at}.headers`, "headers", errors, { headers: true })
      checkStringMap(personalization.substitutions, `${at}.substitutions`, "substitutions", errors)
      checkStringMap(personalization.custom_args, `${at}.custom_args`, "custom_args", errors)
    })
    if (recipients > maxRecipients) {
      errors.push(
        fieldError(
          "personalizations",
          "The total number of recipients (to, cc and bcc) must be at most 1000 per request.",
        ),
      )
    }
  }
  if (body.from === undefined) {
    errors.push(
      fieldError(
        "from.email",
        "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
      ),
    )
  } else {
    checkAddress(body.from, "from", errors)
  }
  if (body.reply_to !== undefined) checkAddress(body.reply_to, "reply_to", errors)
  if (!hasTemplate) {
    const content = body.content
    if (!Array.isArray(content) || content.length === 0) {
      errors.push(
        fieldError(
          "content",
          "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
        ),
      )
    } else {
      content.forEach((block: unknown, index) => {
        if (!isRecord(block) || typeof block.type !== "string" || typeof block.value !== "string") {
          errors.push(
            fieldError(`content.${index}`, "Each content block needs a type and a value, both strings."),
          )
        } else if (block.value.length === 0) {
          errors.push(
            fieldError(
              `content.${index}.value`,
              "The content value must be a string at least one character in length.",
            ),
          )
        } else if (block.type === "text/plain" && index !== 0) {
          errors.push(
            fieldError(
              `content.${index}.type`,
              "If present, text/plain must be first, followed by text/html, followed by any other content.",
            ),
          )
        }
      })
    }
  }
  if (body.subject !== undefined && typeof body.subject !== "string") {
    errors.push(fieldError("subject", "The subject must be a string."))
  }
  checkStringMap(body.headers, "headers", "headers", errors, { headers: true })
  checkStringMap(body.custom_args, "custom_args", "custom_args", errors)
  if (body.attachments !== undefined) {
    if (!Array.isArray(body.attachments)) {
      errors.push(fieldError("attachments", "The attachments parameter must be an array."))
    } else {
      body.attachments.forEach((attachment: unknown, index) => {
        if (
          !isRecord(attachment) ||
          typeof attachment.content !== "string" ||
          attachment.content.length === 0
        ) {
          errors.push(fieldError(`attachments.${index}.content`, "The attachment content is required."))
        } else if (!/^[A-Za-z0-9+/]+={0,2}$/.test(attachment.content)) {
          errors.push(
            fieldError(`attachments.${index}.content`, "The attachment content must be base64 encoded."),
          )
        }
        if (
          !isRecord(attachment) ||
          typeof attachment.filename !== "string" ||
          attachment.filename.length === 0
        ) {
          errors.push(
            fieldError(`attachments.${index}.filename`, "The attachment filename parameter is required."),
          )
        }
      })
    }
  }
  return errors
}

const substitute = (text: string, substitutions: Readonly<Record<string, string>> | undefined): string => {
  if (substitutions === undefined) return text
  let result = text
  for (const [key, value] of Object.entries(substitutions)) result = result.split(key).join(value)
  return result
}

/** One mail per recipient of an accepted request, as SendGrid would deliver it. */
export const materialise = (body: SendGridMailSend, messageId: string): ReadonlyArray<MaterialisedMail> =>
  body.personalizations.flatMap((personalization) => {
    const contentOf = (type: string) =>
      substitute(
        body.content?.find((block) => block.type === type)?.value ?? "",
        personalization.substitutions,
      )
    return [...personalization.to, ...(personalization.cc ?? []), ...(personalization.bcc ?? [])].map(
      (to) => ({
        messageId,
        to,
        from: body.from,
        subject: substitute(personalization.subject ?? body.subject ?? "", personalization.substitutions),
        text: contentOf("text/plain"),
        html: contentOf("text/html"),
        headers: { ...body.headers, ...personalization.headers },
        customArgs: { ...body.custom_args, ...personalization.custom_args },
        attachments: body.attachments ?? [],
      }),
    )
  })

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })

const answerJson = (
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) => {
  response.writeHead(status, { "content-type": "application/json", ...headers })
  response.end(JSON.stringify(body))
}

/** Starts the local SendGrid on 127.0.0.1 (a free port unless one is given). */
export const startLocalSendGrid = async (options: LocalSendGridOptions = {}): Promise<LocalSendGrid> => {
  const apiKey = options.apiKey ?? "SG.local-test-key"
  const keepBodies = options.keepBodies ?? true
  const requests: Array<RecordedRequest> = []
  let scripted: Array<ScriptedAnswer> = []
  let always: ScriptedAnswer | undefined
  let sequence = 0
  let recipients = 0
  let materialised: Array<MaterialisedMail> = []
  let materialisedUpTo = 0

  const record = (entry: Omit<RecordedRequest, "answeredAt">) => {
    const answeredAt = new Date()
    requests.push(
      keepBodies
        ? { ...entry, answeredAt }
        : { at: entry.at, answeredAt, status: entry.status, headers: {}, rawBody: "" },
    )
  }
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
  let eventSequence = 0

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const rawBody = await readBody(request)
    const at = new Date()
    if (request.method !== "POST" || request.url?.split("?")[0] !== "/v3/mail/send") {
      answerJson(response, 404, { errors: [fieldError(null, "resource not found")] })
      return
    }
    if (request.headers.authorization !== `Bearer ${apiKey}`) {
      const errors = [fieldError(null, "The provided authorization grant is invalid, expired, or revoked")]
      record({ at, status: 401, headers: request.headers, rawBody, errors })
      answerJson(response, 401, { errors })
      return
    }
    let body: unknown
    try {
      body = JSON.parse(rawBody)
    } catch {
      const errors = [fieldError(null, "Bad Request")]
      record({ at, status: 400, headers: request.headers, rawBody, errors })
      answerJson(response, 400, { errors })
      return
    }
    const answer = scripted.shift() ?? always
    const mailSend = body as SendGridMailSend
    if (answer?.delayMillis !== undefined) {
      const delay = answer.delayMillis
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
    if (answer !== undefined && answer.status !== 202) {
      if (answer.status === 429) {
        const errors = [fieldError(null, "too many requests")]
        record({ at, status: 429, headers: request.headers, rawBody, body: mailSend, errors })
        answerJson(response, 429, { errors }, { "retry-after": String(answer.retryAfterSeconds ?? 1) })
      } else if (answer.status === 400) {
        const errors = answer.errors ?? [
          fieldError("from.email", "The from address does not match a verified Sender Identity."),
        ]
        record({ at, status: 400, headers: request.headers, rawBody, body: mailSend, errors })
        answerJson(response, 400, { errors })
      } else {
        const errors = [fieldError(null, "Internal server error")]
        record({ at, status: answer.status, headers: request.headers, rawBody, body: mailSend, errors })
        answerJson(response, answer.status, { errors })
      }
      return
    }
    const errors = validateMailSend(body)
    if (errors.length > 0) {
      record({ at, status: 400, headers: request.headers, rawBody, body: mailSend, errors })
      answerJson(response, 400, { errors })
      return
    }
    sequence += 1
    const messageId = `local-${sequence.toString(36)}-${at.getTime().toString(36)}`
    for (const personalization of mailSend.personalizations) {
      recipients +=
        personalization.to.length + (personalization.cc?.length ?? 0) + (personalization.bcc?.length ?? 0)
    }
    record({ at, status: 202, headers: request.headers, rawBody, body: mailSend, messageId })
    response.writeHead(202, { "x-message-id": messageId })
    response.end()
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      answerJson(response, 500, { errors: [fieldError(null, String(error))] })
    })
  })
  // SendGrid keeps idle connections open far longer than Node's 5 s default; a busy client
  // reusing a socket the server just closed would see ECONNRESET that SendGrid never causes.
  server.keepAliveTimeout = 120_000
  // Idle connections stay open longer than any client keeps them, so a reused socket is never
  // closed under a request (Node's default closes after 5 s).
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo

  const accepted = () => requests.filter((entry) => entry.status === 202)
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    accepted,
    mails: () => {
      const acceptedNow = accepted()
      for (const entry of acceptedNow.slice(materialisedUpTo)) {
        if (entry.body !== undefined && entry.messageId !== undefined) {
          materialised = materialised.concat(materialise(entry.body, entry.messageId))
        }
      }
      materialisedUpTo = acceptedNow.length
      return materialised
    },
    script: (...answers) => {
      scripted = [...answers]
    },
    answerAlways: (answer) => {
      always = answer
    },
    acceptedRecipients: () => recipients,
    events: (kind, only = () => true) => {
      const accepted = requests.filter((entry) => entry.status === 202)
      return accepted.flatMap((entry) =>
        entry.body === undefined || entry.messageId === undefined
          ? []
          : materialise(entry.body, entry.messageId)
              .map((mail, index) => ({ mail, index }))
              .filter(({ mail }) => only(mail))
              .map(({ mail, index }) => {
                eventSequence += 1
                return {
                  email: mail.to.email,
                  timestamp: Math.floor(entry.answeredAt.getTime() / 1000),
                  event: kind,
                  sg_event_id: `local-event-${eventSequence}`,
                  sg_message_id: `${mail.messageId}.local${index}`,
                  ...(kind === "bounce" ? { type: "bounce", reason: "550 5.1.1 no such user" } : {}),
                  ...mail.customArgs,
                }
              }),
      )
    },
    webhookPublicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    signWebhook: (rawBody, timestampSeconds) => {
      const signer = createSign("sha256")
      signer.update(`${timestampSeconds}${rawBody}`)
      return {
        "content-type": "application/json",
        "x-twilio-email-event-webhook-signature": signer.sign(privateKey, "base64"),
        "x-twilio-email-event-webhook-timestamp": String(timestampSeconds),
      }
    },
    reset: () => {
      requests.length = 0
      scripted = []
      always = undefined
      recipients = 0
      materialised = []
      materialisedUpTo = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error === undefined ? resolve() : reject(error)))
      }),
  }
}
