import { Schema } from "effect"

/**
 * A mail as the worker hands it to a sender: one content shared by up to 1,000 recipients.
 * The content carries `{{key}}` placeholders that each recipient's `substitutions` fill in
 * (SendGrid's substitutions, with @sendgrid/mail's default `{{ }}` wrappers), so a whole
 * content group goes out in one request.
 */
export interface MailContent {
  readonly subject: string
  readonly text: string
  readonly html: string
  readonly attachments: ReadonlyArray<MailAttachment>
  /** SendGrid category, for statistics ("meetingNotes", "digest", …). */
  readonly category: string
}

export interface MailAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: string
}

export interface MailRecipient {
  readonly email: string
  readonly name: string
  /** Placeholder name (without braces) → text for this recipient. */
  readonly substitutions: Readonly<Record<string, string>>
  /** Per-recipient headers, e.g. List-Unsubscribe. */
  readonly headers: Readonly<Record<string, string>>
  /** Comes back on every webhook event; `delivery_id` ties an event to a delivery. */
  readonly customArgs: Readonly<Record<string, string>>
}

export interface OutgoingMail {
  readonly content: MailContent
  /**
   * Any iterable: a sender that writes one recipient at a time lets a lazily built list make
   * each recipient just before it is written, so a 1,000-recipient request never holds 1,000
   * recipients (a few kilobytes each) at once.
   */
  readonly recipients: Iterable<MailRecipient>
}

/** SendGrid's limit of personalizations (and recipients) per request. */
export const maxRecipientsPerRequest = 1000

/**
 * Splits recipients into requests SendGrid accepts: at most 1,000 each, and an address at
 * most once per request (two people may share a mailbox; the second waits for the next request).
 */
export const requestsFor = <T extends { readonly email: string } = MailRecipient>(
  recipients: ReadonlyArray<T>,
  limit: number = maxRecipientsPerRequest,
): ReadonlyArray<ReadonlyArray<T>> => {
  const requests: Array<{ recipients: Array<T>; addresses: Set<string> }> = []
  // Only the newest request can be full below the limit with a fresh address; older ones are
  // revisited only for repeated addresses, which are rare.
  for (const recipient of recipients) {
    const address = recipient.email.toLowerCase()
    let target = requests[requests.length - 1]
    if (target === undefined || target.recipients.length >= limit || target.addresses.has(address)) {
      target = requests.find(
        (request) => request.recipients.length < limit && !request.addresses.has(address),
      )
    }
    if (target === undefined) {
      target = { recipients: [], addresses: new Set() }
      requests.push(target)
    }
    target.recipients.push(recipient)
    target.addresses.add(address)
  }
  return requests.map((request) => request.recipients)
}

/** A `{{key}}` placeholder of a content; the key is the first group. */
export const placeholderPattern = /\{\{([A-Za-z0-9_]+)\}\}/g

/** Fills `{{key}}` placeholders the way SendGrid does, for senders that deliver themselves. */
export const fillPlaceholders = (template: string, substitutions: Readonly<Record<string, string>>): string =>
  template.replace(placeholderPattern, (whole, key: string) => substitutions[key] ?? whole)

/** SendGrid answered 429: try again, not before `retryAfterMillis` when it said so. */
export class MailRateLimited extends Schema.TaggedError<MailRateLimited>()("MailRateLimited", {
  retryAfterMillis: Schema.optionalKey(Schema.Number),
}) {}

/** The provider failed or could not be reached (5xx, network, disk): worth retrying. */
export class MailProviderUnavailable extends Schema.TaggedError<MailProviderUnavailable>()(
  "MailProviderUnavailable",
  { status: Schema.optionalKey(Schema.Number), reason: Schema.String },
) {}

/** The provider refused the mail (4xx other than 429): retrying would not help. */
export class MailRejected extends Schema.TaggedError<MailRejected>()("MailRejected", {
  status: Schema.Number,
  reason: Schema.String,
}) {}

export type MailSendFailure = MailRateLimited | MailProviderUnavailable | MailRejected
