import type {
  Follow,
  HealthcareRegion,
  HealthcareRegionId,
  OrgUnit,
  Person,
  Region,
  RegionalBody,
  ReportingRule,
  RoleAssignment,
  ThemeGroup,
} from "@spridning/core"
import type {
  follows,
  healthcareRegions,
  orgUnits,
  people,
  regionalBodies,
  regions,
  reportingRules,
  roleAssignments,
  themeGroups,
} from "../schema/index.js"

/**
 * Rows ↔ core's model. Rows come from our own schema, whose constraints already hold what
 * core's schemas check, and whose columns carry core's branded ids, so rows are not decoded
 * again (100k people load fast).
 */

export const healthcareRegionFromRow = (row: typeof healthcareRegions.$inferSelect): HealthcareRegion => ({
  id: row.id,
  name: row.name,
})

export const regionFromRow = (
  row: typeof regions.$inferSelect,
  healthcareRegionIds: ReadonlyArray<HealthcareRegionId>,
): Region => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  // The schema cannot say "at least one membership row"; every region is written with core's
  // non-empty list (regionSpec), so the rows read back are never empty.
  healthcareRegionIds: healthcareRegionIds as Region["healthcareRegionIds"],
})

export const orgUnitFromRow = (row: typeof orgUnits.$inferSelect): OrgUnit => ({
  id: row.id,
  regionId: row.regionId,
  name: row.name,
  sector: row.sector,
})

export const orgUnitToRow = (value: OrgUnit): typeof orgUnits.$inferInsert => ({
  id: value.id,
  regionId: value.regionId,
  name: value.name,
  sector: value.sector,
})

export const themeGroupFromRow = (row: typeof themeGroups.$inferSelect): ThemeGroup => ({
  id: row.id,
  name: row.name,
  topic: row.topic,
  status: row.status,
  ...(row.mergedInto === null ? {} : { mergedInto: row.mergedInto }),
  wantedFunctions: row.wantedFunctions,
  ...(row.knowledgeGovernanceLevel === null || row.knowledgeGovernanceArea === null
    ? {}
    : { knowledgeGovernance: { level: row.knowledgeGovernanceLevel, area: row.knowledgeGovernanceArea } }),
})

export const themeGroupToRow = (value: ThemeGroup): typeof themeGroups.$inferInsert => ({
  id: value.id,
  name: value.name,
  topic: value.topic,
  status: value.status,
  mergedInto: value.mergedInto ?? null,
  wantedFunctions: [...value.wantedFunctions],
  knowledgeGovernanceLevel: value.knowledgeGovernance?.level ?? null,
  knowledgeGovernanceArea: value.knowledgeGovernance?.area ?? null,
})

export const personFromRow = (row: typeof people.$inferSelect): Person => ({
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
})

export const personToRow = (value: Person): typeof people.$inferInsert => ({
  id: value.id,
  name: value.name,
  email: value.email,
  function: value.function,
  regionId: value.regionId,
  orgUnitId: value.orgUnitId ?? null,
  channels: [...value.preferences.channels],
  language: value.preferences.language,
  optedOutOfAll: value.preferences.optedOutOfAll,
  optedOutOfThemeGroups: [...value.preferences.optedOutOfThemeGroups],
})

export const roleFromRow = (row: typeof roleAssignments.$inferSelect): RoleAssignment => ({
  id: row.id,
  personId: row.personId,
  role: row.role,
  regionId: row.regionId,
  ...(row.themeGroupId === null ? {} : { themeGroupId: row.themeGroupId }),
  ...(row.regionalBodyId === null ? {} : { regionalBodyId: row.regionalBodyId }),
})

export const roleToRow = (value: RoleAssignment): typeof roleAssignments.$inferInsert => ({
  id: value.id,
  personId: value.personId,
  role: value.role,
  regionId: value.regionId,
  themeGroupId: value.themeGroupId ?? null,
  regionalBodyId: value.regionalBodyId ?? null,
})

export const regionalBodyFromRow = (row: typeof regionalBodies.$inferSelect): RegionalBody => ({
  id: row.id,
  regionId: row.regionId,
  kind: row.kind,
  name: row.name,
  wantedSectors: row.wantedSectors,
})

export const regionalBodyToRow = (value: RegionalBody): typeof regionalBodies.$inferInsert => ({
  id: value.id,
  regionId: value.regionId,
  kind: value.kind,
  name: value.name,
  wantedSectors: [...value.wantedSectors],
})

export const reportingRuleFromRow = (row: typeof reportingRules.$inferSelect): ReportingRule => ({
  id: row.id,
  ...(row.regionId === null ? {} : { regionId: row.regionId }),
  from: row.fromRole,
  to: row.toRole,
  relation: row.relation,
})

export const reportingRuleToRow = (value: ReportingRule): typeof reportingRules.$inferInsert => ({
  id: value.id,
  regionId: value.regionId ?? null,
  fromRole: value.from,
  toRole: value.to,
  relation: value.relation,
})

export const followFromRow = (row: typeof follows.$inferSelect): Follow => ({
  personId: row.personId,
  themeGroupId: row.themeGroupId,
  frequency: row.frequency,
})

/** Large inserts go in slices so no statement passes PostgreSQL's 65,535-parameter limit. */
export const inChunks = <A>(values: ReadonlyArray<A>, size: number): Array<ReadonlyArray<A>> => {
  const chunks: Array<ReadonlyArray<A>> = []
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size))
  return chunks
}
