import { Schema } from "effect"
import { InclusionReason } from "../audience/model.js"
import { Bridge, PlannedDelivery } from "../dissemination/model.js"
import { DeliveryId, PersonId, RegionId, ThemeGroupId, UpdateId } from "../organisation/ids.js"
import { Channel } from "../organisation/model.js"

/**
 * Every state a stored delivery can be in. The office sees each of them, so none may hide
 * inside another (a digest wait is `held`, not `pending` with a note).
 */
export const DeliveryState = Schema.Literals([
  /** Due at `nextAttemptAt`: new, or a retry that has come due. */
  "pending",
  /** Waiting for its digest period to close; not a failure, no attempt used. */
  "held",
  /** Claimed under a lease by a dispatcher. */
  "sending",
  /** The lease ran out while a request may have reached the provider; not re-sent blindly. */
  "uncertain",
  "sent",
  /** A retry is scheduled. */
  "failed",
  "dead",
  "suppressed",
  /** Not sent on its own channel: a new delivery on another channel replaced it. */
  "rerouted",
])
export type DeliveryState = typeof DeliveryState.Type

/** A delivery as planned plus its id and state (what the funnel and the API list). */
export const Delivery = Schema.Struct({
  ...PlannedDelivery.fields,
  id: DeliveryId,
  state: DeliveryState,
})
export type Delivery = typeof Delivery.Type

const Attempts = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))

/** A delivery as the outbox stores it, with its sending history; what decisions are made on. */
export const StoredDelivery = Schema.Struct({
  id: DeliveryId,
  updateId: UpdateId,
  personId: PersonId,
  regionId: RegionId,
  channel: Channel,
  reasons: Schema.Array(InclusionReason),
  bridge: Schema.optionalKey(Bridge),
  state: DeliveryState,
  attempts: Attempts,
  nextAttemptAt: Schema.Date,
  lastError: Schema.optionalKey(Schema.String),
  sentAt: Schema.optionalKey(Schema.Date),
  createdAt: Schema.Date,
  /** Set on a replacement: the delivery on another channel that this one stands in for. */
  reroutedFrom: Schema.optionalKey(DeliveryId),
  providerMessageId: Schema.optionalKey(Schema.String),
})
export type StoredDelivery = typeof StoredDelivery.Type

/** How often a digest goes out; a follow's `daily` or `weekly`. */
export const DigestCadence = Schema.Literals(["daily", "weekly"])
export type DigestCadence = typeof DigestCadence.Type

/**
 * Why a delivery is not sent, as a tagged value; the words people read come from the message
 * catalogue (`catalogue(language).suppressed`).
 */
export const SuppressReason = Schema.Union([
  /** "Jag vill inte ha något": nothing, from any group, on any channel. */
  Schema.TaggedStruct("OptedOutOfAll", {}),
  Schema.TaggedStruct("OptedOutOfThemeGroup", { themeGroupId: ThemeGroupId }),
  /** Following the group was the only reason, and the person no longer follows it. */
  Schema.TaggedStruct("NoLongerFollows", { themeGroupId: ThemeGroupId }),
  /** The person removed this channel from their preferences after the update was planned. */
  Schema.TaggedStruct("ChannelRemoved", { channel: Channel }),
  /** The address is on the suppression list (bounced, marked as spam, unsubscribed at the provider). */
  Schema.TaggedStruct("AddressSuppressed", {}),
  /** The delivery's channel is not configured, and the person gets the update on `channel` anyway. */
  Schema.TaggedStruct("ReachesYouElsewhere", { channel: Channel }),
  /** The person published the update themselves. */
  Schema.TaggedStruct("IsAuthor", {}),
])
export type SuppressReason = typeof SuppressReason.Type

/** Why a delivery can never be sent; it ends `dead`. */
export const GiveUpReason = Schema.Union([
  Schema.TaggedStruct("PersonGone", { personId: PersonId }),
  Schema.TaggedStruct("UpdateGone", { updateId: UpdateId }),
  /** Neither the delivery's channel nor any channel to reroute to is configured. */
  Schema.TaggedStruct("NoChannelConfigured", { channel: Channel }),
])
export type GiveUpReason = typeof GiveUpReason.Type

/** What to do with a due delivery, decided by `decideDelivery`. */
export type DeliveryDecision =
  /** Now, on its own channel, on its own. */
  | { readonly _tag: "Send" }
  /** Its digest period has closed: send it in the person's digest of `periodKey`. */
  | { readonly _tag: "SendInDigest"; readonly cadence: DigestCadence; readonly periodKey: string }
  /** Its digest period is still open: `held` until the period closes. */
  | {
      readonly _tag: "Hold"
      readonly until: Date
      readonly cadence: DigestCadence
      readonly periodKey: string
    }
  | { readonly _tag: "Suppress"; readonly reason: SuppressReason }
  /** Not sent on its channel: a new delivery on `to` replaces it (that one has `reroutedFrom`). */
  | { readonly _tag: "Reroute"; readonly to: Channel; readonly reason: "channelNotConfigured" }
  | { readonly _tag: "GiveUp"; readonly reason: GiveUpReason }
