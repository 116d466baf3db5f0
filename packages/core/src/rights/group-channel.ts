import { catalogue } from "../messages/catalogue.js"
import type { ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Language, Network, Person } from "../organisation/model.js"
import type { Publisher } from "./publishing.js"

/**
 * Who may decide where a theme group's announcements are posted: the network office or the
 * group's own editor (its chair), the same as the API's group scope. A region editor speaks
 * for one region, and a group channel speaks to the whole group.
 */
export type ChannelLinkDecision =
  | { readonly _tag: "Allowed"; readonly as: Publisher }
  | { readonly _tag: "Refused"; readonly yours: ReadonlyArray<ThemeGroupId> }

export const mayLinkGroupChannel = (
  publishers: ReadonlyArray<Publisher>,
  themeGroupId: ThemeGroupId,
): ChannelLinkDecision => {
  const allowed = publishers.find(
    (p) => p._tag === "Admin" || (p._tag === "GroupEditor" && p.themeGroupId === themeGroupId),
  )
  if (allowed !== undefined) return { _tag: "Allowed", as: allowed }
  return {
    _tag: "Refused",
    yours: publishers.flatMap((p) => (p._tag === "GroupEditor" ? [p.themeGroupId] : [])),
  }
}

/** The refusal in words: whose right it is, and which groups' channels the person may set. */
export const channelLinkRefusalText = (
  network: Network,
  language: Language,
  themeGroupId: ThemeGroupId,
  yours: ReadonlyArray<ThemeGroupId>,
): string => {
  const index = indexNetwork(network)
  const name = (id: ThemeGroupId) => index.themeGroupById.get(id)?.name ?? id
  const text = catalogue(language)
  return text.channelLinkRefused(
    name(themeGroupId),
    yours.length === 0 ? undefined : text.list(yours.map(name)),
  )
}

/**
 * Who is told when a group's channel stops working: the group's editors (its chairs), who may
 * choose a new one. The office learns it from the log.
 */
export const groupEditorsOf = (network: Network, themeGroupId: ThemeGroupId): ReadonlyArray<Person> => {
  const index = indexNetwork(network)
  const ids = new Set(
    (index.rolesByThemeGroup.get(themeGroupId) ?? []).flatMap((role) =>
      role.role === "chair" ? [role.personId] : [],
    ),
  )
  return [...ids].flatMap((id) => {
    const person = index.personById.get(id)
    return person === undefined ? [] : [person]
  })
}
