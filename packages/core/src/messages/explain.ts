import type { AudienceContributions, InclusionReason, WherePlace, WhoSelector } from "../audience/model.js"
import type { Bridge, UpdateKind } from "../dissemination/model.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Language, Network, ThemeGroup } from "../organisation/model.js"
import { type Catalogue, catalogue } from "./catalogue.js"

const regionName = (index: NetworkIndex, id: string): string => index.regionById.get(id as never)?.name ?? id
const groupName = (index: NetworkIndex, id: string): string =>
  index.themeGroupById.get(id as never)?.name ?? id

/** One reason as a clause: "du är processledare i Region Skåne". */
export const explainReason = (
  network: Network,
  reason: InclusionReason,
  language: Language = "sv",
): string => {
  const index = indexNetwork(network)
  const text = catalogue(language)
  switch (reason._tag) {
    case "HoldsRole": {
      const place = regionName(index, reason.regionId)
      const role = text.role[reason.role].one
      if (reason.themeGroupId !== undefined) {
        const group = groupName(index, reason.themeGroupId)
        switch (reason.role) {
          case "participant":
            return text.because.participates(group, place)
          case "chair":
            return text.because.chairs(group)
          case "contactPerson":
            return text.because.contactPersonFor(group, place)
          default:
            return text.because.holdsGroupRole(role, group, place)
        }
      }
      if (reason.regionalBodyId !== undefined) {
        const body = index.regionalBodyById.get(reason.regionalBodyId)
        return text.because.holdsBodyRole(body?.name ?? reason.regionalBodyId, place)
      }
      return text.because.holdsRole(role, place)
    }
    case "FollowsThemeGroup":
      return text.because.followsGroup(groupName(index, reason.themeGroupId))
    case "MatchesTag":
      return text.because.matchesTag(text.audienceTag[reason.tag])
    case "HasFunction":
      return text.because.hasFunction(text.function[reason.function].one)
    case "InTargetedRegion":
      return text.because.inTargetedRegion(regionName(index, reason.regionId), reason.scope)
  }
}

/** The bridge reason as a clause: "Region Gotland saknar deltagare i temagruppen …". */
export const explainBridge = (
  network: Network,
  bridge: Bridge,
  themeGroup: ThemeGroup | undefined,
  language: Language = "sv",
): string => {
  const index = indexNetwork(network)
  return catalogue(language).because.bridge(bridge.via, themeGroup?.name, regionName(index, bridge.regionId))
}

/**
 * "Du får detta eftersom du är processledare i Region Skåne och du följer temagruppen
 * Tobaksprevention." Every mail and Slack message says why its reader got it.
 */
export const whyYouGetThis = (
  network: Network,
  reasons: ReadonlyArray<InclusionReason>,
  language: Language = "sv",
  bridge?: { readonly bridge: Bridge; readonly themeGroup: ThemeGroup | undefined },
): string => {
  const text = catalogue(language)
  // The role that made someone the bridge is already said by the bridge clause.
  const isBridgeRole = (reason: InclusionReason) =>
    bridge !== undefined &&
    reason._tag === "HoldsRole" &&
    reason.regionId === bridge.bridge.regionId &&
    reason.role === bridge.bridge.via
  const clauses = reasons
    .filter((reason) => !isBridgeRole(reason))
    .map((reason) => explainReason(network, reason, language))
  if (bridge !== undefined)
    clauses.unshift(explainBridge(network, bridge.bridge, bridge.themeGroup, language))
  const because = `${text.because.prefix} ${text.list([...new Set(clauses)])}.`
  return bridge === undefined ? because : `${because} ${text.because.bridgeAsk}`
}

const whoSelectorPeople = (index: NetworkIndex, text: Catalogue, selector: WhoSelector): string => {
  switch (selector._tag) {
    case "Tag":
      return text.audienceTagPeople[selector.tag]
    case "Role":
      return text.role[selector.role].many
    case "Function":
      return text.function[selector.function].many
    case "ThemeGroup":
      return text.passOn.inOrFollowing(groupName(index, selector.themeGroupId))
  }
}

const placeName = (index: NetworkIndex, text: Catalogue, place: WherePlace): string =>
  place._tag === "Region"
    ? regionName(index, place.regionId)
    : text.passOn.healthcareRegion(
        index.healthcareRegionById.get(place.healthcareRegionId)?.name ?? place.healthcareRegionId,
      )

/**
 * Whom to pass an update on to, in one language: "ledning och chefer i Region Skåne". Written
 * from what the resolution did (`resolveAudience(…).contributions`), never from the request:
 * each "who" selector that reached someone is named, one that reached nobody is not; the places
 * are the ones the audience was narrowed to. `undefined` when the audience names who-selectors
 * and none of them reached anyone, so nobody is told to pass it on to people it never went to.
 */
export const passOnTargets = (
  network: Network,
  contributions: AudienceContributions,
  language: Language = "sv",
): string | undefined => {
  const index = indexNetwork(network)
  const text = catalogue(language)
  const contributed = contributions.who.filter((entry) => entry.recipients > 0)
  if (contributions.who.length > 0 && contributed.length === 0) return undefined
  const whom = contributed.map((entry) => whoSelectorPeople(index, text, entry.selector))
  const places = contributions.where.map((entry) => placeName(index, text, entry.place))
  const who =
    whom.length > 0
      ? text.list([...new Set(whom)])
      : contributions.scope === "public"
        ? text.passOn.everyone
        : text.passOn.everyoneInNetwork
  const where = places.length > 0 ? text.passOn.inPlaces(text.list(places)) : text.passOn.everywhere
  return `${who} ${where}`
}

const passOnLineIn = (network: Network, contributions: AudienceContributions, language: Language): string => {
  const text = catalogue(language)
  const targets = passOnTargets(network, contributions, language) ?? text.passOn.nobody
  return `${text.passOn.prefix}: ${targets} (${text.audienceScope[contributions.scope]}).`
}

/**
 * "Sprid vidare till: …": whom the update should be passed on to, in Swedish and English.
 * "Skriv gärna ut vem det ska spridas till." Rendered from the resolved audience's
 * `contributions` (see {@link passOnTargets}), so it says what the resolution did.
 */
export const passOnLine = (
  network: Network,
  contributions: AudienceContributions,
): { readonly sv: string; readonly en: string } => ({
  sv: passOnLineIn(network, contributions, "sv"),
  en: passOnLineIn(network, contributions, "en"),
})

/**
 * What the reader is asked to do, naming whom to pass it on to: "Läs anteckningarna och sprid
 * vidare till ledning och chefer i Region Skåne." "gå från information till handling". When the
 * audience reached nobody by its selectors, the ask without a "whom".
 */
export const actionPrompt = (
  network: Network,
  kind: UpdateKind,
  contributions: AudienceContributions,
  language: Language = "sv",
): string => {
  const text = catalogue(language)
  const whom = passOnTargets(network, contributions, language)
  return whom === undefined ? text.callToAction[kind] : text.actionPrompt[kind](whom)
}
