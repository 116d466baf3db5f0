import type { HealthcareRegionId, PersonId, RegionalBodyId, RegionId, ThemeGroupId } from "./ids.js"
import type {
  Follow,
  HealthcareRegion,
  Network,
  OrgUnit,
  Person,
  Region,
  RegionalBody,
  Role,
  RoleAssignment,
  ThemeGroup,
} from "./model.js"

/**
 * Lookup tables over a {@link Network}, built once per network object and shared by every
 * rule, so each rule is linear in the size of the network rather than quadratic.
 */
export interface NetworkIndex {
  readonly network: Network
  readonly healthcareRegionById: ReadonlyMap<HealthcareRegionId, HealthcareRegion>
  readonly regionById: ReadonlyMap<RegionId, Region>
  readonly orgUnitById: ReadonlyMap<string, OrgUnit>
  readonly themeGroupById: ReadonlyMap<ThemeGroupId, ThemeGroup>
  readonly personById: ReadonlyMap<PersonId, Person>
  readonly regionalBodyById: ReadonlyMap<RegionalBodyId, RegionalBody>
  /** Regions of a healthcare region, including regions for which it is not the primary one. */
  readonly regionsByHealthcareRegion: ReadonlyMap<HealthcareRegionId, ReadonlyArray<Region>>
  readonly peopleByRegion: ReadonlyMap<RegionId, ReadonlyArray<Person>>
  readonly rolesByPerson: ReadonlyMap<PersonId, ReadonlyArray<RoleAssignment>>
  readonly rolesByRegion: ReadonlyMap<RegionId, ReadonlyArray<RoleAssignment>>
  readonly rolesByThemeGroup: ReadonlyMap<ThemeGroupId, ReadonlyArray<RoleAssignment>>
  readonly rolesByRegionalBody: ReadonlyMap<RegionalBodyId, ReadonlyArray<RoleAssignment>>
  readonly followsByPerson: ReadonlyMap<PersonId, ReadonlyArray<Follow>>
  readonly followsByThemeGroup: ReadonlyMap<ThemeGroupId, ReadonlyArray<Follow>>
  readonly regionalBodiesByRegion: ReadonlyMap<RegionId, ReadonlyArray<RegionalBody>>
}

const cache = new WeakMap<Network, NetworkIndex>()

const byId = <K, V extends { readonly id: K }>(items: ReadonlyArray<V>): Map<K, V> => {
  const map = new Map<K, V>()
  for (const item of items) map.set(item.id, item)
  return map
}

const groupBy = <K, V>(items: ReadonlyArray<V>, key: (item: V) => K | undefined): Map<K, Array<V>> => {
  const map = new Map<K, Array<V>>()
  for (const item of items) {
    const k = key(item)
    if (k === undefined) continue
    const bucket = map.get(k)
    if (bucket === undefined) map.set(k, [item])
    else bucket.push(item)
  }
  return map
}

/** The index of a network; computed on first use and remembered for that network object. */
export const indexNetwork = (network: Network): NetworkIndex => {
  const cached = cache.get(network)
  if (cached !== undefined) return cached
  const regionsByHealthcareRegion = new Map<HealthcareRegionId, Array<Region>>()
  for (const region of network.regions) {
    for (const hcr of new Set(region.healthcareRegionIds)) {
      const bucket = regionsByHealthcareRegion.get(hcr)
      if (bucket === undefined) regionsByHealthcareRegion.set(hcr, [region])
      else bucket.push(region)
    }
  }
  let followsByPerson: Map<PersonId, Array<Follow>> | undefined
  let followsByThemeGroup: Map<ThemeGroupId, Array<Follow>> | undefined
  const index: NetworkIndex = {
    network,
    healthcareRegionById: byId(network.healthcareRegions),
    regionById: byId(network.regions),
    orgUnitById: byId<string, OrgUnit>(network.orgUnits),
    themeGroupById: byId(network.themeGroups),
    personById: byId(network.people),
    regionalBodyById: byId(network.regionalBodies),
    regionsByHealthcareRegion,
    peopleByRegion: groupBy(network.people, (p) => p.regionId),
    rolesByPerson: groupBy(network.roles, (r) => r.personId),
    rolesByRegion: groupBy(network.roles, (r) => r.regionId),
    rolesByThemeGroup: groupBy(network.roles, (r) => r.themeGroupId),
    rolesByRegionalBody: groupBy(network.roles, (r) => r.regionalBodyId),
    // Built on first use: follows are the largest list (850k in the 100k network) and only the
    // rules about following read them; coverage and validation do not.
    get followsByPerson() {
      followsByPerson ??= groupBy(network.follows, (f) => f.personId)
      return followsByPerson
    },
    get followsByThemeGroup() {
      followsByThemeGroup ??= groupBy(network.follows, (f) => f.themeGroupId)
      return followsByThemeGroup
    },
    regionalBodiesByRegion: groupBy(network.regionalBodies, (b) => b.regionId),
  }
  cache.set(network, index)
  return index
}

const none: ReadonlyArray<never> = []

/** Role holders of `role` in a region (optionally within one theme group). */
export const holdersOf = (
  index: NetworkIndex,
  regionId: RegionId,
  role: Role,
  themeGroupId?: ThemeGroupId,
): ReadonlyArray<RoleAssignment> =>
  (index.rolesByRegion.get(regionId) ?? none).filter(
    (r) => r.role === role && (themeGroupId === undefined || r.themeGroupId === themeGroupId),
  )

export const rolesOf = (index: NetworkIndex, personId: PersonId): ReadonlyArray<RoleAssignment> =>
  index.rolesByPerson.get(personId) ?? none
