import {
  ChainLink,
  CoverageReport,
  coverage,
  InclusionReason,
  monthContaining,
  type Network,
  NetworkProblem,
  PersonId,
  RegionId,
  regionalMeetingInvitees,
  reportingChain,
  validateNetwork,
} from "@spridning/core"
import { stringify } from "csv-stringify/sync"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { runToResponse } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { answer, answerCached, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "../resources/organisation-resource.js"
import { Briefing, BriefingQuery, briefingFor } from "./briefing.js"

const CoverageQuery = Schema.Struct({ format: Schema.optionalKey(Schema.Literals(["json", "csv"])) })

/** The region × theme-group matrix, one row per region, for a spreadsheet. */
const coverageCsv = (network: Network): string => {
  const report = coverage(network)
  const byName = <T extends { readonly name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "sv")
  const groups = network.themeGroups.filter((g) => g.status === "active").sort(byName)
  const cells = new Map(
    report.cells.map((cell) => [`${cell.regionId}\u0000${cell.themeGroupId}`, cell.status]),
  )
  return stringify([
    ["region", ...groups.map((g) => g.name)],
    ...[...network.regions]
      .sort(byName)
      .map((region) => [
        region.name,
        ...groups.map((g) => cells.get(`${region.id}\u0000${g.id}`) ?? "uncovered"),
      ]),
  ])
}

const Issues = Schema.Struct({ items: Schema.Array(NetworkProblem) })
const Chain = Schema.Struct({ personId: PersonId, links: Schema.Array(ChainLink) })
const Invitees = Schema.Struct({
  regionId: RegionId,
  items: Schema.Array(Schema.Struct({ personId: PersonId, reasons: Schema.Array(InclusionReason) })),
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
          ...jsonResponse("The coverage report (or the matrix as CSV with ?format=csv)", CoverageReport),
          content: {
            ...jsonResponse("", CoverageReport).content,
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...problemResponses,
      },
    }),
    queryOf(CoverageQuery),
    (c) => {
      if (c.req.valid("query").format === "csv") {
        return runToResponse(
          c,
          Effect.tryPromise({
            try: () => context.snapshot.derived("coverage.csv", coverageCsv),
            catch: (e) => e,
          }),
          (csv) =>
            c.body(csv, 200, {
              "content-type": "text/csv; charset=utf-8",
              "content-disposition": 'attachment; filename="coverage.csv"',
            }),
        )
      }
      return answerCached(c, context, "coverage", (network) => Effect.succeed(coverage(network)))
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
          Effect.flatMap((network) => reportingChain(network, personId)),
          Effect.map((links) => ({ personId, links })),
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
          Effect.flatMap((network) => regionalMeetingInvitees(network, regionId, { includeRegionalBodies })),
          Effect.map((items) => ({ regionId, items })),
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
