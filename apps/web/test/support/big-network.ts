import {
  HealthcareRegionId,
  type Network,
  OrgUnitId,
  PersonId,
  RegionId,
  RoleAssignmentId,
  ThemeGroupId,
} from "@spridning/core"

/**
 * A network too large for one table: 41 members in two healthcare regions ("Region 0" in
 * both, as Halland) × 100 active groups = 42 rows × 100 = 4,200 cells. In "Grupp 0": Region 0
 * and Region 1 have a participant, Region 2 a contact person; nobody else is in any group.
 */
export const bigNetwork = (): Network => {
  const norr = HealthcareRegionId.make("hr-norr")
  const syd = HealthcareRegionId.make("hr-syd")
  const regions = Array.from({ length: 41 }, (_, i) => ({
    id: RegionId.make(`r${i}`),
    name: `Region ${i}`,
    kind: "region" as const,
    healthcareRegionIds: (i === 0 ? [norr, syd] : i <= 20 ? [norr] : [syd]) as [
      HealthcareRegionId,
      ...Array<HealthcareRegionId>,
    ],
  }))
  const themeGroups = Array.from({ length: 100 }, (_, i) => ({
    id: ThemeGroupId.make(`g${i}`),
    name: `Grupp ${i}`,
    topic: `Ämne ${i}`,
    status: "active" as const,
    wantedFunctions: [],
  }))
  const person = (id: string, name: string, region: number) => ({
    id: PersonId.make(id),
    name,
    email: `${id}@example.se`,
    function: "strategist" as const,
    regionId: RegionId.make(`r${region}`),
    preferences: {
      channels: ["email" as const],
      language: "sv" as const,
      optedOutOfAll: false,
      optedOutOfThemeGroups: [],
    },
  })
  const role = (id: string, personId: string, role: "participant" | "contactPerson", region: number) => ({
    id: RoleAssignmentId.make(id),
    personId: PersonId.make(personId),
    role,
    regionId: RegionId.make(`r${region}`),
    themeGroupId: ThemeGroupId.make("g0"),
  })
  return {
    healthcareRegions: [
      { id: norr, name: "Norr" },
      { id: syd, name: "Syd" },
    ],
    regions,
    orgUnits: [{ id: OrgUnitId.make("u0"), regionId: RegionId.make("r0"), name: "Enhet", sector: "care" }],
    themeGroups,
    people: [person("p-anna", "Anna Ek", 0), person("p-bo", "Bo Lind", 1), person("p-cia", "Cia Berg", 2)],
    roles: [
      role("a1", "p-anna", "participant", 0),
      role("a2", "p-bo", "participant", 1),
      role("a3", "p-cia", "contactPerson", 2),
    ],
    regionalBodies: [],
    reportingRules: [],
    follows: [],
  }
}
