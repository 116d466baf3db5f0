import { createPublicKey, createVerify, type KeyObject } from "node:crypto"
import { Outbox } from "@spridning/db"
import { Effect, Schema } from "effect"

export const signatureHeader = "x-twilio-email-event-webhook-signature"
export const timestampHeader = "x-twilio-email-event-webhook-timestamp"

/** How far a webhook timestamp may be from our clock before the batch counts as old (or forged). */
export const webhookToleranceSeconds = 300

export type WebhookRejection = "unsigned" | "badSignature" | "tooOld" | "fromTheFuture" | "replayed"

/**
 * SendGrid's Signed Event Webhook: ECDSA P-256 with SHA-256 over `timestamp + rawBody`, the
 * signature base64 DER, the key base64 SPKI DER as SendGrid's settings page shows it.
 */
export const webhookPublicKey = (base64Spki: string): KeyObject => {
  const trimmed = base64Spki.trim()
  const pem = trimmed.startsWith("-----BEGIN")
    ? trimmed
    : `-----BEGIN PUBLIC KEY-----\n${trimmed.match(/.{1,64}/g)?.join("\n") ?? ""}\n-----END PUBLIC KEY-----\n`
  return createPublicKey(pem)
}

/** Remembers signatures it accepted, for as long as their timestamp stays acceptable. */
export const makeReplayGuard = () => {
  const seen = new Map<string, number>()
  return {
    firstTime: (signature: string, timestampSeconds: number, nowSeconds: number): boolean => {
      for (const [key, at] of seen) if (at < nowSeconds - 2 * webhookToleranceSeconds) seen.delete(key)
      if (seen.has(signature)) return false
      seen.set(signature, timestampSeconds)
      return true
    },
  }
}
export type ReplayGuard = ReturnType<typeof makeReplayGuard>

export const verifyWebhook = (input: {
  readonly key: KeyObject
  readonly signature: string | undefined
  readonly timestamp: string | undefined
  readonly rawBody: string
  readonly now: Date
  readonly replayGuard: ReplayGuard
}): WebhookRejection | undefined => {
  if (input.signature === undefined || input.timestamp === undefined || input.signature === "")
    return "unsigned"
  const timestamp = Number(input.timestamp)
  if (!Number.isInteger(timestamp)) return "badSignature"
  const verifier = createVerify("sha256")
  verifier.update(input.timestamp + input.rawBody)
  let valid = false
  try {
    valid = verifier.verify(input.key, input.signature, "base64")
  } catch {
    valid = false
  }
  if (!valid) return "badSignature"
  const nowSeconds = Math.floor(input.now.getTime() / 1000)
  if (timestamp < nowSeconds - webhookToleranceSeconds) return "tooOld"
  if (timestamp > nowSeconds + webhookToleranceSeconds) return "fromTheFuture"
  if (!input.replayGuard.firstTime(input.signature, timestamp, nowSeconds)) return "replayed"
  return undefined
}

/** The fields of a SendGrid event we use; the rest is kept as the payload. */
export const SendGridEvent = Schema.Struct({
  email: Schema.optionalKey(Schema.String),
  timestamp: Schema.Number,
  event: Schema.String,
  sg_event_id: Schema.String,
  sg_message_id: Schema.optionalKey(Schema.String),
  /** Our custom_args come back as top-level fields. */
  delivery_id: Schema.optionalKey(Schema.String),
  /** A digest's deliveries, comma-separated: the digest settles all of them. */
  digest_deliveries: Schema.optionalKey(Schema.String),
  type: Schema.optionalKey(Schema.String),
  reason: Schema.optionalKey(Schema.String),
})
export type SendGridEvent = typeof SendGridEvent.Type

export const decodeEvents = Schema.decodeUnknownResult(Schema.fromJsonString(Schema.Array(SendGridEvent)))

/** Events that mean: never mail this address again. A "blocked" bounce is temporary and does not. */
export const suppressionFor = (event: SendGridEvent): "bounce" | "spamReport" | undefined => {
  if (event.event === "spamreport") return "spamReport"
  if (event.event === "bounce" && event.type !== "blocked") return "bounce"
  if (event.event === "dropped") return "bounce"
  return undefined
}

/** SendGrid's message id is the X-Message-Id plus a per-recipient suffix after the first dot. */
export const requestMessageId = (sgMessageId: string | undefined): string | undefined =>
  sgMessageId?.split(".")[0]

/** Events that prove SendGrid took the message: the request reached it, whatever came after. */
const evidenceEvents = new Set(["processed", "delivered", "deferred", "bounce", "dropped"])

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A delivery whose lease ran out while its request may have reached SendGrid is `uncertain`;
 * these events (`delivery_id` in custom_args comes back on each) settle it, and any still in
 * flight or failed, as sent, so it is never sent twice.
 */
export const settleFromEvents = (events: ReadonlyArray<SendGridEvent>) =>
  Effect.gen(function* () {
    const marks = events.flatMap((event) => {
      if (!evidenceEvents.has(event.event)) return []
      const ids = [
        ...(event.delivery_id === undefined ? [] : [event.delivery_id]),
        ...(event.digest_deliveries?.split(",") ?? []),
      ].filter((id) => uuidPattern.test(id))
      const providerMessageId = requestMessageId(event.sg_message_id)
      return ids.map((id) => ({ id, ...(providerMessageId === undefined ? {} : { providerMessageId }) }))
    })
    if (marks.length === 0) return []
    const outbox = yield* Outbox
    return yield* outbox.settleSent(marks)
  })
