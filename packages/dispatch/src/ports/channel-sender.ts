import type { Channel, Language, Network, NetworkIndex, Person, StoreError } from "@spridning/core"
import type { OutboxDelivery, SentMark, StoredUpdate } from "@spridning/db"
import { Context, type Effect, Schema } from "effect"

/** One recipient of a request: the delivery and the person as the fresh network has them. */
export interface Recipient {
  readonly delivery: OutboxDelivery
  readonly person: Person
}

/** One update in one language to up to `maxRecipientsPerRequest` people: one provider request. */
export interface UpdateRequest {
  readonly _tag: "Update"
  readonly update: StoredUpdate
  readonly language: Language
  readonly recipients: ReadonlyArray<Recipient>
  readonly network: NetworkIndex
}

/** A person's digest of one period: every delivery held for it, in one message. */
export interface DigestRequest {
  readonly _tag: "Digest"
  readonly person: Person
  readonly cadence: "daily" | "weekly"
  readonly periodKey: string
  readonly items: ReadonlyArray<{ readonly delivery: OutboxDelivery; readonly update: StoredUpdate }>
  readonly network: NetworkIndex
}

export type SendRequest = UpdateRequest | DigestRequest

/** What the provider accepted: its id for each delivery (SendGrid's X-Message-Id, Slack's channel:ts). */
export interface SentRequest {
  readonly sent: ReadonlyArray<SentMark>
}

/**
 * A request the provider did not take. `rateLimited` (429) and `unavailable` (5xx, network,
 * timeout) are retried; `rejected` (any other refusal) is not. `answeredAt` is when the failure
 * answered: Retry-After and backoff count from it.
 */
export class SendFailed extends Schema.TaggedError<SendFailed>()("SendFailed", {
  kind: Schema.Literals(["rateLimited", "unavailable", "rejected"]),
  /** The provider's HTTP status, when it answered. */
  status: Schema.optionalKey(Schema.Number),
  retryAfterMillis: Schema.optionalKey(Schema.Number),
  answeredAt: Schema.Date,
  detail: Schema.String,
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * A channel's way out: email (SendGrid or the mail sink), Slack (the Web API), and any later
 * channel. Senders render and send; they never decide who gets what (core did, before).
 */
export interface ChannelSender {
  readonly channel: Channel
  /** Recipients one request may carry (SendGrid: 1,000; a Slack DM: 1). */
  readonly maxRecipientsPerRequest: number
  /**
   * Two recipients with the same key never share a request (SendGrid takes an address once per
   * request; two people may share a mailbox).
   */
  readonly requestKey?: (person: Person) => string
  readonly send: (request: SendRequest) => Effect.Effect<SentRequest, SendFailed>
  /**
   * For deliveries that were `uncertain` and whose window passed: the ones the provider shows it
   * already has (a Slack message carrying the delivery id). Channels whose evidence arrives by
   * webhook (SendGrid) settle there and need no look-up.
   */
  readonly findEvidence?: (
    recipients: ReadonlyArray<Recipient>,
  ) => Effect.Effect<ReadonlyArray<SentMark>, SendFailed>
  /**
   * Work of the channel's own after each pass (Slack: announce new updates in group channels),
   * with the network as fresh as the pass's (loaded only if asked for).
   */
  readonly afterPass?: (network: Effect.Effect<Network, StoreError>) => Effect.Effect<void>
}

/** The senders this process has; the dispatcher claims only their channels' deliveries. */
export class ChannelSenders extends Context.Service<ChannelSenders, ReadonlyArray<ChannelSender>>()(
  "spridning/dispatch/ChannelSenders",
) {}
