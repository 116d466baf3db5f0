import { createHmac, timingSafeEqual } from "node:crypto"
import { Redacted, Schema } from "effect"
import type { ReceiptKind } from "../funnel/model.js"

/**
 * Links in mail and Slack work without login, so each carries its own proof: the payload and an
 * HMAC-SHA256 over it with SPRIDNING_LINK_SECRET. Receipt links expire; unsubscribe and
 * preference links expire later (mail is read long after it is sent, and unsubscribing must keep
 * working). Signing is pure given the secret, so it lives here, where the email and Slack
 * channels (and the pages that verify) share one token format without importing each other.
 */
/**
 * One signed token per delivery serves its three receipt links; the kind is the last path
 * segment. A reader can only ever speak for their own delivery.
 */
export const ReceiptLink = Schema.Struct({
  purpose: Schema.Literal("receipt"),
  deliveryId: Schema.String,
  personId: Schema.String,
  /** Unix seconds. */
  expires: Schema.Number,
})
export type ReceiptLink = typeof ReceiptLink.Type

/** What one click takes away: a theme group's mail, a digest, or all mail from Spridning. */
export const UnsubscribeScope = Schema.Union([
  Schema.TaggedStruct("ThemeGroup", { themeGroupId: Schema.String }),
  Schema.TaggedStruct("Digest", { cadence: Schema.Literals(["daily", "weekly"]) }),
  Schema.TaggedStruct("AllEmail", {}),
])
export type UnsubscribeScope = typeof UnsubscribeScope.Type

export const UnsubscribeLink = Schema.Struct({
  purpose: Schema.Literal("unsubscribe"),
  personId: Schema.String,
  /** The delivery the link came with, for the record. */
  deliveryId: Schema.optionalKey(Schema.String),
  scope: UnsubscribeScope,
  expires: Schema.Number,
})
export type UnsubscribeLink = typeof UnsubscribeLink.Type

/** A reader's own preference page: who they are, nothing else. */
export const PreferencesLink = Schema.Struct({
  purpose: Schema.Literal("preferences"),
  personId: Schema.String,
  expires: Schema.Number,
})
export type PreferencesLink = typeof PreferencesLink.Type

const SignedLink = Schema.Union([ReceiptLink, UnsubscribeLink, PreferencesLink])
export type SignedLink = typeof SignedLink.Type
const decodeLink = Schema.decodeUnknownResult(Schema.fromJsonString(SignedLink))

export type LinkProblem = "malformed" | "badSignature" | "expired"

export class InvalidLink extends Schema.TaggedError<InvalidLink>()("InvalidLink", {
  problem: Schema.Literals(["malformed", "badSignature", "expired"]),
}) {}

export const receiptLinkDays = 60
export const unsubscribeLinkDays = 365
export const preferencesLinkDays = 365

export interface LinkSigner {
  /**
   * A delivery's receipt link without its kind: each of the three receipt links is it followed by
   * `/read`, `/passedOn` or `/acted`, so one signed token serves all three.
   */
  readonly receiptLink: (deliveryId: string, personId: string, now: Date) => string
  /** The three receipt links of a delivery, signed once. */
  readonly receiptUrls: (
    deliveryId: string,
    personId: string,
    now: Date,
  ) => { readonly read: string; readonly passedOn: string; readonly acted: string }
  readonly receiptUrl: (deliveryId: string, personId: string, kind: ReceiptKind, now: Date) => string
  readonly unsubscribeUrl: (
    personId: string,
    scope: UnsubscribeScope,
    now: Date,
    deliveryId?: string,
  ) => string
  /** The reader's own preference page (channels, language, cadence, groups, opt-outs). */
  readonly preferencesUrl: (personId: string, now: Date) => string
  /** Checks signature and expiry. */
  readonly verify: (token: string, now: Date) => SignedLink | InvalidLink
}

export const receiptPath = "/email/receipt"
export const unsubscribePath = "/email/unsubscribe"
/** Where a region sends its proposal to a round, without logging in. */
export const proposalPath = "/proposals"
/** A reader's own preference page. */
export const preferencesPath = "/preferences"

/** The same signed token under another path of the same site; empty when `url` is not under `from`. */
const samePathTokenUnder = (url: string, from: string, to: string): string => {
  const marker = `${from}/`
  const at = url.indexOf(marker)
  return at < 0 ? "" : `${url.slice(0, at)}${to}/${url.slice(at + marker.length)}`
}

/**
 * The preference page of a mail's reader, from the mail's unsubscribe link: that token already
 * names the reader and is signed for a year, and it may already take all their mail away, so it
 * may also open the page where they choose more finely. Every sender that signs unsubscribe
 * links thereby gives preference links too. Empty when there is no unsubscribe link.
 */
export const preferencesUrlFromUnsubscribeUrl = (unsubscribeUrl: string): string =>
  samePathTokenUnder(unsubscribeUrl, unsubscribePath, preferencesPath)

/**
 * The proposal link of a delivery of a proposal round. It carries the delivery's signed receipt
 * token: the delivery names the round, the region and the person, and the signature proves the
 * link came in their mail. Derived from the receipt link (the signer's `receiptLink`), so every
 * sender that signs receipt links gives proposal links too. Empty when there is no receipt link.
 */
export const proposalUrlFromReceiptLink = (receiptLink: string): string =>
  samePathTokenUnder(receiptLink, receiptPath, proposalPath)

export const makeLinkSigner = (secret: Redacted.Redacted<string>, publicUrl: string): LinkSigner => {
  const key = Redacted.value(secret)
  if (key.length < 16) {
    throw new Error(
      "SPRIDNING_LINK_SECRET must be at least 16 characters: it protects every link in every mail",
    )
  }
  const sign = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url")
  const token = (link: SignedLink) => {
    const payload = Buffer.from(JSON.stringify(link)).toString("base64url")
    return `${payload}.${sign(payload)}`
  }
  const base = publicUrl.replace(/\/+$/, "")
  const inDays = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400
  const receiptLink = (deliveryId: string, personId: string, now: Date) =>
    `${base}${receiptPath}/${token({ purpose: "receipt", deliveryId, personId, expires: inDays(now, receiptLinkDays) })}`
  const receiptUrls = (deliveryId: string, personId: string, now: Date) => {
    const prefix = receiptLink(deliveryId, personId, now)
    return { read: `${prefix}/read`, passedOn: `${prefix}/passedOn`, acted: `${prefix}/acted` }
  }
  return {
    receiptLink,
    receiptUrls,
    receiptUrl: (deliveryId, personId, kind, now) => receiptUrls(deliveryId, personId, now)[kind],
    unsubscribeUrl: (personId, scope, now, deliveryId) =>
      `${base}${unsubscribePath}/${token({
        purpose: "unsubscribe",
        personId,
        scope,
        ...(deliveryId === undefined ? {} : { deliveryId }),
        expires: inDays(now, unsubscribeLinkDays),
      })}`,
    preferencesUrl: (personId, now) =>
      `${base}${preferencesPath}/${token({ purpose: "preferences", personId, expires: inDays(now, preferencesLinkDays) })}`,
    verify: (candidate, now) => {
      const [payload, signature, ...rest] = candidate.split(".")
      if (payload === undefined || signature === undefined || rest.length > 0) {
        return new InvalidLink({ problem: "malformed" })
      }
      const expected = Buffer.from(sign(payload))
      const given = Buffer.from(signature)
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return new InvalidLink({ problem: "badSignature" })
      }
      const decoded = decodeLink(Buffer.from(payload, "base64url").toString("utf8"))
      if (decoded._tag === "Failure") return new InvalidLink({ problem: "malformed" })
      if (decoded.success.expires * 1000 < now.getTime()) return new InvalidLink({ problem: "expired" })
      return decoded.success
    },
  }
}
