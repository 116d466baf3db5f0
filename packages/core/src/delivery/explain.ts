import { catalogue } from "../messages/catalogue.js"
import type { ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Channel, Language, Network } from "../organisation/model.js"
import type { GiveUpReason, SuppressReason } from "./model.js"

/**
 * The sentence the office (and the person) read for a delivery that was not sent on its own
 * channel; what the outbox keeps as the delivery's last error.
 */
export const notSentText = (
  network: Network,
  language: Language,
  reason: SuppressReason | GiveUpReason,
): string => {
  const text = catalogue(language)
  const group = (id: ThemeGroupId) => indexNetwork(network).themeGroupById.get(id)?.name ?? id
  switch (reason._tag) {
    case "OptedOutOfAll":
      return text.notSent.optedOutOfAll
    case "OptedOutOfThemeGroup":
      return text.notSent.optedOutOfThemeGroup(group(reason.themeGroupId))
    case "NoLongerFollows":
      return text.notSent.noLongerFollows(group(reason.themeGroupId))
    case "ChannelRemoved":
      return text.notSent.channelRemoved(text.channel[reason.channel])
    case "AddressSuppressed":
      return text.notSent.addressSuppressed
    case "ReachesYouElsewhere":
      return text.notSent.reachesYouElsewhere(text.channel[reason.channel])
    case "IsAuthor":
      return text.notSent.isAuthor
    case "PersonGone":
      return text.notSent.personGone
    case "UpdateGone":
      return text.notSent.updateGone
    case "NoChannelConfigured":
      return text.notSent.noChannelConfigured(text.channel[reason.channel])
  }
}

/** Said on a delivery replaced by one on another channel because its own is not configured. */
export const reroutedText = (language: Language, from: Channel, to: Channel): string => {
  const text = catalogue(language)
  return text.notSent.rerouted(text.channel[from], text.channel[to])
}
