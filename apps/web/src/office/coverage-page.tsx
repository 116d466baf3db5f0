import {
  type CoverageCell,
  type CoverageReport,
  type CoverageStatus,
  catalogue,
  coverage,
  type Language,
  type Network,
  type NetworkProblem,
  validateNetwork,
} from "@spridning/core"
import { raw } from "hono/html"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import { type OfficeMessages, officeMessages } from "./office-messages.js"
import { regionTiles } from "./tile-map.js"

/** Colour is never the only signal: each status has its own symbol (and a pattern in the stylesheet). */
const symbol: Readonly<Record<CoverageStatus, string>> = { represented: "●", bridged: "◐", uncovered: "○" }

/** People named in an opened cell; the rest are counted, so a 100k network's page stays readable. */
const namedPerCell = 8

interface Names {
  readonly person: (id: string) => string
  readonly region: (id: string) => string
  readonly group: (id: string) => string
}

const namesOf = (network: Network): Names => {
  const people = new Map(network.people.map((person) => [person.id as string, person.name]))
  const regions = new Map(network.regions.map((region) => [region.id as string, region.name]))
  const groups = new Map(network.themeGroups.map((group) => [group.id as string, group.name]))
  return {
    person: (id) => people.get(id) ?? id,
    region: (id) => regions.get(id) ?? id,
    group: (id) => groups.get(id) ?? id,
  }
}

const percent = (language: Language, share: number) =>
  new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(share)

/**
 * The matrix body as one string: at 300 members × 200 groups it has 60,000 cells, and building
 * a JSX node per element cost twenty times the text itself. Hono's escaper is not exported, so
 * this is the usual five-character one.
 */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  )

const matrixBodies = (props: {
  readonly language: Language
  readonly network: Network
  readonly groups: ReadonlyArray<Network["themeGroups"][number]>
  readonly cells: ReadonlyMap<string, CoverageCell>
  readonly names: Names
  readonly t: OfficeMessages
}): string => {
  const { network, groups, cells, names, t } = props
  const roles = catalogue(props.language).role
  const statusWords = catalogue(props.language).coverageStatus
  const groupNames = groups.map((group) => escapeHtml(group.name))
  const personNames = new Map<string, string>()
  const personName = (id: string) => {
    let name = personNames.get(id)
    if (name === undefined) {
      name = escapeHtml(names.person(id))
      personNames.set(id, name)
    }
    return name
  }
  const roleNames = new Map(Object.entries(roles).map(([role, noun]) => [role, escapeHtml(noun.one)]))
  const out: Array<string> = []
  for (const healthcareRegion of network.healthcareRegions) {
    out.push(
      `<tbody><tr><th scope="colgroup" colspan="${groups.length + 1}" class="heat-map__healthcare-region">${escapeHtml(healthcareRegion.name)}</th></tr>`,
    )
    for (const region of network.regions) {
      if (!region.healthcareRegionIds.some((id) => id === healthcareRegion.id)) continue
      const regionName = escapeHtml(region.name)
      out.push(`<tr><th scope="row">${regionName}</th>`)
      groups.forEach((group, column) => {
        const cell = cells.get(`${region.id}|${group.id}`)
        if (cell === undefined) {
          out.push("<td></td>")
          return
        }
        out.push(
          `<td class="cell cell--${cell.status}"><details><summary><span aria-hidden="true">${symbol[cell.status]}</span><span class="visually-hidden">${regionName}, ${groupNames[column]}: ${escapeHtml(statusWords[cell.status])}</span></summary><div class="cell__details">`,
        )
        if (cell.people.length === 0) out.push(`<p>${escapeHtml(t.coverage.nobody)}</p>`)
        else {
          out.push("<ul>")
          for (const entry of cell.people.slice(0, namedPerCell)) {
            out.push(`<li>${personName(entry.personId)} (${roleNames.get(entry.role) ?? ""})</li>`)
          }
          if (cell.people.length > namedPerCell) {
            out.push(`<li>${escapeHtml(t.coverage.andMore(cell.people.length - namedPerCell))}</li>`)
          }
          out.push("</ul>")
        }
        if (cell.status === "uncovered") {
          out.push(
            `<p>${escapeHtml(cell.fallback === undefined ? t.coverage.noFallback : t.coverage.fallback(names.person(cell.fallback.personId)))}</p>`,
          )
        }
        out.push("</div></details></td>")
      })
      out.push("</tr>")
    }
    out.push("</tbody>")
  }
  return out.join("")
}

/** The region × theme-group matrix, one table body per healthcare region (Halland in both). */
const HeatMap = (props: {
  readonly language: Language
  readonly network: Network
  readonly report: CoverageReport
  readonly names: Names
  readonly t: OfficeMessages
}) => {
  const { network, names, t } = props
  const statusWords = catalogue(props.language).coverageStatus
  const groups = network.themeGroups.filter((group) => group.status === "active")
  const cells = new Map(props.report.cells.map((cell) => [`${cell.regionId}|${cell.themeGroupId}`, cell]))
  return (
    <>
      <ul class="legend" aria-label={t.coverage.legend}>
        {(["represented", "bridged", "uncovered"] as const).map((status) => (
          <li>
            <span class={`swatch cell--${status}`} aria-hidden="true">
              {symbol[status]}
            </span>
            {statusWords[status]}
          </li>
        ))}
      </ul>
      <section class="table-scroll" aria-labelledby="matris" tabindex={0}>
        <table class="heat-map">
          <caption id="matris">{t.coverage.matrixCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.coverage.region}</th>
              {groups.map((group) => (
                <th scope="col" class="heat-map__group">
                  <span>{group.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          {raw(
            matrixBodies({
              language: props.language,
              network,
              groups,
              cells,
              names,
              t,
            }),
          )}
        </table>
      </section>
    </>
  )
}

const tileSize = 64
const bucketOf = (share: number) =>
  share === 0 ? 0 : share < 0.25 ? 1 : share < 0.5 ? 2 : share < 0.75 ? 3 : 4

/** Sweden's 21 regions as tiles shaded by participation, with the share written on each; a table follows. */
const TileMap = (props: {
  readonly language: Language
  readonly network: Network
  readonly report: CoverageReport
  readonly t: OfficeMessages
}) => {
  const { t } = props
  const groupCount = props.network.themeGroups.filter((group) => group.status === "active").length
  const takingPart = new Map<string, number>()
  for (const cell of props.report.cells) {
    if (cell.status === "represented") takingPart.set(cell.regionId, (takingPart.get(cell.regionId) ?? 0) + 1)
  }
  const rows = props.network.regions.map((region) => {
    const count = takingPart.get(region.id) ?? 0
    return { region, count, share: groupCount === 0 ? 0 : count / groupCount }
  })
  return (
    <section aria-labelledby="karta" class="tile-map-section">
      <h2 id="karta">{t.coverage.tileMapTitle}</h2>
      <p>{t.coverage.tileMapDescription}</p>
      <div class="tile-map-layout">
        <svg
          class="tile-map"
          viewBox={`0 0 ${4 * tileSize} ${8 * tileSize}`}
          width={4 * tileSize}
          height={8 * tileSize}
          role="img"
          aria-labelledby="karta-titel karta-beskrivning"
        >
          <title id="karta-titel">{t.coverage.tileMapTitle}</title>
          <desc id="karta-beskrivning">{t.coverage.tileMapDescription}</desc>
          {rows.flatMap(({ region, share }) => {
            const tile = regionTiles[region.id]
            if (tile === undefined) return []
            const x = tile.column * tileSize
            const y = tile.row * tileSize
            return [
              <g class={`tile tile--${bucketOf(share)}`}>
                <title>{t.coverage.tileLabel(region.name, percent(props.language, share))}</title>
                <rect x={x + 2} y={y + 2} width={tileSize - 4} height={tileSize - 4} rx={6} />
                <text x={x + tileSize / 2} y={y + 28} text-anchor="middle" class="tile__code">
                  {tile.code}
                </text>
                <text x={x + tileSize / 2} y={y + 48} text-anchor="middle" class="tile__share">
                  {percent(props.language, share)}
                </text>
              </g>,
            ]
          })}
        </svg>
        <table class="compact">
          <caption>{t.coverage.tileTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.coverage.region}</th>
              <th scope="col">{t.coverage.groupsTakenPartIn}</th>
              <th scope="col">{t.coverage.share}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ region, count, share }) => (
              <tr>
                <th scope="row">{region.name}</th>
                <td>{`${count} / ${groupCount}`}</td>
                <td>{percent(props.language, share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

const Gaps = (props: {
  readonly language: Language
  readonly report: CoverageReport
  readonly names: Names
  readonly t: OfficeMessages
}) => {
  const words = catalogue(props.language)
  const { report, names, t } = props
  const list = (items: ReadonlyArray<string>) => items.join(", ")
  return (
    <div class="gaps">
      <section aria-labelledby="rollgap">
        <h2 id="rollgap">{t.coverage.roleGaps}</h2>
        {report.roleGaps.length === 0 ? (
          <p>{t.coverage.noRoleGaps}</p>
        ) : (
          <ul>
            {report.roleGaps.map((gap) => (
              <li>{`${names.region(gap.regionId)}: ${t.coverage.lacks(list(gap.missing.map((role) => words.role[role].one)))}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="funktioner">
        <h2 id="funktioner">{t.coverage.missingFunctions}</h2>
        {report.missingFunctions.length === 0 ? (
          <p>{t.coverage.noMissingFunctions}</p>
        ) : (
          <ul>
            {report.missingFunctions.map((gap) => (
              <li>{`${names.group(gap.themeGroupId)}: ${t.coverage.lacks(list(gap.missing.map((fn) => words.function[fn].one)))}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="sektorer">
        <h2 id="sektorer">{t.coverage.missingSectors}</h2>
        {report.missingSectors.length === 0 ? (
          <p>{t.coverage.noMissingSectors}</p>
        ) : (
          <ul>
            {report.missingSectors.map((gap) => (
              <li>{`${names.region(gap.regionId)}: ${t.coverage.lacks(list(gap.missing.map((sector) => words.sector[sector])))}`}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

const describeProblem = (
  language: Language,
  problem: NetworkProblem,
  names: Names,
  t: OfficeMessages,
): string => {
  const role = catalogue(language).role
  switch (problem._tag) {
    case "ReportingCycle":
      return t.issues.reportingCycle(
        names.region(problem.regionId),
        problem.roles.map((r) => role[r].one).join(" → "),
      )
    case "NobodyToReportTo":
      return t.issues.nobodyToReportTo(
        names.person(problem.personId),
        role[problem.role].one,
        names.region(problem.regionId),
      )
    case "MissingRole":
      return t.issues.missingRole(names.region(problem.regionId), role[problem.role].one)
    case "DanglingReference":
      return t.issues.danglingReference(problem.entity, problem.id, problem.field, problem.missingId)
    case "IncompleteRole":
      return t.issues.incompleteRole(names.person(problem.personId), role[problem.role].one)
  }
}

/** Where a problem is put right: the person's page, or the region's people (to appoint someone). */
const FixLink = (props: {
  readonly language: Language
  readonly problem: NetworkProblem
  readonly names: Names
}) => {
  const t = adminMessages[props.language].issues
  const problem = props.problem
  const person = (id: string) => (
    <a href={`/kansli/personer/${encodeURIComponent(id)}`}>{t.fixPerson(props.names.person(id))}</a>
  )
  const region = (id: string) => (
    <a href={`/kansli/personer?region=${encodeURIComponent(id)}`}>{t.fixRegion(props.names.region(id))}</a>
  )
  switch (problem._tag) {
    case "IncompleteRole":
      return person(problem.personId)
    // Someone without anyone to report to is helped by appointing that someone in the region.
    case "NobodyToReportTo":
    case "MissingRole":
      return region(problem.regionId)
    case "ReportingCycle":
      return <span class="hint">{t.fixReporting}</span>
    case "DanglingReference":
      return problem.entity === "person" ? person(problem.id) : null
  }
}

/** Coverage at a glance: the heat map, the tile map, the gaps and the network's issues, all from core. */
export const CoveragePage = (props: {
  readonly language: Language
  readonly network: Network
  readonly nav?: Child
}) => {
  const t = officeMessages[props.language]
  const report = coverage(props.network)
  const problems = validateNetwork(props.network)
  const names = namesOf(props.network)
  return (
    <OfficeLayout language={props.language} title={t.coverage.title} nav={props.nav}>
      <h1>{t.coverage.title}</h1>
      <p class="lead">{t.coverage.intro}</p>
      <section aria-labelledby="matris-rubrik" class="wide">
        <h2 id="matris-rubrik" class="visually-hidden">
          {t.coverage.matrixCaption}
        </h2>
        <HeatMap language={props.language} network={props.network} report={report} names={names} t={t} />
      </section>
      <div class="wide">
        <TileMap language={props.language} network={props.network} report={report} t={t} />
      </div>
      <Gaps language={props.language} report={report} names={names} t={t} />
      <section aria-labelledby="problem">
        <h2 id="problem">{t.issues.title}</h2>
        {problems.length === 0 ? (
          <p>{t.issues.none}</p>
        ) : (
          <ul>
            {problems.map((problem) => (
              <li>
                {describeProblem(props.language, problem, names, t)}{" "}
                <FixLink language={props.language} problem={problem} names={names} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </OfficeLayout>
  )
}
