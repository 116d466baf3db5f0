import { type Network, NetworkStore } from "@spridning/core"
import { asc } from "drizzle-orm"
import { Effect, Layer } from "effect"
import { Database, type Db } from "../database/database.js"
import {
  follows,
  healthcareRegions,
  orgUnits,
  people,
  regionalBodies,
  regionHealthcareRegions,
  regions,
  reportingRules,
  roleAssignments,
  themeGroups,
} from "../schema/index.js"
import {
  followFromRow,
  healthcareRegionFromRow,
  orgUnitFromRow,
  personFromRow,
  regionalBodyFromRow,
  regionFromRow,
  reportingRuleFromRow,
  roleFromRow,
  themeGroupFromRow,
} from "./rows.js"

/** The whole network in ten queries, whatever its size. */
export const loadNetwork = async (db: Db): Promise<Network> => {
  const [
    healthcareRegionRows,
    regionRows,
    membershipRows,
    orgUnitRows,
    themeGroupRows,
    personRows,
    roleRows,
    bodyRows,
    ruleRows,
    followRows,
  ] = await Promise.all([
    db.select().from(healthcareRegions).orderBy(asc(healthcareRegions.id)),
    db.select().from(regions).orderBy(asc(regions.id)),
    db
      .select()
      .from(regionHealthcareRegions)
      .orderBy(asc(regionHealthcareRegions.regionId), asc(regionHealthcareRegions.position)),
    db.select().from(orgUnits).orderBy(asc(orgUnits.id)),
    db.select().from(themeGroups).orderBy(asc(themeGroups.id)),
    db.select().from(people).orderBy(asc(people.id)),
    db.select().from(roleAssignments).orderBy(asc(roleAssignments.id)),
    db.select().from(regionalBodies).orderBy(asc(regionalBodies.id)),
    db.select().from(reportingRules).orderBy(asc(reportingRules.id)),
    db.select().from(follows).orderBy(asc(follows.personId), asc(follows.themeGroupId)),
  ])
  const healthcareRegionsOfRegion = new Map<string, Array<string>>()
  for (const membership of membershipRows) {
    const list = healthcareRegionsOfRegion.get(membership.regionId)
    if (list === undefined)
      healthcareRegionsOfRegion.set(membership.regionId, [membership.healthcareRegionId])
    else list.push(membership.healthcareRegionId)
  }
  return {
    healthcareRegions: healthcareRegionRows.map(healthcareRegionFromRow),
    regions: regionRows.map((row) => regionFromRow(row, healthcareRegionsOfRegion.get(row.id) ?? [])),
    orgUnits: orgUnitRows.map(orgUnitFromRow),
    themeGroups: themeGroupRows.map(themeGroupFromRow),
    people: personRows.map(personFromRow),
    roles: roleRows.map(roleFromRow),
    regionalBodies: bodyRows.map(regionalBodyFromRow),
    reportingRules: ruleRows.map(reportingRuleFromRow),
    follows: followRows.map(followFromRow),
  }
}

/** Core's `NetworkStore` port, read from the database. */
export const layerNetworkStore: Layer.Layer<NetworkStore, never, Database> = Layer.effect(
  NetworkStore,
  Effect.gen(function* () {
    const database = yield* Database
    return NetworkStore.of({ load: database.run("load network", loadNetwork) })
  }),
)
