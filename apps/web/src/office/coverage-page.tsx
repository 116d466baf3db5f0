import {
  type CoverageCell,
  type CoverageReport,
  type CoverageStatus,
  catalogue,
  coverage,
  indexNetwork,
  type Language,
  type Network,
  type NetworkProblem,
  type Person,
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

type Region = Network["regions"][number]
type HealthcareRegion = Network["healthcareRegions"][number]
type ThemeGroup = Network["themeGroups"][number]

/** How many of a healthcare region's regions have each status in one theme group. */
interface Counts {
  represented: number
  bridged: number
  uncovered: number
}

/** What the heat map shows over one healthcare region: its regions, counts per group, gaps and issues. */
interface HealthcareRegionView {
  readonly healthcareRegion: HealthcareRegion
  readonly regions: ReadonlyArray<Region>
  /** One entry per active group, in the matrix's column order. */
  readonly counts: ReadonlyArray<Counts>
  readonly roleGaps: CoverageReport["roleGaps"]
  readonly missingSectors: CoverageReport["missingSectors"]
  readonly problems: ReadonlyArray<NetworkProblem>
}

/** Everything the coverage pages derive from one network, computed once per network object. */
interface CoverageView {
  readonly report: CoverageReport
  readonly problems: ReadonlyArray<NetworkProblem>
  readonly names: Names
  readonly groups: ReadonlyArray<ThemeGroup>
  readonly cells: ReadonlyMap<string, CoverageCell>
  readonly healthcareRegions: ReadonlyArray<HealthcareRegionView>
  /** Issues about no region in particular (a field pointing at nothing). */
  readonly networkWideProblems: ReadonlyArray<NetworkProblem>
  /** Rows × columns of the whole matrix (a region in two healthcare regions has two rows). */
  readonly matrixCells: number
  /** Matrix bodies already written, by language and healthcare regions (a few at a time: 4 MB each at 100k people). */
  readonly writtenBodies: Map<string, string>
}

/**
 * The largest matrix (rows × active groups) shown whole. Sweden's 21 regions, the odd other
 * member and twenty groups stay well under it; a network past it (core's 100k synthetic one has
 * 300 members × 200 groups: 60,000 cells, 20 MB of HTML) gets one summary row per healthcare
 * region and a page for each ("Ha utbyte i respektive sjukvårdsregion").
 */
export const wholeMatrixLimit = 4_000

/** The address of a healthcare region's coverage page. */
export const healthcareRegionPath = (id: string) =>
  `/kansli/tackning/sjukvardsregion/${encodeURIComponent(id)}`

const regionOfProblem = (
  problem: NetworkProblem,
  regionOfPerson: (id: string) => string | undefined,
): string | undefined => {
  switch (problem._tag) {
    case "ReportingCycle":
    case "NobodyToReportTo":
    case "MissingRole":
      return problem.regionId
    case "IncompleteRole":
      return regionOfPerson(problem.personId)
    case "DanglingReference":
      return undefined
  }
}

/**
 * Keyed by the network object: the office's pages reuse one object while the organisation's
 * version stands (see `current-network.ts`), so core's coverage and validation run once per
 * change of the network, not once per request.
 */
const viewCache = new WeakMap<Network, CoverageView>()

const coverageView = (network: Network): CoverageView => {
  const cached = viewCache.get(network)
  if (cached !== undefined) return cached
  const report = coverage(network)
  const problems = validateNetwork(network)
  const index = indexNetwork(network)
  const people = new Map(network.people.map((person) => [person.id as string, person.name]))
  const regionNames = new Map(network.regions.map((region) => [region.id as string, region.name]))
  const groupNames = new Map(network.themeGroups.map((group) => [group.id as string, group.name]))
  const names: Names = {
    person: (id) => people.get(id) ?? id,
    region: (id) => regionNames.get(id) ?? id,
    group: (id) => groupNames.get(id) ?? id,
  }
  const groups = network.themeGroups.filter((group) => group.status === "active")
  const columnOf = new Map(groups.map((group, column) => [group.id as string, column]))
  const cells = new Map(report.cells.map((cell) => [`${cell.regionId}|${cell.themeGroupId}`, cell]))

  const healthcareRegionsOf = new Map<string, ReadonlyArray<string>>()
  for (const region of network.regions) {
    if (!healthcareRegionsOf.has(region.id)) healthcareRegionsOf.set(region.id, region.healthcareRegionIds)
  }
  const byHealthcareRegion = new Map(
    network.healthcareRegions.map((healthcareRegion) => [
      healthcareRegion.id as string,
      {
        healthcareRegion,
        regions: [] as Array<Region>,
        counts: groups.map(() => ({ represented: 0, bridged: 0, uncovered: 0 })),
        roleGaps: [] as Array<CoverageReport["roleGaps"][number]>,
        missingSectors: [] as Array<CoverageReport["missingSectors"][number]>,
        problems: [] as Array<NetworkProblem>,
      },
    ]),
  )
  const viewsOfRegion = (regionId: string) =>
    (healthcareRegionsOf.get(regionId) ?? []).flatMap((id) => {
      const view = byHealthcareRegion.get(id)
      return view === undefined ? [] : [view]
    })
  let matrixCells = 0
  for (const region of network.regions) {
    for (const view of viewsOfRegion(region.id)) {
      view.regions.push(region)
      matrixCells += groups.length
    }
  }
  for (const cell of report.cells) {
    const column = columnOf.get(cell.themeGroupId)
    if (column === undefined) continue
    for (const view of viewsOfRegion(cell.regionId)) {
      const counts = view.counts[column]
      if (counts !== undefined) counts[cell.status] += 1
    }
  }
  for (const gap of report.roleGaps) for (const view of viewsOfRegion(gap.regionId)) view.roleGaps.push(gap)
  for (const gap of report.missingSectors) {
    for (const view of viewsOfRegion(gap.regionId)) view.missingSectors.push(gap)
  }
  const networkWideProblems: Array<NetworkProblem> = []
  const regionOfPerson = (id: string) => index.personById.get(id as Person["id"])?.regionId
  for (const problem of problems) {
    const regionId = regionOfProblem(problem, regionOfPerson)
    const of = regionId === undefined ? [] : viewsOfRegion(regionId)
    if (of.length === 0) networkWideProblems.push(problem)
    for (const view of of) view.problems.push(problem)
  }
  const view: CoverageView = {
    report,
    problems,
    names,
    groups,
    cells,
    healthcareRegions: [...byHealthcareRegion.values()],
    networkWideProblems,
    matrixCells,
    writtenBodies: new Map(),
  }
  viewCache.set(network, view)
  return view
}

const percentFormats: Readonly<Record<Language, Intl.NumberFormat>> = {
  sv: new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 0 }),
}
const percent = (language: Language, share: number) => percentFormats[language].format(share)

/**
 * The matrix body as one string: at 300 members × 200 groups it has 60,000 cells, and building
 * a JSX node per element cost twenty times the text itself. Hono's escaper is not exported, so
 * this is the usual five-character one.
 */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  )

/** One table body per healthcare region given, its rows the regions in it (Halland in both). */
const matrixBodies = (props: {
  readonly language: Language
  readonly view: CoverageView
  readonly healthcareRegions: ReadonlyArray<HealthcareRegionView>
  readonly t: OfficeMessages
}): string => {
  const { view, t } = props
  const { groups, cells, names } = view
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
  for (const { healthcareRegion, regions } of props.healthcareRegions) {
    out.push(
      `<tbody><tr><th scope="colgroup" colspan="${groups.length + 1}" class="heat-map__healthcare-region"><a href="${escapeHtml(healthcareRegionPath(healthcareRegion.id))}">${escapeHtml(healthcareRegion.name)}</a></th></tr>`,
    )
    for (const region of regions) {
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

/** The matrix bodies, written once per network object, language and healthcare regions shown. */
const writtenMatrixBodies = (props: Parameters<typeof matrixBodies>[0]): string => {
  const key = `${props.language}|${props.healthcareRegions.map((entry) => entry.healthcareRegion.id).join(",")}`
  const written = props.view.writtenBodies.get(key)
  if (written !== undefined) return written
  const bodies = matrixBodies(props)
  if (props.view.writtenBodies.size >= 4) props.view.writtenBodies.clear()
  props.view.writtenBodies.set(key, bodies)
  return bodies
}

const Legend = (props: { readonly language: Language; readonly t: OfficeMessages }) => {
  const statusWords = catalogue(props.language).coverageStatus
  return (
    <ul class="legend" aria-label={props.t.coverage.legend}>
      {(["represented", "bridged", "uncovered"] as const).map((status) => (
        <li>
          <span class={`swatch cell--${status}`} aria-hidden="true">
            {symbol[status]}
          </span>
          {statusWords[status]}
        </li>
      ))}
    </ul>
  )
}

const GroupHeads = (props: { readonly first: string; readonly groups: ReadonlyArray<ThemeGroup> }) => (
  <thead>
    <tr>
      <th scope="col">{props.first}</th>
      {props.groups.map((group) => (
        <th scope="col" class="heat-map__group">
          <span>{group.name}</span>
        </th>
      ))}
    </tr>
  </thead>
)

/** The region × theme-group matrix of the given healthcare regions, one table body each. */
const HeatMap = (props: {
  readonly language: Language
  readonly view: CoverageView
  readonly healthcareRegions: ReadonlyArray<HealthcareRegionView>
  readonly t: OfficeMessages
}) => {
  const { t } = props
  return (
    <>
      <Legend language={props.language} t={t} />
      <section class="table-scroll" aria-labelledby="matris" tabindex={0}>
        <table class="heat-map">
          <caption id="matris">{t.coverage.matrixCaption}</caption>
          <GroupHeads first={t.coverage.region} groups={props.view.groups} />
          {raw(writtenMatrixBodies(props))}
        </table>
      </section>
    </>
  )
}

/** The summary cell's figures: one line per status, its symbol first, dropped when zero. */
const summaryFigures = (counts: Counts) =>
  (["represented", "bridged", "uncovered"] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${symbol[status]}\u00a0${counts[status]}`)
    .join("<br>")

/**
 * A network too large for one table: healthcare regions × theme groups, each cell counting
 * the healthcare region's regions by status and leading to that healthcare region's page.
 * The cell's colour follows the status of most of its regions; the figures say the rest.
 */
const SummaryMap = (props: {
  readonly language: Language
  readonly network: Network
  readonly view: CoverageView
  readonly t: OfficeMessages
}) => {
  const { view, t } = props
  const out: Array<string> = ["<tbody>"]
  for (const { healthcareRegion, regions, counts } of view.healthcareRegions) {
    const name = escapeHtml(healthcareRegion.name)
    const href = escapeHtml(healthcareRegionPath(healthcareRegion.id))
    out.push(
      `<tr><th scope="row"><a href="${href}">${name}</a><br><span class="muted">${escapeHtml(t.coverage.regionCount(regions.length))}</span></th>`,
    )
    counts.forEach((count, column) => {
      const most =
        count.represented >= count.bridged && count.represented >= count.uncovered
          ? "represented"
          : count.bridged >= count.uncovered
            ? "bridged"
            : "uncovered"
      const said = escapeHtml(
        t.coverage.summaryCell(
          healthcareRegion.name,
          view.groups[column]?.name ?? "",
          count.represented,
          count.bridged,
          count.uncovered,
        ),
      )
      out.push(
        `<td class="cell cell--${most}"><a href="${href}"><span aria-hidden="true">${summaryFigures(count)}</span><span class="visually-hidden">${said}</span></a></td>`,
      )
    })
    out.push("</tr>")
  }
  out.push("</tbody>")
  return (
    <>
      <p>{t.coverage.summaryNotice(props.network.regions.length, view.groups.length)}</p>
      <Legend language={props.language} t={t} />
      <section class="table-scroll" aria-labelledby="matris" tabindex={0}>
        <table class="heat-map heat-map--summary">
          <caption id="matris">{t.coverage.summaryCaption}</caption>
          <GroupHeads first={t.coverage.healthcareRegion} groups={view.groups} />
          {raw(out.join(""))}
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
  /** Each list is shown when given; a big network's summary counts the per-region ones instead. */
  readonly roleGaps?: CoverageReport["roleGaps"]
  /** Per group, across every region: shown on the whole network's page only. */
  readonly missingFunctions?: CoverageReport["missingFunctions"]
  readonly missingSectors?: CoverageReport["missingSectors"]
  readonly names: Names
  readonly t: OfficeMessages
}) => {
  const words = catalogue(props.language)
  const { names, t } = props
  const list = (items: ReadonlyArray<string>) => items.join(", ")
  return (
    <div class="gaps">
      {props.roleGaps === undefined ? null : (
        <section aria-labelledby="rollgap">
          <h2 id="rollgap">{t.coverage.roleGaps}</h2>
          {props.roleGaps.length === 0 ? (
            <p>{t.coverage.noRoleGaps}</p>
          ) : (
            <ul>
              {props.roleGaps.map((gap) => (
                <li>{`${names.region(gap.regionId)}: ${t.coverage.lacks(list(gap.missing.map((role) => words.role[role].one)))}`}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {props.missingFunctions === undefined ? null : (
        <section aria-labelledby="funktioner">
          <h2 id="funktioner">{t.coverage.missingFunctions}</h2>
          {props.missingFunctions.length === 0 ? (
            <p>{t.coverage.noMissingFunctions}</p>
          ) : (
            <ul>
              {props.missingFunctions.map((gap) => (
                <li>{`${names.group(gap.themeGroupId)}: ${t.coverage.lacks(list(gap.missing.map((fn) => words.function[fn].one)))}`}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {props.missingSectors === undefined ? null : (
        <section aria-labelledby="sektorer">
          <h2 id="sektorer">{t.coverage.missingSectors}</h2>
          {props.missingSectors.length === 0 ? (
            <p>{t.coverage.noMissingSectors}</p>
          ) : (
            <ul>
              {props.missingSectors.map((gap) => (
                <li>{`${names.region(gap.regionId)}: ${t.coverage.lacks(list(gap.missing.map((sector) => words.sector[sector])))}`}</li>
              ))}
            </ul>
          )}
        </section>
      )}
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

const Issues = (props: {
  readonly language: Language
  readonly title: string
  readonly problems: ReadonlyArray<NetworkProblem>
  readonly names: Names
  readonly t: OfficeMessages
}) => (
  <section aria-labelledby="problem">
    <h2 id="problem">{props.title}</h2>
    {props.problems.length === 0 ? (
      <p>{props.t.issues.none}</p>
    ) : (
      <ul>
        {props.problems.map((problem) => (
          <li>
            {describeProblem(props.language, problem, props.names, props.t)}{" "}
            <FixLink language={props.language} problem={problem} names={props.names} />
          </li>
        ))}
      </ul>
    )}
  </section>
)

/** A big network's gaps and issues counted per healthcare region, each leading to its page. */
const PerHealthcareRegion = (props: { readonly view: CoverageView; readonly t: OfficeMessages }) => {
  const { t } = props
  return (
    <section aria-labelledby="per-sjukvardsregion">
      <h2 id="per-sjukvardsregion">{t.coverage.perHealthcareRegion}</h2>
      <table class="compact">
        <caption>{t.coverage.perHealthcareRegionCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.coverage.healthcareRegion}</th>
            <th scope="col">{t.coverage.regionsColumn}</th>
            <th scope="col">{t.coverage.roleGapsColumn}</th>
            <th scope="col">{t.coverage.sectorsColumn}</th>
            <th scope="col">{t.coverage.issuesColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.view.healthcareRegions.map((entry) => (
            <tr>
              <th scope="row">
                <a href={healthcareRegionPath(entry.healthcareRegion.id)}>{entry.healthcareRegion.name}</a>
              </th>
              <td>{entry.regions.length}</td>
              <td>{entry.roleGaps.length}</td>
              <td>{entry.missingSectors.length}</td>
              <td>{entry.problems.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/**
 * Coverage at a glance: the heat map, the tile map, the gaps and the network's issues, all
 * from core. A network past {@link wholeMatrixLimit} shows a summary per healthcare region
 * instead of the whole matrix and of every gap, with a page for each healthcare region.
 */
export const CoveragePage = (props: {
  readonly language: Language
  readonly network: Network
  readonly nav?: Child
}) => {
  const t = officeMessages[props.language]
  const view = coverageView(props.network)
  const whole = view.matrixCells <= wholeMatrixLimit
  return (
    <OfficeLayout language={props.language} title={t.coverage.title} nav={props.nav}>
      <h1>{t.coverage.title}</h1>
      <p class="lead">{t.coverage.intro}</p>
      <section aria-labelledby="matris-rubrik" class="wide">
        <h2 id="matris-rubrik" class="visually-hidden">
          {whole ? t.coverage.matrixCaption : t.coverage.summaryCaption}
        </h2>
        {whole ? (
          <HeatMap language={props.language} view={view} healthcareRegions={view.healthcareRegions} t={t} />
        ) : (
          <SummaryMap language={props.language} network={props.network} view={view} t={t} />
        )}
      </section>
      <div class="wide">
        <TileMap language={props.language} network={props.network} report={view.report} t={t} />
      </div>
      {whole ? (
        <>
          <Gaps
            language={props.language}
            roleGaps={view.report.roleGaps}
            missingFunctions={view.report.missingFunctions}
            missingSectors={view.report.missingSectors}
            names={view.names}
            t={t}
          />
          <Issues
            language={props.language}
            title={t.issues.title}
            problems={view.problems}
            names={view.names}
            t={t}
          />
        </>
      ) : (
        <>
          <PerHealthcareRegion view={view} t={t} />
          <Gaps
            language={props.language}
            missingFunctions={view.report.missingFunctions}
            names={view.names}
            t={t}
          />
          <Issues
            language={props.language}
            title={t.coverage.networkWideIssues}
            problems={view.networkWideProblems}
            names={view.names}
            t={t}
          />
        </>
      )}
    </OfficeLayout>
  )
}

/** The id of a healthcare region the network has, or undefined (the route answers 404). */
export const knownHealthcareRegion = (network: Network, id: string): boolean =>
  coverageView(network).healthcareRegions.some((entry) => entry.healthcareRegion.id === id)

/**
 * One healthcare region's coverage: its regions × the theme groups (each cell opening to the
 * people behind it), and the role gaps, missing sectors and issues of those regions.
 * Call {@link knownHealthcareRegion} first: an unknown id renders an empty page.
 */
export const HealthcareRegionCoveragePage = (props: {
  readonly language: Language
  readonly network: Network
  readonly healthcareRegionId: string
  readonly nav?: Child
}) => {
  const t = officeMessages[props.language]
  const view = coverageView(props.network)
  const entries = view.healthcareRegions.filter(
    (entry) => entry.healthcareRegion.id === props.healthcareRegionId,
  )
  const title = t.coverage.healthcareRegionTitle(
    entries[0]?.healthcareRegion.name ?? props.healthcareRegionId,
  )
  return (
    <OfficeLayout language={props.language} title={title} nav={props.nav}>
      <p>
        <a href="/kansli/tackning">{t.coverage.backToNetwork}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t.coverage.healthcareRegionIntro}</p>
      <section aria-labelledby="matris-rubrik" class="wide">
        <h2 id="matris-rubrik" class="visually-hidden">
          {t.coverage.matrixCaption}
        </h2>
        <HeatMap language={props.language} view={view} healthcareRegions={entries} t={t} />
      </section>
      <Gaps
        language={props.language}
        roleGaps={entries.flatMap((entry) => entry.roleGaps)}
        missingSectors={entries.flatMap((entry) => entry.missingSectors)}
        names={view.names}
        t={t}
      />
      <Issues
        language={props.language}
        title={t.issues.title}
        problems={entries.flatMap((entry) => entry.problems)}
        names={view.names}
        t={t}
      />
    </OfficeLayout>
  )
}
