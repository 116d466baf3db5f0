import { Effect, Schema } from "effect"
import { NotFound } from "../organisation/errors.js"
import { PersonId, RegionalBodyId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import { type Network, PersonFunction, Role, Sector } from "../organisation/model.js"

export const CoverageStatus = Schema.Literals(["represented", "bridged", "uncovered"])
export type CoverageStatus = typeof CoverageStatus.Type

/**
 * One region × theme group: `represented` (a participant), `bridged` (no participant, but a
 * contact person for the group: "en kanal in"), or `uncovered`. An uncovered cell names the
 * fallback dissemination uses: the region's process leader, when it has one.
 */
export const CoverageCell = Schema.Struct({
  regionId: RegionId,
  themeGroupId: ThemeGroupId,
  status: CoverageStatus,
  people: Schema.Array(Schema.Struct({ personId: PersonId, role: Role })),
  fallback: Schema.optionalKey(Schema.Struct({ personId: PersonId, via: Schema.Literal("processLeader") })),
})
export type CoverageCell = typeof CoverageCell.Type

export const CoverageReport = Schema.Struct({
  cells: Schema.Array(CoverageCell),
  /** Regions lacking a role every region needs. */
  roleGaps: Schema.Array(Schema.Struct({ regionId: RegionId, missing: Schema.Array(Role) })),
  /** "lättare att rekrytera deltagare om temagruppen vet vilka/vilken funktion som önskas" */
  missingFunctions: Schema.Array(
    Schema.Struct({ themeGroupId: ThemeGroupId, missing: Schema.Array(PersonFunction) }),
  ),
  /** "Gärna nätverk med bred representation": wanted sectors no member comes from. */
  missingSectors: Schema.Array(
    Schema.Struct({ regionalBodyId: RegionalBodyId, regionId: RegionId, missing: Schema.Array(Sector) }),
  ),
})
export type CoverageReport = typeof CoverageReport.Type

const requiredRoles: ReadonlyArray<Role> = ["processLeader", "presidiumMember", "management"]

/**
 * "Alla regioner har inte möjlighet att vara med i alla temagrupper": the region × active
 * theme-group matrix with the people behind each cell, plus role gaps per region, wanted
 * functions each group lacks and sectors each regional body lacks. Linear in the network.
 */
export const coverage = (network: Network): CoverageReport => {
  const index = indexNetwork(network)
  const activeGroups = network.themeGroups.filter((group) => group.status === "active")

  const cellPeople = new Map<string, Array<{ personId: PersonId; role: Role }>>()
  const represented = new Set<string>()
  const bridged = new Set<string>()
  const functionsInGroup = new Map<ThemeGroupId, Set<PersonFunction>>()
  for (const assignment of network.roles) {
    const groupId = assignment.themeGroupId
    if (groupId === undefined) continue
    if (
      assignment.role !== "participant" &&
      assignment.role !== "contactPerson" &&
      assignment.role !== "chair"
    )
      continue
    const key = `${assignment.regionId}\u0000${groupId}`
    const people = cellPeople.get(key)
    const entry = { personId: assignment.personId, role: assignment.role }
    if (people === undefined) cellPeople.set(key, [entry])
    else people.push(entry)
    if (assignment.role === "participant") {
      represented.add(key)
      const fn = index.personById.get(assignment.personId)?.function
      if (fn !== undefined) {
        const fns = functionsInGroup.get(groupId) ?? new Set<PersonFunction>()
        fns.add(fn)
        functionsInGroup.set(groupId, fns)
      }
    }
    if (assignment.role === "contactPerson") bridged.add(key)
  }

  const processLeaderOf = new Map<RegionId, PersonId>()
  const rolesHeld = new Map<RegionId, Set<Role>>()
  for (const assignment of network.roles) {
    const held = rolesHeld.get(assignment.regionId) ?? new Set<Role>()
    held.add(assignment.role)
    rolesHeld.set(assignment.regionId, held)
    if (assignment.role === "processLeader") {
      const current = processLeaderOf.get(assignment.regionId)
      if (current === undefined || assignment.personId < current)
        processLeaderOf.set(assignment.regionId, assignment.personId)
    }
  }

  const cells: Array<CoverageCell> = []
  for (const region of network.regions) {
    const fallbackPerson = processLeaderOf.get(region.id)
    for (const group of activeGroups) {
      const key = `${region.id}\u0000${group.id}`
      const status = represented.has(key) ? "represented" : bridged.has(key) ? "bridged" : "uncovered"
      cells.push({
        regionId: region.id,
        themeGroupId: group.id,
        status,
        people: cellPeople.get(key) ?? [],
        ...(status === "uncovered" && fallbackPerson !== undefined
          ? { fallback: { personId: fallbackPerson, via: "processLeader" as const } }
          : {}),
      })
    }
  }

  const roleGaps = network.regions.flatMap((region) => {
    const held = rolesHeld.get(region.id)
    const missing = requiredRoles.filter((role) => !held?.has(role))
    return missing.length > 0 ? [{ regionId: region.id, missing }] : []
  })

  const missingFunctions = activeGroups.flatMap((group) => {
    const present = functionsInGroup.get(group.id)
    const missing = group.wantedFunctions.filter((fn) => !present?.has(fn))
    return missing.length > 0 ? [{ themeGroupId: group.id, missing }] : []
  })

  const missingSectors = network.regionalBodies.flatMap((body) => {
    const present = new Set<Sector>()
    for (const member of index.rolesByRegionalBody.get(body.id) ?? []) {
      const person = index.personById.get(member.personId)
      const unit = person?.orgUnitId === undefined ? undefined : index.orgUnitById.get(person.orgUnitId)
      if (unit !== undefined) present.add(unit.sector)
    }
    const missing = body.wantedSectors.filter((sector) => !present.has(sector))
    return missing.length > 0 ? [{ regionalBodyId: body.id, regionId: body.regionId, missing }] : []
  })

  return { cells, roleGaps, missingFunctions, missingSectors }
}

/** The coverage report narrowed to one region. */
export const coverageForRegion = (
  network: Network,
  regionId: RegionId,
): Effect.Effect<CoverageReport, NotFound> =>
  Effect.suspend(() => {
    if (!indexNetwork(network).regionById.has(regionId)) {
      return Effect.fail(new NotFound({ entity: "region", id: regionId }))
    }
    const report = coverage(network)
    return Effect.succeed({
      cells: report.cells.filter((cell) => cell.regionId === regionId),
      roleGaps: report.roleGaps.filter((gap) => gap.regionId === regionId),
      missingFunctions: report.missingFunctions,
      missingSectors: report.missingSectors.filter((gap) => gap.regionId === regionId),
    })
  })
