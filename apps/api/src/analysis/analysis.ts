import {
  ChainLink,
  CoverageCell,
  CoverageReport,
  catalogue,
  coverage,
  InclusionReason,
  indexNetwork,
  Language,
  monthContaining,
  type Network,
  NetworkProblem,
  PersonId,
  RegionId,
  Role,
  regionalMeetingInvitees,
  reportingChain,
  validateNetwork,
} from "@spridning/core"
import { stringify } from "csv-stringify/sync"
import { Effect, Schema } from "effect"
import ExcelJS from "exceljs"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { runToResponse } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { answer, answerCached, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "../resources/organisation-resource.js"
import { Briefing, BriefingQuery, briefingFor } from "./briefing.js"

const CoverageQuery = Schema.Struct({
  format: Schema.optionalKey(Schema.Literals(["json", "csv", "xlsx"])),
  /** The spreadsheet's language: Swedish unless asked otherwise. */
  lang: Schema.optionalKey(Language),
})

/** A person's name by id, through core's index (the 100k network's coverage names 100k people). */
const nameOf = (network: Network, personId: PersonId): string =>
  indexNetwork(network).personById.get(personId)?.name ?? personId

/**
 * Who receives a cell's updates when no participant does: the contact person of a bridged
 * cell, the fallback (process leader) of an uncovered one, or nobody.
 */
const receiverOf = (network: Network, cell: CoverageCell, nobody: string): string => {
  if (cell.status === "represented") return ""
  if (cell.status === "bridged") {
    const bridges = cell.people
      .filter((p) => p.role === "contactPerson")
      .map((p) => nameOf(network, p.personId))
    return bridges.length > 0 ? bridges.join(", ") : nobody
  }
  return cell.fallback === undefined ? nobody : nameOf(network, cell.fallback.personId)
}

/** One row per region × active theme group, in the reader's words; and the regions' role gaps. */
const coverageTable = (network: Network, language: Language) => {
  const messages = catalogue(language)
  const words = messages.coverageSheet
  const report = coverage(network)
  const byName = <T extends { readonly name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "sv")
  const groups = network.themeGroups.filter((g) => g.status === "active").sort(byName)
  const regions = [...network.regions].sort(byName)
  const cells = new Map(report.cells.map((cell) => [`${cell.regionId}\u0000${cell.themeGroupId}`, cell]))
  const gapsOf = new Map(
    report.roleGaps.map((gap) => [
      gap.regionId,
      gap.missing.map((role) => messages.role[role].one).join(", "),
    ]),
  )
  const rows = regions.flatMap((region) =>
    groups.map((group) => {
      const cell = cells.get(`${region.id}\u0000${group.id}`)
      const people = (cell?.people ?? [])
        .map((p) => `${nameOf(network, p.personId)} (${messages.role[p.role].one})`)
        .join(", ")
      return [
        region.name,
        group.name,
        messages.coverageStatus[cell?.status ?? "uncovered"],
        people,
        cell === undefined ? words.nobody : receiverOf(network, cell, words.nobody),
        gapsOf.get(region.id) ?? "",
      ]
    }),
  )
  const gaps = regions
    .filter((region) => (gapsOf.get(region.id) ?? "") !== "")
    .map((region) => [region.name, gapsOf.get(region.id) ?? ""])
  return { words, rows, gaps }
}

/**
 * The coverage sheet as CSV: UTF-8 with a BOM, so Swedish Excel reads å, ä and ö, and
 * semicolons when Swedish, since Swedish Excel splits columns on them (comma is its decimal sign).
 */
const coverageCsv = (network: Network, language: Language): string => {
  const { words, rows } = coverageTable(network, language)
  return `\uFEFF${stringify([[...words.columns], ...rows], { delimiter: language === "sv" ? ";" : ",", record_delimiter: "\r\n" })}`
}

const coverageXlsx = async (network: Network, language: Language): Promise<Buffer> => {
  const { words, rows, gaps } = coverageTable(network, language)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "Spridning"
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: "frozen", ySplit: 1 }] })
  sheet.columns = words.columns.map((header, index) => ({
    header,
    width: [24, 28, 26, 44, 28, 36][index] ?? 20,
  }))
  sheet.addRows(rows)
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: words.columns.length } }
  const gapSheet = workbook.addWorksheet(words.gapsSheet)
  gapSheet.columns = words.gapColumns.map((header, index) => ({ header, width: index === 0 ? 24 : 60 }))
  gapSheet.addRows(gaps)
  gapSheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const Named = { name: Schema.String }
const NamedCoverageReport = Schema.Struct({
  ...CoverageReport.fields,
  cells: Schema.Array(
    Schema.Struct({
      ...CoverageCell.fields,
      regionName: Schema.String,
      themeGroupName: Schema.String,
      people: Schema.Array(Schema.Struct({ personId: PersonId, role: Role, ...Named })),
      fallback: Schema.optionalKey(
        Schema.Struct({ personId: PersonId, via: Schema.Literal("processLeader"), ...Named }),
      ),
    }),
  ),
}).annotate({ identifier: "NamedCoverageReport" })

/** Core's report with the names people read beside every id. */
const namedCoverage = (network: Network) => {
  const report = coverage(network)
  const regionName = new Map(network.regions.map((r) => [r.id, r.name]))
  const groupName = new Map(network.themeGroups.map((g) => [g.id, g.name]))
  return {
    ...report,
    cells: report.cells.map((cell) => ({
      ...cell,
      regionName: regionName.get(cell.regionId) ?? cell.regionId,
      themeGroupName: groupName.get(cell.themeGroupId) ?? cell.themeGroupId,
      people: cell.people.map((p) => ({ ...p, name: nameOf(network, p.personId) })),
      ...(cell.fallback === undefined
        ? {}
        : { fallback: { ...cell.fallback, name: nameOf(network, cell.fallback.personId) } }),
    })),
  }
}

const Issues = Schema.Struct({ items: Schema.Array(NetworkProblem) })
const Chain = Schema.Struct({
  personId: PersonId,
  name: Schema.String,
  links: Schema.Array(Schema.Struct({ ...ChainLink.fields, ...Named })),
})
const Invitees = Schema.Struct({
  regionId: RegionId,
  items: Schema.Array(
    Schema.Struct({ personId: PersonId, ...Named, reasons: Schema.Array(InclusionReason) }),
  ),
})

/** Coverage, validation, reporting chains, meeting invitees and management briefings. */
export const analysisRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  const tags = ["analysis"]

  router.get(
    "/coverage",
    describeRoute({
      tags,
      summary:
        "Which regions are represented, bridged or uncovered in each theme group; role, function and sector gaps",
      responses: {
        200: {
          ...jsonResponse(
            "The coverage report with names beside ids; `?format=csv` or `?format=xlsx` gives one row per region and theme group (status, people, who receives instead, the region's missing roles), in Swedish (semicolon-separated, as Swedish Excel reads it) unless `?lang=en` (comma-separated); the CSV starts with a UTF-8 BOM",
            NamedCoverageReport,
          ),
          content: {
            ...jsonResponse("", NamedCoverageReport).content,
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: { type: "string", format: "binary" },
            },
          },
        },
        ...problemResponses,
      },
    }),
    queryOf(CoverageQuery),
    (c) => {
      const { format, lang = "sv" } = c.req.valid("query")
      if (format === "csv") {
        return runToResponse(
          c,
          Effect.tryPromise({
            try: () =>
              context.snapshot.derived(`coverage.${lang}.csv`, (network) => coverageCsv(network, lang)),
            catch: (e) => e,
          }),
          (csv) =>
            c.body(csv, 200, {
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": `attachment; filename="${lang === "sv" ? "tackning" : "coverage"}.csv"`,
            }),
        )
      }
      if (format === "xlsx") {
        return runToResponse(
          c,
          Effect.tryPromise({
            try: async () => coverageXlsx(await context.snapshot.network(), lang),
            catch: (e) => e,
          }),
          (xlsx) =>
            c.body(new Uint8Array(xlsx), 200, {
              "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "content-disposition": `attachment; filename="${lang === "sv" ? "tackning" : "coverage"}.xlsx"`,
            }),
        )
      }
      return answerCached(c, context, "coverage", (network) => Effect.succeed(namedCoverage(network)))
    },
  )

  router.get(
    "/network/issues",
    describeRoute({
      tags,
      summary:
        "What is wrong with the stored network: cycles, nobody to report to, missing roles, dangling references",
      responses: { 200: jsonResponse("Every problem found", Issues), ...problemResponses },
    }),
    (c) =>
      answerCached(c, context, "issues", (network) => Effect.succeed({ items: validateNetwork(network) })),
  )

  router.get(
    "/people/:id/reporting-chain",
    describeRoute({
      tags,
      summary: "Whom this person reports to, link by link, up to the region's management",
      responses: { 200: jsonResponse("The chain", Chain), ...problemResponses },
    }),
    pathParams(Schema.Struct({ id: PersonId })),
    (c) => {
      const personId = c.req.valid("param").id
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) =>
            reportingChain(network, personId).pipe(
              Effect.map((links) => ({
                personId,
                name: nameOf(network, personId),
                links: links.map((link) => ({ ...link, name: nameOf(network, link.personId) })),
              })),
            ),
          ),
        ),
      )
    },
  )

  router.get(
    "/regions/:id/meeting-invitees",
    describeRoute({
      tags,
      summary: "Who is invited to the region's network meeting, and why",
      responses: { 200: jsonResponse("The invite list", Invitees), ...problemResponses },
    }),
    pathParams(Schema.Struct({ id: RegionId })),
    queryOf(Schema.Struct({ includeRegionalBodies: Schema.optionalKey(Schema.Literals(["true", "false"])) })),
    (c) => {
      const regionId = c.req.valid("param").id
      const includeRegionalBodies = c.req.valid("query").includeRegionalBodies === "true"
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) =>
            regionalMeetingInvitees(network, regionId, { includeRegionalBodies }).pipe(
              Effect.map((items) => ({
                regionId,
                items: items.map((item) => ({
                  personId: item.personId,
                  name: nameOf(network, item.personId),
                  reasons: item.reasons,
                })),
              })),
            ),
          ),
        ),
      )
    },
  )

  router.get(
    "/regions/:id/briefing",
    describeRoute({
      tags,
      summary:
        "What the region's management should hear: the groups' recent work, where it is uncovered, what waits",
      responses: { 200: jsonResponse("The briefing", Briefing), ...problemResponses },
    }),
    pathParams(Schema.Struct({ id: RegionId })),
    queryOf(BriefingQuery),
    (c) => {
      const regionId = c.req.valid("param").id
      const month = c.req.valid("query").month
      const now = new Date()
      // The middle of the month lies inside it in any time zone.
      const period = monthContaining(month === undefined ? now : new Date(`${month}-15T12:00:00Z`))
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) => briefingFor(context, network, regionId, period, now)),
        ),
      )
    },
  )

  return router
}
