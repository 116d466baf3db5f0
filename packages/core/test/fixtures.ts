import type {
  Channel,
  Follow,
  FollowFrequency,
  HealthcareRegionId,
  Network,
  OrgUnitId,
  Person,
  PersonFunction,
  PersonId,
  RegionalBodyId,
  RegionId,
  ReportingRule,
  Role,
  RoleAssignment,
  Sector,
  ThemeGroupId,
} from "../src/index.js"

export const id = {
  hcr: (s: string) => s as HealthcareRegionId,
  region: (s: string) => s as RegionId,
  group: (s: string) => s as ThemeGroupId,
  person: (s: string) => s as PersonId,
  body: (s: string) => s as RegionalBodyId,
  unit: (s: string) => s as OrgUnitId,
}

/** The network's default reporting lines, as the demo network has them. */
export const defaultRules: ReadonlyArray<ReportingRule> = [
  { id: "r1" as never, from: "participant", to: "processLeader", relation: "reportsTo" },
  { id: "r2" as never, from: "contactPerson", to: "processLeader", relation: "reportsTo" },
  { id: "r3" as never, from: "chair", to: "processLeader", relation: "reportsTo" },
  { id: "r4" as never, from: "bodyMember", to: "processLeader", relation: "reportsTo" },
  { id: "r5" as never, from: "processLeader", to: "management", relation: "reportsTo" },
  { id: "r6" as never, from: "presidiumMember", to: "management", relation: "reportsTo" },
  { id: "r7" as never, from: "participant", to: "processLeader", relation: "getsInputFrom" },
]

export interface PersonSpec {
  readonly id: string
  readonly region: string
  readonly function?: PersonFunction
  readonly channels?: ReadonlyArray<Channel>
  readonly optedOutOfAll?: boolean
  readonly optedOutOfThemeGroups?: ReadonlyArray<string>
  readonly orgUnit?: string
  readonly roles?: ReadonlyArray<{ role: Role; group?: string; body?: string; region?: string }>
  readonly follows?: ReadonlyArray<{ group: string; frequency?: FollowFrequency }>
}

/**
 * A small network around Sydöstra and Södra/Västra: Östergötland, Kalmar, Halland (in both
 * Västra and Södra) and Skåne, with the groups Tobak and Alkohol.
 */
export const buildNetwork = (
  specs: ReadonlyArray<PersonSpec>,
  extra: Partial<Pick<Network, "reportingRules" | "regionalBodies" | "orgUnits" | "themeGroups">> = {},
): Network => {
  const people: Array<Person> = []
  const roles: Array<RoleAssignment> = []
  const follows: Array<Follow> = []
  let roleCounter = 0
  for (const spec of specs) {
    people.push({
      id: id.person(spec.id),
      name: `Person ${spec.id}`,
      email: `${spec.id}@example.se`,
      function: spec.function ?? "strategist",
      regionId: id.region(spec.region),
      ...(spec.orgUnit === undefined ? {} : { orgUnitId: id.unit(spec.orgUnit) }),
      preferences: {
        channels: [...(spec.channels ?? ["email"])],
        language: "sv",
        optedOutOfAll: spec.optedOutOfAll ?? false,
        optedOutOfThemeGroups: (spec.optedOutOfThemeGroups ?? []).map(id.group),
      },
    })
    for (const role of spec.roles ?? []) {
      roles.push({
        id: `ra-${++roleCounter}` as never,
        personId: id.person(spec.id),
        role: role.role,
        regionId: id.region(role.region ?? spec.region),
        ...(role.group === undefined ? {} : { themeGroupId: id.group(role.group) }),
        ...(role.body === undefined ? {} : { regionalBodyId: id.body(role.body) }),
      })
    }
    for (const follow of spec.follows ?? []) {
      follows.push({
        personId: id.person(spec.id),
        themeGroupId: id.group(follow.group),
        frequency: follow.frequency ?? "immediate",
      })
    }
  }
  return {
    healthcareRegions: [
      { id: id.hcr("hcr-sydostra"), name: "Sydöstra" },
      { id: id.hcr("hcr-sodra"), name: "Södra" },
      { id: id.hcr("hcr-vastra"), name: "Västra" },
    ],
    regions: [
      {
        id: id.region("ostergotland"),
        name: "Region Östergötland",
        kind: "region",
        healthcareRegionIds: [id.hcr("hcr-sydostra")],
      },
      {
        id: id.region("kalmar"),
        name: "Region Kalmar län",
        kind: "region",
        healthcareRegionIds: [id.hcr("hcr-sydostra")],
      },
      {
        id: id.region("halland"),
        name: "Region Halland",
        kind: "region",
        healthcareRegionIds: [id.hcr("hcr-vastra"), id.hcr("hcr-sodra")],
      },
      {
        id: id.region("skane"),
        name: "Region Skåne",
        kind: "region",
        healthcareRegionIds: [id.hcr("hcr-sodra")],
      },
    ],
    orgUnits: extra.orgUnits ?? [],
    themeGroups: extra.themeGroups ?? [
      {
        id: id.group("tobak"),
        name: "Tobaksprevention",
        topic: "Tobak",
        status: "active",
        wantedFunctions: ["clinician", "strategist"],
      },
      {
        id: id.group("alkohol"),
        name: "Alkoholprevention",
        topic: "Alkohol",
        status: "active",
        wantedFunctions: [],
      },
    ],
    people,
    roles,
    regionalBodies: extra.regionalBodies ?? [],
    reportingRules: extra.reportingRules ?? defaultRules,
    follows,
  }
}

/** Every region staffed with management, presidium member and process leader. */
export const leadership = (region: string): ReadonlyArray<PersonSpec> => [
  { id: `${region}-mgmt`, region, function: "director", roles: [{ role: "management" }] },
  { id: `${region}-presidium`, region, function: "director", roles: [{ role: "presidiumMember" }] },
  { id: `${region}-pl`, region, function: "coordinator", roles: [{ role: "processLeader" }] },
]

export const sectorUnit = (unit: string, region: string, sector: Sector) => ({
  id: id.unit(unit),
  regionId: id.region(region),
  name: unit,
  sector,
})
