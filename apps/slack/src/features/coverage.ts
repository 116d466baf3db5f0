import { coverage, indexNetwork, type Language, type Network, type RegionId } from "@spridning/core"
import { findByName } from "../commands/find-by-name.js"
import { type CommandReply, context, escapeMrkdwn, header, reply, section } from "../views/blocks.js"
import { coverageStatusLabel, roleLabel } from "../views/labels.js"
import { textsFor } from "../views/texts.js"

type Status = "represented" | "bridged" | "uncovered"
const statuses: ReadonlyArray<Status> = ["represented", "bridged", "uncovered"]

/** A region's row of the coverage matrix, as blocks (also used on App Home). */
export const regionCoverageBlocks = (network: Network, regionId: RegionId, language: Language) => {
  const texts = textsFor(language)
  const index = indexNetwork(network)
  const report = coverage(network)
  const cells = report.cells.filter((cell) => cell.regionId === regionId)
  const personName = (id: string) => escapeMrkdwn(index.personById.get(id as never)?.name ?? id)
  const groupName = (id: string) => escapeMrkdwn(index.themeGroupById.get(id as never)?.name ?? id)
  const lines = statuses.map((status) => {
    const ofStatus = cells.filter((cell) => cell.status === status)
    const items = ofStatus.map((cell) => {
      if (status === "bridged") {
        const through = cell.people.map((p) => personName(p.personId)).join(", ")
        return through === "" ? groupName(cell.themeGroupId) : `${groupName(cell.themeGroupId)} (${through})`
      }
      if (status === "uncovered") {
        const fallback =
          cell.fallback === undefined
            ? texts.coverageNoFallback
            : texts.coverageFallback(personName(cell.fallback.personId))
        return `${groupName(cell.themeGroupId)} – ${fallback}`
      }
      return groupName(cell.themeGroupId)
    })
    const label = coverageStatusLabel(language, status)
    return `*${label[0]?.toUpperCase() ?? ""}${label.slice(1)}* (${ofStatus.length}): ${items.join(", ") || "–"}`
  })
  const gaps = report.roleGaps.find((gap) => gap.regionId === regionId)?.missing ?? []
  return [
    section(lines.join("\n")),
    ...(gaps.length === 0
      ? []
      : [context(texts.roleGaps(gaps.map((role) => roleLabel(language, role)).join(", ")))]),
  ]
}

/** `/spridning täckning [region]`: one region's groups, or a line per region for the network. */
export const coverageReply = (
  network: Network,
  language: Language,
  typedRegion: string | undefined,
): CommandReply => {
  const texts = textsFor(language)
  if (typedRegion === undefined) {
    const report = coverage(network)
    const lines = network.regions.map((region) => {
      const cells = report.cells.filter((cell) => cell.regionId === region.id)
      const count = (status: Status) => cells.filter((cell) => cell.status === status).length
      return texts.coverageNetworkLine(
        escapeMrkdwn(region.name),
        count("represented"),
        count("bridged"),
        count("uncovered"),
      )
    })
    return reply(texts.coverageNetworkTitle, [header(texts.coverageNetworkTitle), section(lines.join("\n"))])
  }
  const match = findByName(network.regions, typedRegion, (region) => [region.id, region.name])
  if (match._tag === "NoMatch") return reply(texts.noRegionMatch(escapeMrkdwn(typedRegion)))
  if (match._tag === "Ambiguous")
    return reply(texts.ambiguous(match.candidates.map((r) => escapeMrkdwn(r.name))))
  const title = texts.coverageTitle(match.item.name)
  return reply(title, [header(title), ...regionCoverageBlocks(network, match.item.id, language)])
}
