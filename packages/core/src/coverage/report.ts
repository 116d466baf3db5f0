import { Effect, Schema } from "effect"
import { NotFound } from "../organisation/errors.js"
import { PersonId, RegionalBodyId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import { type Network, type Person, PersonFunction, Role, Sector } from "../organisation/model.js"

/** How a region takes part in a theme group; see {@link CoverageCell}. */
export const CoverageStatus = Schema.Literals(["represented", "bridged", "uncovered"])
export type CoverageStatus = typeof CoverageStatus.Type

/**
 * One region × theme group: `represented` (a participant), `bridged` (no participant, but a
 * contact person for the group who still takes its mail: "en kanal in"), or `uncovered`. An
 * uncovered cell names the fallback dissemination uses: the region's first process leader who
 * has not opted out of the group; without one, no fallback (nobody carries the group's mail in).
 * A contact person who opted out of the group (or of everything) is listed in `people` but
 * bridges nothing, as in `planDissemination`.
 */
export const CoverageCell = Schema.Struct({
  regionId: RegionId,
  themeGroupId: ThemeGroupId,
  status: CoverageStatus,
  people: Schema.Array(Schema.Struct({ personId: PersonId, role: Role })),
  fallback: Schema.optionalKey(Schema.Struct({ personId: PersonId, via: Schema.Literal("processLeader") })),
})
export type CoverageCell = typeof CoverageCell.Type

/** The result of {@link coverage}: the matrix plus the gaps a coordinator acts on. */
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

const optedOutOf = (person: Person, themeGroupId: ThemeGroupId): boolean =>
  person.preferences.optedOutOfAll || person.preferences.optedOutOfThemeGroups.includes(themeGroupId)

/**
 * "Alla regioner har inte möjlighet att vara med i alla temagrupper": the region × active
 * theme-group matrix with the people behind each cell, plus role gaps per region, wanted
 * functions each group lacks and sectors each regional body lacks. Linear in the network.
 */
export const coverage = (network: Network): CoverageReport => {
  const index = indexNetwork(network)
  const activeGroups = network.themeGroups.filter((group) => group.status === "active")

  // Cells live in flat arrays addressed by row (region) × column (group): one pass over the
  // roles fills them, with no per-cell scan and no composite string keys.
  const rowOf = new Map<RegionId, number>()
  network.regions.forEach((region, row) => {
    if (!rowOf.has(region.id)) rowOf.set(region.id, row)
  })
  const columnOf = new Map<ThemeGroupId, number>()
  activeGroups.forEach((group, column) => {
    if (!columnOf.has(group.id)) columnOf.set(group.id, column)
  })
  const width = activeGroups.length
  const cellCount = network.regions.length * width
  const cellPeople: Array<Array<{ personId: PersonId; role: Role }> | undefined> = new Array(cellCount)
  const represented = new Uint8Array(cellCount)
  const bridged = new Uint8Array(cellCount)
  const functionsInGroup = new Map<ThemeGroupId, Set<PersonFunction>>()
  const processLeadersOf = new Map<RegionId, Array<PersonId>>()
  const rolesHeld = new Map<RegionId, Set<Role>>()

  for (const assignment of network.roles) {
    const held = rolesHeld.get(assignment.regionId)
    if (held === undefined) rolesHeld.set(assignment.regionId, new Set([assignment.role]))
    else held.add(assignment.role)
    if (assignment.role === "processLeader") {
      const leaders = processLeadersOf.get(assignment.regionId)
      if (leaders === undefined) processLeadersOf.set(assignment.regionId, [assignment.personId])
      else leaders.push(assignment.personId)
      continue
    }
    const groupId = assignment.themeGroupId
    if (groupId === undefined) continue
    if (
      assignment.role !== "participant" &&
      assignment.role !== "contactPerson" &&
      assignment.role !== "chair"
    )
      continue
    if (assignment.role === "participant") {
      const fn = index.personById.get(assignment.personId)?.function
      if (fn !== undefined) {
        const fns = functionsInGroup.get(groupId)
        if (fns === undefined) functionsInGroup.set(groupId, new Set([fn]))
        else fns.add(fn)
      }
    }
    const row = rowOf.get(assignment.regionId)
    const column = columnOf.get(groupId)
    if (row === undefined || column === undefined) continue
    const cell = row * width + column
    const entry = { personId: assignment.personId, role: assignment.role }
    const people = cellPeople[cell]
    if (people === undefined) cellPeople[cell] = [entry]
    else people.push(entry)
    if (assignment.role === "participant") represented[cell] = 1
    else if (assignment.role === "contactPerson") {
      const person = index.personById.get(assignment.personId)
      if (person !== undefined && !optedOutOf(person, groupId)) bridged[cell] = 1
    }
  }
  for (const leaders of processLeadersOf.values()) leaders.sort()

  const noPeople: ReadonlyArray<{ personId: PersonId; role: Role }> = []
  const cells: Array<CoverageCell> = new Array(cellCount)
  network.regions.forEach((region, row) => {
    // A region listed twice shares its first row's cells.
    const sourceRow = rowOf.get(region.id) ?? row
    const leaders = processLeadersOf.get(region.id) ?? []
    for (let column = 0; column < width; column++) {
      const cell = sourceRow * width + column
      const regionId = region.id
      const themeGroupId = activeGroups[column]!.id
      const people = cellPeople[cell] ?? noPeople
      // The same choice as the plan's bridge: a process leader who still takes the group's mail.
      const fallbackPerson = leaders.find((personId) => {
        const person = index.personById.get(personId)
        return person !== undefined && !optedOutOf(person, themeGroupId)
      })
      const fallback =
        fallbackPerson === undefined ? undefined : { personId: fallbackPerson, via: "processLeader" as const }
      cells[row * width + column] =
        represented[cell] === 1
          ? { regionId, themeGroupId, status: "represented", people }
          : bridged[cell] === 1
            ? { regionId, themeGroupId, status: "bridged", people }
            : fallback === undefined
              ? { regionId, themeGroupId, status: "uncovered", people }
              : { regionId, themeGroupId, status: "uncovered", people, fallback }
    }
  })

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

/**
 * The coverage report narrowed to one region: its cells, its role gaps and its regional
 * bodies' missing sectors. Missing functions stay per group, since a group's functions come
 * from all regions. Fails with `NotFound` for an unknown region.
 */
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
