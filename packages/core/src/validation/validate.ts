import type { EntityKind } from "../organisation/errors.js"
import type { PersonId, RegionId } from "../organisation/ids.js"
import { holdersOf, indexNetwork, type NetworkIndex } from "../organisation/index-network.js"
import type { Network, Role } from "../organisation/model.js"
import { reportingLines } from "../reporting/lines.js"
import type { NetworkProblem } from "./problems.js"

const requiredRoles = ["processLeader", "presidiumMember", "management"] as const

const danglingReferences = (index: NetworkIndex): Array<NetworkProblem> => {
  const problems: Array<NetworkProblem> = []
  const dangling = (entity: EntityKind, id: string, field: string, missingId: string) =>
    problems.push({ _tag: "DanglingReference", entity, id, field, missingId })
  const { network } = index
  for (const region of network.regions) {
    for (const hcr of region.healthcareRegionIds) {
      if (!index.healthcareRegionById.has(hcr)) dangling("region", region.id, "healthcareRegionIds", hcr)
    }
  }
  for (const unit of network.orgUnits) {
    if (!index.regionById.has(unit.regionId)) dangling("orgUnit", unit.id, "regionId", unit.regionId)
  }
  for (const group of network.themeGroups) {
    if (group.mergedInto !== undefined && !index.themeGroupById.has(group.mergedInto)) {
      dangling("themeGroup", group.id, "mergedInto", group.mergedInto)
    }
  }
  for (const person of network.people) {
    if (!index.regionById.has(person.regionId)) dangling("person", person.id, "regionId", person.regionId)
    if (person.orgUnitId !== undefined && !index.orgUnitById.has(person.orgUnitId)) {
      dangling("person", person.id, "orgUnitId", person.orgUnitId)
    }
    for (const group of person.preferences.optedOutOfThemeGroups) {
      if (!index.themeGroupById.has(group))
        dangling("person", person.id, "preferences.optedOutOfThemeGroups", group)
    }
  }
  for (const role of network.roles) {
    if (!index.personById.has(role.personId)) dangling("roleAssignment", role.id, "personId", role.personId)
    if (!index.regionById.has(role.regionId)) dangling("roleAssignment", role.id, "regionId", role.regionId)
    if (role.themeGroupId !== undefined && !index.themeGroupById.has(role.themeGroupId)) {
      dangling("roleAssignment", role.id, "themeGroupId", role.themeGroupId)
    }
    if (role.regionalBodyId !== undefined && !index.regionalBodyById.has(role.regionalBodyId)) {
      dangling("roleAssignment", role.id, "regionalBodyId", role.regionalBodyId)
    }
    const needsGroup = role.role === "participant" || role.role === "chair" || role.role === "contactPerson"
    if (needsGroup && role.themeGroupId === undefined) {
      problems.push({
        _tag: "IncompleteRole",
        roleAssignmentId: role.id,
        personId: role.personId,
        role: role.role,
        missingField: "themeGroupId",
      })
    }
    if (role.role === "bodyMember" && role.regionalBodyId === undefined) {
      problems.push({
        _tag: "IncompleteRole",
        roleAssignmentId: role.id,
        personId: role.personId,
        role: role.role,
        missingField: "regionalBodyId",
      })
    }
  }
  for (const body of network.regionalBodies) {
    if (!index.regionById.has(body.regionId)) dangling("regionalBody", body.id, "regionId", body.regionId)
  }
  for (const rule of network.reportingRules) {
    if (rule.regionId !== undefined && !index.regionById.has(rule.regionId)) {
      dangling("reportingRule", rule.id, "regionId", rule.regionId)
    }
  }
  for (const follow of network.follows) {
    if (!index.personById.has(follow.personId))
      dangling("person", follow.personId, "follows.personId", follow.personId)
    if (!index.themeGroupById.has(follow.themeGroupId)) {
      dangling("person", follow.personId, "follows.themeGroupId", follow.themeGroupId)
    }
  }
  return problems
}

/** Role cycles in a region's effective reportsTo lines, each reported once. */
const reportingCycles = (index: NetworkIndex, regionId: RegionId): Array<NetworkProblem> => {
  const edges = new Map<Role, Array<Role>>()
  for (const line of reportingLines(index.network, regionId)) {
    if (line.relation !== "reportsTo") continue
    edges.set(line.from, [...(edges.get(line.from) ?? []), line.to])
  }
  const problems: Array<NetworkProblem> = []
  const reported = new Set<string>()
  const state = new Map<Role, "visiting" | "done">()
  const path: Array<Role> = []
  const visit = (role: Role): void => {
    state.set(role, "visiting")
    path.push(role)
    for (const next of edges.get(role) ?? []) {
      if (state.get(next) === "visiting") {
        const cycle = path.slice(path.indexOf(next))
        const key = [...cycle].sort().join(">")
        if (!reported.has(key)) {
          reported.add(key)
          const personIds = [
            ...new Set(cycle.flatMap((r) => holdersOf(index, regionId, r).map((a) => a.personId))),
          ].sort()
          problems.push({ _tag: "ReportingCycle", regionId, roles: cycle, personIds })
        }
      } else if (state.get(next) === undefined) {
        visit(next)
      }
    }
    path.pop()
    state.set(role, "done")
  }
  for (const role of edges.keys()) if (state.get(role) === undefined) visit(role)
  return problems
}

/**
 * Everything wrong with a network, each problem with its kind and the ids involved: dangling
 * references, roles missing their group or body, regions without a process leader, presidium
 * member or management contact, reporting cycles, and role holders with nobody to report to
 * ("Bra om rollen som temagruppsdeltagare är tydlig, vem/vilka rapportera till").
 */
export const validateNetwork = (network: Network): ReadonlyArray<NetworkProblem> => {
  const index = indexNetwork(network)
  const problems = danglingReferences(index)
  for (const region of network.regions) {
    const held = new Set((index.rolesByRegion.get(region.id) ?? []).map((r) => r.role))
    for (const role of requiredRoles) {
      if (!held.has(role)) problems.push({ _tag: "MissingRole", regionId: region.id, role })
    }
    problems.push(...reportingCycles(index, region.id))
    const holders = new Map<Role, Set<PersonId>>()
    for (const assignment of index.rolesByRegion.get(region.id) ?? []) {
      const set = holders.get(assignment.role) ?? new Set<PersonId>()
      set.add(assignment.personId)
      holders.set(assignment.role, set)
    }
    const targetsOf = new Map<Role, Array<Role>>()
    for (const line of reportingLines(network, region.id)) {
      if (line.relation !== "reportsTo") continue
      const targets = targetsOf.get(line.from)
      if (targets === undefined) targetsOf.set(line.from, [line.to])
      else targets.push(line.to)
    }
    const seen = new Set<string>()
    for (const assignment of index.rolesByRegion.get(region.id) ?? []) {
      if (assignment.role === "management") continue
      const key = `${assignment.personId}/${assignment.role}`
      if (seen.has(key)) continue
      seen.add(key)
      const targets = targetsOf.get(assignment.role) ?? []
      const someoneElseHolds = (target: Role): boolean => {
        const people = holders.get(target)
        return people !== undefined && (people.size > 1 || !people.has(assignment.personId))
      }
      const reason =
        targets.length === 0
          ? "noRuleForRole"
          : targets.some(someoneElseHolds)
            ? undefined
            : "nobodyHoldsTargetRole"
      if (reason !== undefined) {
        problems.push({
          _tag: "NobodyToReportTo",
          personId: assignment.personId,
          regionId: region.id,
          role: assignment.role,
          reason,
        })
      }
    }
  }
  return problems
}
