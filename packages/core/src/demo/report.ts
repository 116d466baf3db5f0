import type { CoverageReport } from "../coverage/report.js"
import type { DisseminationPlan, PlannedDelivery, Update } from "../dissemination/model.js"
import { catalogue } from "../messages/catalogue.js"
import { whyYouGetThis } from "../messages/explain.js"
import { indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Network } from "../organisation/model.js"
import type { NetworkProblem } from "../validation/problems.js"
import { headings, problemTexts } from "./labels.js"

const text = catalogue("sv")
const statusSymbol = { represented: "●", bridged: "◐", uncovered: "○" } as const

const namesOf = (index: NetworkIndex) => ({
  region: (id: string) => index.regionById.get(id as never)?.name ?? id,
  group: (id: string) => index.themeGroupById.get(id as never)?.name ?? id,
  person: (id: string) => index.personById.get(id as never)?.name ?? id,
})

/**
 * Column codes: the first three letters of a one-word name ("Tob", "PRO"), the initials of
 * a longer one ("Fysisk aktivitet" → "FA", "Barn och unga" → "BU"), unique within the table.
 */
const columnCodes = (names: ReadonlyArray<string>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return names.map((name, i) => {
    const words = name.split(/\s+/).filter((w) => w !== "och" && w !== "i")
    const code = words.length === 1 ? name.slice(0, 3) : words.map((w) => w[0]?.toUpperCase()).join("")
    const unique = used.has(code) ? `${code}${i + 1}` : code
    used.add(unique)
    return unique
  })
}

const section = (title: string, items: ReadonlyArray<string>): Array<string> => [
  "",
  title,
  ...(items.length === 0 ? [`  ${headings.none}`] : items.map((item) => `  ${item}`)),
]

/** The region × theme-group matrix and every gap and problem, as a table for the terminal. */
export const renderCoverageReport = (
  network: Network,
  report: CoverageReport,
  problems: ReadonlyArray<NetworkProblem>,
): string => {
  const index = indexNetwork(network)
  const names = namesOf(index)
  const groupIds = [...new Set(report.cells.map((c) => c.themeGroupId))]
  const regionIds = [...new Set(report.cells.map((c) => c.regionId))]
  const cellOf = new Map(report.cells.map((c) => [`${c.regionId} ${c.themeGroupId}`, c]))
  const codes = columnCodes(groupIds.map(names.group))
  const nameWidth = Math.max(...regionIds.map((id) => names.region(id).length), headings.region.length)

  const lines: Array<string> = [headings.coverage, ""]
  lines.push(`${headings.region.padEnd(nameWidth)}  ${codes.map((c) => c.padEnd(4)).join("")}`)
  for (const regionId of regionIds) {
    const row = groupIds.map((g) =>
      statusSymbol[cellOf.get(`${regionId} ${g}`)?.status ?? "uncovered"].padEnd(4),
    )
    lines.push(`${names.region(regionId).padEnd(nameWidth)}  ${row.join("")}`)
  }
  const counts = { represented: 0, bridged: 0, uncovered: 0 }
  for (const cell of report.cells) counts[cell.status]++
  lines.push(
    "",
    (["represented", "bridged", "uncovered"] as const)
      .map((status) => `${statusSymbol[status]} ${text.coverageStatus[status]} (${counts[status]})`)
      .join("   "),
    groupIds.map((g, i) => `${codes[i]} = ${names.group(g)}`).join(", "),
  )

  const noWayIn = report.cells.filter((c) => c.status === "uncovered" && c.fallback === undefined)
  lines.push(
    ...section(
      headings.noWayIn,
      noWayIn.map((c) => `${names.region(c.regionId)} – ${names.group(c.themeGroupId)}`),
    ),
  )
  lines.push(
    ...section(
      headings.roleGaps,
      report.roleGaps.map(
        (gap) =>
          `${names.region(gap.regionId)}: ${headings.lacks} ${text.list(gap.missing.map((r) => text.role[r].one))}`,
      ),
    ),
  )
  lines.push(
    ...section(
      headings.missingFunctions,
      report.missingFunctions.map(
        (gap) =>
          `${names.group(gap.themeGroupId)}: ${text.list(gap.missing.map((f) => text.function[f].one))}`,
      ),
    ),
  )
  lines.push(
    ...section(
      headings.missingSectors,
      report.missingSectors.map((gap) => {
        const body = index.regionalBodyById.get(gap.regionalBodyId)
        const sectors = text.list(gap.missing.map((s) => text.sector[s]))
        return `${body?.name ?? gap.regionalBodyId} (${names.region(gap.regionId)}): ${sectors}`
      }),
    ),
  )
  lines.push(
    ...section(
      headings.problems,
      problems.map((problem) => `– ${describeProblem(index, problem)}`),
    ),
  )
  return lines.join("\n")
}

const describeProblem = (index: NetworkIndex, problem: NetworkProblem): string => {
  const names = namesOf(index)
  switch (problem._tag) {
    case "ReportingCycle":
      return `${names.region(problem.regionId)}: ${problemTexts.reportingCycle} (${problem.roles.map((r) => text.role[r].one).join(" → ")}; ${problem.personIds.map(names.person).join(", ")})`
    case "NobodyToReportTo":
      return `${names.region(problem.regionId)}: ${names.person(problem.personId)}, ${text.role[problem.role].one}, ${problemTexts.nobodyToReportTo[problem.reason]}`
    case "MissingRole":
      return `${names.region(problem.regionId)}: ${headings.lacks} ${text.role[problem.role].one}`
    case "DanglingReference":
      return `${problem.entity} ${problem.id}: ${problem.field} ${problemTexts.danglingReference} (${problem.missingId})`
    case "IncompleteRole":
      return `${names.person(problem.personId)}, ${text.role[problem.role].one}: ${problemTexts.incompleteRole} ${problem.missingField}`
  }
}

/** One dissemination plan: the pass-on line, each delivery and why, bridges, unreachable regions. */
export const renderPlan = (network: Network, update: Update, plan: DisseminationPlan): string => {
  const index = indexNetwork(network)
  const names = namesOf(index)
  const themeGroup =
    update.themeGroupId === undefined ? undefined : index.themeGroupById.get(update.themeGroupId)
  // One line per person: the same reasons on e-mail and Slack are one decision.
  const byPerson = new Map<string, Array<PlannedDelivery>>()
  for (const delivery of plan.deliveries) {
    if (delivery.bridge !== undefined) continue
    const same = byPerson.get(delivery.personId)
    if (same === undefined) byPerson.set(delivery.personId, [delivery])
    else same.push(delivery)
  }
  const regular = [...byPerson.values()]
  const bridges = plan.deliveries.filter((d) => d.bridge !== undefined)
  const lines: Array<string> = [`${headings.plan}: ”${update.title}”`, "", `  ${plan.passOnLine.sv}`]
  lines.push(
    ...section(
      `${headings.deliveries} (${regular.length} ${headings.people})`,
      regular.map((deliveries) => {
        const [first] = deliveries as [PlannedDelivery, ...Array<PlannedDelivery>]
        const channels = deliveries.map((d) => problemTexts.channel[d.channel]).join(" + ")
        return `${names.person(first.personId).padEnd(24)} ${names.region(first.regionId).padEnd(27)} ${channels.padEnd(15)} ${whyYouGetThis(network, first.reasons)}`
      }),
    ),
  )
  lines.push(
    ...section(
      `${headings.bridges} (${bridges.length})`,
      bridges.map((d) => {
        const via =
          d.bridge?.via === "contactPerson" ? text.role.contactPerson.one : text.role.processLeader.one
        return `${names.region(d.regionId).padEnd(27)} via ${via} ${names.person(d.personId)} (${problemTexts.channel[d.channel]}): ${whyYouGetThis(network, d.reasons, "sv", d.bridge === undefined ? undefined : { bridge: d.bridge, themeGroup })}`
      }),
    ),
  )
  lines.push(
    ...section(
      `${headings.unreachable} (${plan.unreachableRegions.length})`,
      plan.unreachableRegions.map(
        (r) => `${names.region(r.regionId)}: ${problemTexts.unreachable[r.reason]}`,
      ),
    ),
  )
  if (plan.skipped.length > 0) {
    lines.push(
      ...section(
        `${headings.skipped} (${plan.skipped.length})`,
        plan.skipped.map((s) => `${names.person(s.personId)}: ${problemTexts.skipped[s.reason]}`),
      ),
    )
  }
  return lines.join("\n")
}
