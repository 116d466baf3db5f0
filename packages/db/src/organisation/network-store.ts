import {
  type Follow,
  type HealthcareRegionId,
  type Network,
  NetworkStore,
  type OrgUnitId,
  type Person,
  type PersonId,
  type RegionalBodyId,
  type RegionId,
  type RoleAssignment,
  type RoleAssignmentId,
  type ThemeGroupId,
} from "@spridning/core"
import { asc, sql } from "drizzle-orm"
import { Effect, Layer } from "effect"
import { Database, type Db } from "../database/database.js"
import { executeRows } from "../database/raw.js"
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
  healthcareRegionFromRow,
  orgUnitFromRow,
  regionalBodyFromRow,
  regionFromRow,
  reportingRuleFromRow,
  themeGroupFromRow,
} from "./rows.js"

/**
 * The large tables (850k follows for 100k people) are read with plain statements whose
 * columns already carry core's names, skipping the query builder's per-column mapping.
 */
const peopleRows = async (db: Db): Promise<Array<Person>> => {
  const rows = await executeRows<{
    id: PersonId
    name: string
    email: string
    function: Person["function"]
    regionId: RegionId
    orgUnitId: OrgUnitId | null
    channels: Array<Person["preferences"]["channels"][number]>
    language: Person["preferences"]["language"]
    optedOutOfAll: boolean
    optedOutOfThemeGroups: Array<ThemeGroupId>
  }>(
    db,
    sql`select id, name, email, function, region_id as "regionId", org_unit_id as "orgUnitId", channels,
               language, opted_out_of_all as "optedOutOfAll", opted_out_of_theme_groups as "optedOutOfThemeGroups"
        from ${people} where removed_at is null order by id`,
  )
  return rows.map(
    (row) =>
      ({
        id: row.id,
        name: row.name,
        email: row.email,
        function: row.function,
        regionId: row.regionId,
        ...(row.orgUnitId === null ? {} : { orgUnitId: row.orgUnitId }),
        preferences: {
          channels: row.channels,
          language: row.language,
          optedOutOfAll: row.optedOutOfAll,
          optedOutOfThemeGroups: row.optedOutOfThemeGroups,
        },
      }) satisfies Person,
  )
}

const roleRows = async (db: Db): Promise<Array<RoleAssignment>> => {
  const rows = await executeRows<{
    id: RoleAssignmentId
    personId: PersonId
    role: RoleAssignment["role"]
    regionId: RegionId
    themeGroupId: ThemeGroupId | null
    regionalBodyId: RegionalBodyId | null
  }>(
    db,
    sql`select id, person_id as "personId", role, region_id as "regionId", theme_group_id as "themeGroupId",
               regional_body_id as "regionalBodyId"
        from ${roleAssignments} order by id`,
  )
  return rows.map(
    (row) =>
      ({
        id: row.id,
        personId: row.personId,
        role: row.role,
        regionId: row.regionId,
        ...(row.themeGroupId === null ? {} : { themeGroupId: row.themeGroupId }),
        ...(row.regionalBodyId === null ? {} : { regionalBodyId: row.regionalBodyId }),
      }) satisfies RoleAssignment,
  )
}

const followRows = (db: Db): Promise<ReadonlyArray<Follow>> =>
  executeRows<Follow>(
    db,
    sql`select person_id as "personId", theme_group_id as "themeGroupId", frequency
        from ${follows} order by person_id, theme_group_id`,
  )

/** The whole network in ten queries, whatever its size. */
export const loadNetwork = async (db: Db): Promise<Network> => {
  const [
    healthcareRegionRows,
    regionRows,
    membershipRows,
    orgUnitRows,
    themeGroupRows,
    personList,
    roleList,
    bodyRows,
    ruleRows,
    followList,
  ] = await Promise.all([
    db.select().from(healthcareRegions).orderBy(asc(healthcareRegions.id)),
    db.select().from(regions).orderBy(asc(regions.id)),
    db
      .select()
      .from(regionHealthcareRegions)
      .orderBy(asc(regionHealthcareRegions.regionId), asc(regionHealthcareRegions.position)),
    db.select().from(orgUnits).orderBy(asc(orgUnits.id)),
    db.select().from(themeGroups).orderBy(asc(themeGroups.id)),
    peopleRows(db),
    roleRows(db),
    db.select().from(regionalBodies).orderBy(asc(regionalBodies.id)),
    db.select().from(reportingRules).orderBy(asc(reportingRules.id)),
    followRows(db),
  ])
  const healthcareRegionsOfRegion = new Map<RegionId, Array<HealthcareRegionId>>()
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
    people: personList,
    roles: roleList,
    regionalBodies: bodyRows.map(regionalBodyFromRow),
    reportingRules: ruleRows.map(reportingRuleFromRow),
    follows: followList,
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
