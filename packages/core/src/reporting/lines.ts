import { Schema } from "effect"
import type { RegionId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import { type Network, ReportingRelation, Role } from "../organisation/model.js"

/** One effective line in a region: holders of `from` report to (or get input from) holders of `to`. */
export const ReportingLine = Schema.Struct({
  from: Role,
  to: Role,
  relation: ReportingRelation,
  /** Whether the line comes from the region's own override or from the network's defaults. */
  source: Schema.Literals(["network", "region"]),
})
export type ReportingLine = typeof ReportingLine.Type

/**
 * The effective reporting lines of a region: the network's default rules, except that a
 * region's own rules for a role and relation replace the defaults for that pair.
 */
export const reportingLines = (network: Network, regionId: RegionId): ReadonlyArray<ReportingLine> => {
  const index = indexNetwork(network)
  const cacheKey = regionId
  const cached = linesCache.get(index)?.get(cacheKey)
  if (cached !== undefined) return cached
  const own = network.reportingRules.filter((rule) => rule.regionId === regionId)
  const overridden = new Set(own.map((rule) => `${rule.from}/${rule.relation}`))
  const lines: Array<ReportingLine> = []
  for (const rule of network.reportingRules) {
    if (rule.regionId === undefined && !overridden.has(`${rule.from}/${rule.relation}`)) {
      lines.push({ from: rule.from, to: rule.to, relation: rule.relation, source: "network" })
    }
  }
  for (const rule of own)
    lines.push({ from: rule.from, to: rule.to, relation: rule.relation, source: "region" })
  const perRegion = linesCache.get(index) ?? new Map<RegionId, ReadonlyArray<ReportingLine>>()
  perRegion.set(cacheKey, lines)
  linesCache.set(index, perRegion)
  return lines
}

const linesCache = new WeakMap<object, Map<RegionId, ReadonlyArray<ReportingLine>>>()

/** The roles a role reports to in a region, in rule order. */
export const reportsTo = (network: Network, regionId: RegionId, role: Role): ReadonlyArray<Role> =>
  reportingLines(network, regionId)
    .filter((line) => line.relation === "reportsTo" && line.from === role)
    .map((line) => line.to)
