import type { Audience, InclusionReason } from "../audience/model.js"
import type { Bridge, UpdateKind } from "../dissemination/model.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Language, Network, ThemeGroup } from "../organisation/model.js"
import { catalogue } from "./catalogue.js"

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
    case "SubmittedProposal":
      return text.because.submittedProposal(regionName(index, reason.regionId))
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

/**
 * "Sprid vidare till: …": whom the update should be passed on to, derived from its audience.
 * "Skriv gärna ut vem det ska spridas till."
 */
export const passOnLine = (
  network: Network,
  audience: Audience,
): { readonly sv: string; readonly en: string } => ({
  sv: passOnLineIn(network, audience, "sv"),
  en: passOnLineIn(network, audience, "en"),
})

/**
 * Whom to pass an update on to, in one language: "ledning och chefer i Region Skåne". Tags,
 * roles, functions and theme groups say who; regions and healthcare regions say where.
 */
export const passOnTargets = (network: Network, audience: Audience, language: Language = "sv"): string => {
  const index = indexNetwork(network)
  const text = catalogue(language)
  const groups = (audience.themeGroups ?? []).map((id) => groupName(index, id))
  const whom = [
    ...(audience.tags ?? []).map((tag) => text.audienceTagPeople[tag]),
    ...(audience.roles ?? []).map((role) => text.role[role].many),
    ...(audience.functions ?? []).map((fn) => text.function[fn].many),
    ...groups.map((group) => text.passOn.inOrFollowing(group)),
  ]
  const places = [
    ...(audience.regions ?? []).map((id) => regionName(index, id)),
    ...(audience.healthcareRegions ?? []).map((id) =>
      text.passOn.healthcareRegion(index.healthcareRegionById.get(id)?.name ?? id),
    ),
  ]
  const who =
    whom.length > 0
      ? text.list([...new Set(whom)])
      : audience.scope === "public"
        ? text.passOn.everyone
        : text.passOn.everyoneInNetwork
  const where = places.length > 0 ? text.passOn.inPlaces(text.list(places)) : text.passOn.everywhere
  return `${who} ${where}`
}

const passOnLineIn = (network: Network, audience: Audience, language: Language): string => {
  const text = catalogue(language)
  return `${text.passOn.prefix}: ${passOnTargets(network, audience, language)} (${text.audienceScope[audience.scope]}).`
}

/**
 * What the reader is asked to do, naming whom to pass it on to: "Läs anteckningarna och sprid
 * vidare till ledning och chefer i Region Skåne." "gå från information till handling".
 */
export const actionPrompt = (
  network: Network,
  update: { readonly kind: UpdateKind; readonly audience: Audience },
  language: Language = "sv",
): string => catalogue(language).actionPrompt[update.kind](passOnTargets(network, update.audience, language))
