import type { UpdateKind } from "../dissemination/model.js"
import type { PersonId, ThemeGroupId, UpdateId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Channel, Network } from "../organisation/model.js"
import { deliveryCadence } from "./cadence.js"
import type { DeliveryDecision, StoredDelivery } from "./model.js"
import { periodContaining } from "./periods.js"

/** The part of an update a delivery decision needs. */
export interface DecisionUpdate {
  readonly id: UpdateId
  readonly kind: UpdateKind
  readonly themeGroupId?: ThemeGroupId
  readonly publishedAt: Date
  /** The publisher, when it is a person (not a token or the office). */
  readonly createdBy?: PersonId
}

export interface DecisionInput {
  /** The current network, never older than the delivery (a person added before publish is in it). */
  readonly network: Network
  readonly delivery: StoredDelivery
  readonly update: DecisionUpdate
  readonly now: Date
  /** The channels the deployment has configured, not the senders this process happens to run. */
  readonly configuredChannels: ReadonlySet<Channel>
  /** The person's address is on the suppression list. */
  readonly suppressedAddress: boolean
  /**
   * The channels of the person's other deliveries of the same update, leaving out those that
   * were rerouted (their replacement is counted instead). Decides whether a delivery whose
   * channel is off is already covered ("reaches you by email") or must be rerouted.
   */
  readonly otherChannels: ReadonlySet<Channel>
}

/** Where a delivery whose channel is not configured goes instead: everyone has an address. */
const fallbackChannel: Channel = "email"

/**
 * What to do with one due delivery, on the current network at `now`. Every channel's
 * dispatcher asks this and no app decides again. In order:
 * 1. the person is gone: give up;
 * 2. the person published the update: suppress;
 * 3. an opt-out of everything or of the group, also one made after publishing, on any channel;
 * 4. following the group was the only reason, and the follow has ended;
 * 5. the person removed this channel after publishing, unless this is a bridge whose only way
 *    into its region it is ("a bridge always reaches someone"), or a replacement on the
 *    channel the reroute rule chose;
 * 6. an email address on the suppression list;
 * 7. a channel that is not configured: suppressed when another delivery of the update reaches
 *    the person on a configured channel, otherwise rerouted to email;
 * 8. digest cadence, on every channel ("a weekly follower gets a weekly digest", in mail and
 *    in Slack alike): held until the period closes, then sent in the person's one digest of
 *    that period on the delivery's channel;
 * 9. otherwise, send now.
 */
export const decideDelivery = (input: DecisionInput): DeliveryDecision => {
  const { delivery, update } = input
  const index = indexNetwork(input.network)
  const person = index.personById.get(delivery.personId)
  if (person === undefined)
    return { _tag: "GiveUp", reason: { _tag: "PersonGone", personId: delivery.personId } }
  if (update.createdBy !== undefined && update.createdBy === person.id) {
    return { _tag: "Suppress", reason: { _tag: "IsAuthor" } }
  }
  const preferences = person.preferences
  if (preferences.optedOutOfAll) return { _tag: "Suppress", reason: { _tag: "OptedOutOfAll" } }
  const themeGroupId = update.themeGroupId
  if (themeGroupId !== undefined && preferences.optedOutOfThemeGroups.includes(themeGroupId)) {
    return { _tag: "Suppress", reason: { _tag: "OptedOutOfThemeGroup", themeGroupId } }
  }
  const onlyFollows =
    delivery.reasons.length > 0 && delivery.reasons.every((reason) => reason._tag === "FollowsThemeGroup")
  if (themeGroupId !== undefined && onlyFollows && delivery.bridge === undefined) {
    const stillFollows = (index.followsByPerson.get(person.id) ?? []).some(
      (follow) => follow.themeGroupId === themeGroupId,
    )
    if (!stillFollows) return { _tag: "Suppress", reason: { _tag: "NoLongerFollows", themeGroupId } }
  }
  const chosen = preferences.channels.includes(delivery.channel)
  if (!chosen && delivery.reroutedFrom === undefined) {
    // "A bridge with no chosen channel gets email"; a bridge whose channel was switched off keeps
    // the one way in its region has, rather than leave the region unreached.
    const onlyWayIn = delivery.bridge !== undefined && input.otherChannels.size === 0
    if (!onlyWayIn) return { _tag: "Suppress", reason: { _tag: "ChannelRemoved", channel: delivery.channel } }
  }
  if (delivery.channel === "email" && input.suppressedAddress) {
    return { _tag: "Suppress", reason: { _tag: "AddressSuppressed" } }
  }
  if (!input.configuredChannels.has(delivery.channel)) {
    const elsewhere = [...input.otherChannels].find((channel) => input.configuredChannels.has(channel))
    if (elsewhere !== undefined)
      return { _tag: "Suppress", reason: { _tag: "ReachesYouElsewhere", channel: elsewhere } }
    if (delivery.channel !== fallbackChannel && input.configuredChannels.has(fallbackChannel)) {
      return { _tag: "Reroute", to: fallbackChannel, reason: "channelNotConfigured" }
    }
    return { _tag: "GiveUp", reason: { _tag: "NoChannelConfigured", channel: delivery.channel } }
  }
  const cadence = deliveryCadence(index, delivery, update)
  if (cadence !== "immediate") {
    const period = periodContaining(cadence, update.publishedAt)
    if (input.now.getTime() < period.end.getTime()) {
      return { _tag: "Hold", until: period.end, cadence, periodKey: period.key }
    }
    return { _tag: "SendInDigest", cadence, periodKey: period.key }
  }
  return { _tag: "Send" }
}
