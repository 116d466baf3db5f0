import { Schema } from "effect"
import {
  HealthcareRegionId,
  OrgUnitId,
  PersonId,
  RegionalBodyId,
  RegionId,
  ReportingRuleId,
  RoleAssignmentId,
  ThemeGroupId,
} from "./ids.js"

const Name = Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" })))

/** Sjukvårdsregion: one of the six groupings of regions (Norra, Mellansverige, …). */
export const HealthcareRegion = Schema.Struct({
  id: HealthcareRegionId,
  name: Name,
})
export type HealthcareRegion = typeof HealthcareRegion.Type

/**
 * What kind of member organisation a "region" is. The network's members are the 21
 * regions, but historically hospitals, municipalities and other care providers were
 * members too.
 */
export const MemberKind = Schema.Literals(["region", "municipality", "hospital", "careProvider"])
export type MemberKind = typeof MemberKind.Type

/**
 * A member of the network, usually one of the 21 self-governing regions. It belongs to at
 * least one healthcare region; the first is its primary one. Halland belongs to both
 * Västra and Södra.
 */
export const Region = Schema.Struct({
  id: RegionId,
  name: Name,
  kind: MemberKind,
  healthcareRegionIds: Schema.NonEmptyArray(HealthcareRegionId),
})
export type Region = typeof Region.Type

/** The sectors a regional arena should draw from ("bred representation"). */
export const Sector = Schema.Literals([
  "care",
  "publicHealth",
  "regionalDevelopment",
  "municipality",
  "school",
  "other",
])
export type Sector = typeof Sector.Type

/** Verksamhet: a unit inside a region (a care unit, public health, a school, …). */
export const OrgUnit = Schema.Struct({
  id: OrgUnitId,
  regionId: RegionId,
  name: Name,
  sector: Sector,
})
export type OrgUnit = typeof OrgUnit.Type

/** The professional function a person has; theme groups say which functions they want. */
export const PersonFunction = Schema.Literals([
  "clinician",
  "strategist",
  "manager",
  "publicHealthOfficer",
  "coordinator",
  "director",
  "researcher",
  "other",
])
export type PersonFunction = typeof PersonFunction.Type

/** A link into Sweden's knowledge-governance system: a national or regional programme area. */
export const KnowledgeGovernanceLink = Schema.Struct({
  level: Schema.Literals(["NPO", "RPO"]),
  area: Name,
})
export type KnowledgeGovernanceLink = typeof KnowledgeGovernanceLink.Type

/** Temagrupp: a national working group on one topic. A merged group points at its successor. */
export const ThemeGroup = Schema.Struct({
  id: ThemeGroupId,
  name: Name,
  topic: Name,
  status: Schema.Literals(["active", "merged"]),
  mergedInto: Schema.optionalKey(ThemeGroupId),
  wantedFunctions: Schema.Array(PersonFunction),
  knowledgeGovernance: Schema.optionalKey(KnowledgeGovernanceLink),
})
export type ThemeGroup = typeof ThemeGroup.Type

export const Channel = Schema.Literals(["email", "slack"])
export type Channel = typeof Channel.Type

export const Language = Schema.Literals(["sv", "en"])
export type Language = typeof Language.Type

/** What a person chose: where they want updates, in which language, and what they opted out of. */
export const Preferences = Schema.Struct({
  channels: Schema.Array(Channel),
  language: Language,
  /** Nothing at all, from any group. */
  optedOutOfAll: Schema.Boolean,
  optedOutOfThemeGroups: Schema.Array(ThemeGroupId),
})
export type Preferences = typeof Preferences.Type

export const Email = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: "must be an email address" })),
)

export const Person = Schema.Struct({
  id: PersonId,
  name: Name,
  email: Email,
  function: PersonFunction,
  regionId: RegionId,
  orgUnitId: Schema.optionalKey(OrgUnitId),
  preferences: Preferences,
})
export type Person = typeof Person.Type

/**
 * The roles a person can hold. `participant`, `contactPerson` and `chair` are held in a theme
 * group; `bodyMember` in a regional body; the rest in the person's region.
 */
export const Role = Schema.Literals([
  "participant",
  "chair",
  "contactPerson",
  "processLeader",
  "presidiumMember",
  "management",
  "bodyMember",
])
export type Role = typeof Role.Type

/** Roles held inside a theme group. */
export const themeGroupRoles: ReadonlyArray<Role> = ["participant", "chair", "contactPerson"]

export const RoleAssignment = Schema.Struct({
  id: RoleAssignmentId,
  personId: PersonId,
  role: Role,
  regionId: RegionId,
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  regionalBodyId: Schema.optionalKey(RegionalBodyId),
})
export type RoleAssignment = typeof RoleAssignment.Type

/** Referensgrupp, regionalt råd, regionalt nätverk. */
export const RegionalBodyKind = Schema.Literals(["referenceGroup", "council", "network"])
export type RegionalBodyKind = typeof RegionalBodyKind.Type

export const RegionalBody = Schema.Struct({
  id: RegionalBodyId,
  regionId: RegionId,
  kind: RegionalBodyKind,
  name: Name,
  /** The sectors this body should draw from; coverage reports the ones no member comes from. */
  wantedSectors: Schema.Array(Sector),
})
export type RegionalBody = typeof RegionalBody.Type

/**
 * "vem/vilka rapportera till, vem få input ifrån?" A rule says that holders of role `from`
 * report to (or get input from) holders of role `to` in the same region. Rules without a
 * region are the network's defaults; a region's own rules for a `from` role and relation
 * replace the defaults for that pair.
 */
export const ReportingRelation = Schema.Literals(["reportsTo", "getsInputFrom"])
export type ReportingRelation = typeof ReportingRelation.Type

export const ReportingRule = Schema.Struct({
  id: ReportingRuleId,
  regionId: Schema.optionalKey(RegionId),
  from: Role,
  to: Role,
  relation: ReportingRelation,
})
export type ReportingRule = typeof ReportingRule.Type

/** How often a follower wants mail about a group. */
export const FollowFrequency = Schema.Literals(["immediate", "daily", "weekly"])
export type FollowFrequency = typeof FollowFrequency.Type

export const Follow = Schema.Struct({
  personId: PersonId,
  themeGroupId: ThemeGroupId,
  frequency: FollowFrequency,
})
export type Follow = typeof Follow.Type

/** The whole organisation as core's rules see it: plain, immutable data. */
export const Network = Schema.Struct({
  healthcareRegions: Schema.Array(HealthcareRegion),
  regions: Schema.Array(Region),
  orgUnits: Schema.Array(OrgUnit),
  themeGroups: Schema.Array(ThemeGroup),
  people: Schema.Array(Person),
  roles: Schema.Array(RoleAssignment),
  regionalBodies: Schema.Array(RegionalBody),
  reportingRules: Schema.Array(ReportingRule),
  follows: Schema.Array(Follow),
})
export type Network = typeof Network.Type
