import type { Audience } from "../audience/model.js"
import { targetedRegions } from "../audience/resolve.js"
import { catalogue } from "../messages/catalogue.js"
import type { PersonId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Language, Network, ThemeGroup } from "../organisation/model.js"

/**
 * Who may publish, the same for an API token and a person in Slack:
 * - `Admin`: the network office (admin token, or an admin's Slack account);
 * - `GroupEditor`: a theme group's chair (group-editor token);
 * - `RegionEditor`: a region's process leader or presidium member (region-editor token).
 */
export type Publisher =
  | { readonly _tag: "Admin" }
  | { readonly _tag: "GroupEditor"; readonly themeGroupId: ThemeGroupId }
  | { readonly _tag: "RegionEditor"; readonly regionId: RegionId }

/** Why a publication is refused. */
export type PublishRefusal =
  /** Reads only: no publishing role. */
  | { readonly _tag: "MayNotPublish" }
  /** A group editor publishes its own group's updates only. */
  | {
      readonly _tag: "NotYourThemeGroup"
      readonly yours: ReadonlyArray<ThemeGroupId>
      readonly themeGroupId?: ThemeGroupId
    }
  /** A region editor's audience reaches people outside its region. */
  | {
      readonly _tag: "AudienceOutsideRegion"
      readonly yours: ReadonlyArray<RegionId>
      readonly outside: ReadonlyArray<RegionId>
    }

export type PublishDecision =
  | { readonly _tag: "Allowed"; readonly as: Publisher }
  | { readonly _tag: "Refused"; readonly reason: PublishRefusal }

/** What is about to be published: its group, if any, and whom it is for. */
export interface Publication {
  readonly themeGroupId?: ThemeGroupId
  readonly audience: Audience
}

/** The publishing roles a person holds in the network (admins are named by configuration). */
export const publishersOf = (
  network: Network,
  personId: PersonId,
  isAdmin: boolean,
): ReadonlyArray<Publisher> => {
  const roles = indexNetwork(network).rolesByPerson.get(personId) ?? []
  const publishers: Array<Publisher> = isAdmin ? [{ _tag: "Admin" }] : []
  for (const role of roles) {
    if (role.role === "chair" && role.themeGroupId !== undefined) {
      publishers.push({ _tag: "GroupEditor", themeGroupId: role.themeGroupId })
    }
    if (role.role === "processLeader" || role.role === "presidiumMember") {
      publishers.push({ _tag: "RegionEditor", regionId: role.regionId })
    }
  }
  return publishers
}

/**
 * Whether `publishers` (everything one caller holds) may publish `publication`:
 * - an admin publishes anything;
 * - a group editor publishes its group's updates, to any audience;
 * - a region editor publishes with or without a group, but only to recipients in its own
 *   region. The audience is restricted through its regions: every region it targets (its
 *   `regions` plus the regions of its `healthcareRegions`; all regions when it names neither)
 *   must be the editor's own, since recipients are only drawn from the targeted regions (a
 *   follower elsewhere is not reached, and bridges are chosen only in targeted regions). An
 *   audience naming no region, or another region, is refused, with the regions outside.
 * When one of several roles allows it, that one is named; otherwise the refusal of the most
 * specific role (region editor, then group editor) is given.
 */
export const mayPublish = (
  network: Network,
  publishers: ReadonlyArray<Publisher>,
  publication: Publication,
): PublishDecision => {
  const index = indexNetwork(network)
  const groupEditors = publishers.flatMap((p) => (p._tag === "GroupEditor" ? [p] : []))
  const regionEditors = publishers.flatMap((p) => (p._tag === "RegionEditor" ? [p] : []))
  const admin = publishers.find((p) => p._tag === "Admin")
  if (admin !== undefined) return { _tag: "Allowed", as: admin }
  const groupEditor = groupEditors.find((p) => p.themeGroupId === publication.themeGroupId)
  if (groupEditor !== undefined) return { _tag: "Allowed", as: groupEditor }
  const targeted = targetedRegions(index, publication.audience).map((region) => region.id)
  for (const editor of regionEditors) {
    if (targeted.length > 0 && targeted.every((regionId) => regionId === editor.regionId)) {
      return { _tag: "Allowed", as: editor }
    }
  }
  if (regionEditors.length > 0) {
    const yours = regionEditors.map((p) => p.regionId)
    return {
      _tag: "Refused",
      reason: { _tag: "AudienceOutsideRegion", yours, outside: targeted.filter((id) => !yours.includes(id)) },
    }
  }
  if (groupEditors.length > 0) {
    return {
      _tag: "Refused",
      reason: {
        _tag: "NotYourThemeGroup",
        yours: groupEditors.map((p) => p.themeGroupId),
        ...(publication.themeGroupId === undefined ? {} : { themeGroupId: publication.themeGroupId }),
      },
    }
  }
  return { _tag: "Refused", reason: { _tag: "MayNotPublish" } }
}

/** A group someone may publish in, and the region its audience must stay in, if any. */
export interface PublishingChoice {
  readonly themeGroup: ThemeGroup
  readonly as: Publisher
  /** Set for a region editor: the audience must target this region only. */
  readonly onlyRegion?: RegionId
}

/**
 * The active groups `publishers` may publish in, each with the widest role that allows it (so
 * a chair who is also a process leader publishes the group's updates to its whole audience).
 */
export const publishingChoices = (
  network: Network,
  publishers: ReadonlyArray<Publisher>,
): ReadonlyArray<PublishingChoice> => {
  const admin = publishers.find((p) => p._tag === "Admin")
  const regionEditor = publishers.find((p) => p._tag === "RegionEditor")
  return network.themeGroups
    .filter((group) => group.status === "active")
    .flatMap((themeGroup): ReadonlyArray<PublishingChoice> => {
      if (admin !== undefined) return [{ themeGroup, as: admin }]
      const groupEditor = publishers.find((p) => p._tag === "GroupEditor" && p.themeGroupId === themeGroup.id)
      if (groupEditor !== undefined) return [{ themeGroup, as: groupEditor }]
      if (regionEditor?._tag === "RegionEditor") {
        return [{ themeGroup, as: regionEditor, onlyRegion: regionEditor.regionId }]
      }
      return []
    })
}

/** The refusal in words, naming groups and regions (at most three regions, then how many more). */
export const publishRefusalText = (network: Network, language: Language, reason: PublishRefusal): string => {
  const text = catalogue(language)
  const index = indexNetwork(network)
  const regions = (ids: ReadonlyArray<RegionId>) => {
    const names = ids.map((id) => index.regionById.get(id)?.name ?? id)
    return names.length <= 3
      ? text.list(names)
      : text.list([
          ...names.slice(0, 3),
          language === "sv" ? `${names.length - 3} till` : `${names.length - 3} more`,
        ])
  }
  const groups = (ids: ReadonlyArray<ThemeGroupId>) =>
    text.list(ids.map((id) => index.themeGroupById.get(id)?.name ?? id))
  switch (reason._tag) {
    case "MayNotPublish":
      return text.publishRefused.mayNotPublish
    case "NotYourThemeGroup":
      return text.publishRefused.notYourThemeGroup(
        groups(reason.yours),
        reason.themeGroupId === undefined ? undefined : groups([reason.themeGroupId]),
      )
    case "AudienceOutsideRegion":
      return reason.outside.length === 0
        ? text.publishRefused.audienceNamesNoRegion(regions(reason.yours))
        : text.publishRefused.audienceOutsideRegion(regions(reason.yours), regions(reason.outside))
  }
}

/**
 * The region an audience is narrowed to when the publisher names none: a region editor's own
 * region unless a wider role (admin, or the group's editor) allows the whole audience.
 */
export const restrictedRegion = (
  publishers: ReadonlyArray<Publisher>,
  themeGroupId: ThemeGroupId | undefined,
): RegionId | undefined => {
  const wider = publishers.some(
    (p) => p._tag === "Admin" || (p._tag === "GroupEditor" && p.themeGroupId === themeGroupId),
  )
  if (wider) return undefined
  const editor = publishers.find((p) => p._tag === "RegionEditor")
  return editor?._tag === "RegionEditor" ? editor.regionId : undefined
}
