import {
  catalogue,
  indexNetwork,
  type Language,
  type Network,
  type Person,
  type Region,
  reportingChain,
} from "@spridning/core"
import { Effect } from "effect"
import { findByName } from "../commands/find-by-name.js"
import { type CommandReply, context, escapeMrkdwn, header, reply, section } from "../views/blocks.js"
import { roleLabel } from "../views/labels.js"
import { textsFor } from "../views/texts.js"

const regionReply = (network: Network, region: Region, language: Language): CommandReply => {
  const texts = textsFor(language)
  const index = indexNetwork(network)
  const roles = index.rolesByRegion.get(region.id) ?? []
  const lines = roles
    .filter((role) => role.role !== "bodyMember")
    .map((role) => {
      const person = index.personById.get(role.personId)
      const group =
        role.themeGroupId === undefined ? "" : ` – ${index.themeGroupById.get(role.themeGroupId)?.name ?? ""}`
      return {
        order: role.role,
        line: `• ${escapeMrkdwn(person?.name ?? role.personId)}: ${roleLabel(language, role.role)}${escapeMrkdwn(group)}`,
      }
    })
  const order = ["management", "presidiumMember", "processLeader", "chair", "participant", "contactPerson"]
  lines.sort((a, b) => order.indexOf(a.order) - order.indexOf(b.order))
  const title = texts.whoRegionTitle(region.name)
  return reply(title, [header(title), section(lines.map((l) => l.line).join("\n") || texts.noRoles)])
}

const personReply = Effect.fn("whoPerson")(function* (network: Network, person: Person, language: Language) {
  const texts = textsFor(language)
  const index = indexNetwork(network)
  const roles = index.rolesByPerson.get(person.id) ?? []
  const regionName = (id: string) => index.regionById.get(id as never)?.name ?? id
  const roleLines = roles.map((role) => {
    const group =
      role.themeGroupId === undefined ? "" : ` – ${index.themeGroupById.get(role.themeGroupId)?.name ?? ""}`
    return `• ${roleLabel(language, role.role)}, ${escapeMrkdwn(regionName(role.regionId))}${escapeMrkdwn(group)}`
  })
  const chain = yield* reportingChain(network, person.id).pipe(
    Effect.map((links) =>
      links
        .filter((link) => link.personId !== person.id)
        .map(
          (link) =>
            `${escapeMrkdwn(index.personById.get(link.personId)?.name ?? link.personId)} (${roleLabel(language, link.role)})`,
        )
        .join(" → "),
    ),
    Effect.map((line) => (line === "" ? undefined : `${texts.reportingChain}: ${line}`)),
    Effect.catchTag("ReportingChainBroken", (broken) =>
      Effect.succeed(
        texts.reportingChainBroken(
          catalogue(language).chainBroken[broken.reason](roleLabel(language, broken.role)),
        ),
      ),
    ),
    Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
  )
  const title = texts.whoPersonTitle(`${person.name}, ${regionName(person.regionId)}`)
  return reply(title, [
    header(title),
    section(roleLines.join("\n") || texts.noRoles),
    ...(chain === undefined ? [] : [context(chain)]),
  ])
})

/** `/spridning vem [region|person]`: a region's roles, or a person's roles and reporting chain. */
export const whoCommand = Effect.fn("whoCommand")(function* (
  network: Network,
  me: Person,
  language: Language,
  typed: string | undefined,
) {
  const texts = textsFor(language)
  if (typed === undefined) return yield* personReply(network, me, language)
  const region = findByName(network.regions, typed, (r) => [r.id, r.name])
  if (region._tag === "Found") return regionReply(network, region.item, language)
  const person = findByName(network.people, typed, (p) => [p.id, p.name, p.email])
  if (person._tag === "Found") return yield* personReply(network, person.item, language)
  const candidates = [
    ...(region._tag === "Ambiguous" ? region.candidates.map((r) => r.name) : []),
    ...(person._tag === "Ambiguous" ? person.candidates.slice(0, 10).map((p) => p.name) : []),
  ]
  if (candidates.length > 0) return reply(texts.ambiguous(candidates.map(escapeMrkdwn)))
  return reply(texts.noPersonOrRegionMatch(escapeMrkdwn(typed)))
})
