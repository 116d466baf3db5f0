/**
 * `@spridning/core/synthetic`: networks of any size for benchmarks and property tests.
 * Seeded, so a size and a seed always give the same network.
 * @packageDocumentation
 */
import { defaultReportingRules } from "../demo/network.js"
import { demoHealthcareRegions, demoRegionFacts } from "../demo/regions.js"
import type {
  HealthcareRegionId,
  OrgUnitId,
  PersonId,
  RegionalBodyId,
  RegionId,
  ReportingRuleId,
  RoleAssignmentId,
  ThemeGroupId,
} from "../organisation/ids.js"
import type {
  Channel,
  Follow,
  FollowFrequency,
  KnowledgeGovernanceLink,
  Language,
  MemberKind,
  Network,
  OrgUnit,
  Person,
  PersonFunction,
  Preferences,
  Region,
  RegionalBody,
  RegionalBodyKind,
  ReportingRule,
  Role,
  RoleAssignment,
  Sector,
  ThemeGroup,
} from "../organisation/model.js"
import { type Random, seededRandom } from "./random.js"
import { emailLocalPart, firstNames, lastNames } from "./swedish-names.js"

export { type Random, seededRandom } from "./random.js"

export interface SyntheticNetworkOptions {
  /** How many people; the size knob. */
  readonly people: number
  /** Members of the network; the first 21 are the real regions. Default 300. */
  readonly memberOrganisations?: number
  /** Theme groups, about 4 % of them merged into another. Default 200. */
  readonly themeGroups?: number
  /** Default 1. */
  readonly seed?: number
}

/**
 * Chances of the gaps real networks have. With few people per member most cells of the
 * coverage matrix are uncovered, as in a network where small members sit in few groups.
 */
const gapRates = {
  noManagement: 0.03,
  noPresidiumMember: 0.05,
  noProcessLeader: 0.03,
  ownReportingRules: 0.02,
  reportingCycle: 0.005,
} as const

const topics: ReadonlyArray<string> = [
  "Tobaksprevention",
  "Alkoholprevention",
  "Matvanor",
  "Fysisk aktivitet",
  "Psykisk hälsa",
  "Barn och unga",
  "Jämlik vård",
  "PROM",
  "Hälsofrämjande arbetsplats",
  "Hälsofrämjande primärvård",
  "Hälsofrämjande förhållningssätt",
  "Avtal och ersättning",
  "Äldres hälsa",
  "Sömn",
  "Migration och hälsa",
  "Hälsofrämjande sjukhus",
]

// biome-ignore format: a name list reads better as a table
const towns: ReadonlyArray<string> = [
  "Kiruna", "Skellefteå", "Örnsköldsvik", "Hudiksvall", "Borlänge", "Mora", "Enköping", "Nyköping",
  "Norrköping", "Motala", "Västervik", "Värnamo", "Växjö", "Ljungby", "Karlshamn", "Kristianstad",
  "Helsingborg", "Lund", "Ystad", "Varberg", "Kungsbacka", "Borås", "Trollhättan", "Skövde",
  "Uddevalla", "Lidköping", "Arvika", "Karlskoga", "Köping", "Sala", "Sandviken", "Söderhamn",
  "Härnösand", "Piteå", "Lycksele", "Sundsvall", "Södertälje", "Norrtälje", "Visby", "Eksjö",
]

const memberKinds: ReadonlyArray<Exclude<MemberKind, "region">> = ["municipality", "hospital", "careProvider"]
const memberKindNames: Record<Exclude<MemberKind, "region">, (town: string) => string> = {
  municipality: (town) => `${town} kommun`,
  hospital: (town) => `${town} sjukhus`,
  careProvider: (town) => `Vårdcentralen ${town}`,
}
const sectors: ReadonlyArray<Sector> = [
  "care",
  "publicHealth",
  "regionalDevelopment",
  "municipality",
  "school",
  "other",
]
const functions: ReadonlyArray<PersonFunction> = [
  "clinician",
  "clinician",
  "clinician",
  "publicHealthOfficer",
  "publicHealthOfficer",
  "strategist",
  "manager",
  "coordinator",
  "researcher",
  "other",
]
const frequencies: ReadonlyArray<FollowFrequency> = ["immediate", "daily", "weekly", "weekly"]
const bodyKinds: ReadonlyArray<RegionalBodyKind> = ["referenceGroup", "council", "network"]
const programmeAreas: ReadonlyArray<string> = [
  "Levnadsvanor",
  "Psykisk hälsa",
  "Barn och ungdomars hälsa",
  "Primärvård",
]

const requireCount = (name: string, value: number, minimum: number): number => {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`syntheticNetwork: ${name} must be an integer ≥ ${minimum}, got ${value}`)
  }
  return value
}

/** Distinct items, `count` of them, drawn with `draw` (which must be able to produce that many). */
const distinct = <T>(count: number, draw: () => T): Array<T> => {
  const chosen: Array<T> = []
  while (chosen.length < count) {
    const item = draw()
    if (!chosen.includes(item)) chosen.push(item)
  }
  return chosen
}

/**
 * Shared, immutable preference objects: most people choose among a handful of the same
 * settings, and sharing them keeps a 100k-person network small in memory.
 */
const preferencePool = (() => {
  const pool: Array<Preferences> = []
  const channelChoices: ReadonlyArray<ReadonlyArray<Channel>> = [
    ["email"],
    ["email"],
    ["email", "slack"],
    ["slack"],
  ]
  for (const channels of channelChoices) {
    for (const language of [
      "sv",
      "sv",
      "sv",
      "sv",
      "sv",
      "sv",
      "sv",
      "sv",
      "sv",
      "en",
    ] as ReadonlyArray<Language>) {
      pool.push({ channels, language, optedOutOfAll: false, optedOutOfThemeGroups: [] })
    }
  }
  return pool
})()
const optedOutOfAll: Preferences = {
  channels: ["email"],
  language: "sv",
  optedOutOfAll: true,
  optedOutOfThemeGroups: [],
}

/**
 * A network of the given size with realistic shape: people spread over member organisations
 * (half of them in the 21 regions), about ten role and follow edges per person, popular and
 * niche theme groups, regional bodies with wanted sectors, and the usual gaps — members
 * without management, presidium member or process leader, a few regional reporting rules,
 * rarely a reporting cycle, a few opt-outs. Deterministic for a given seed.
 */
export const syntheticNetwork = (options: SyntheticNetworkOptions): Network => {
  const peopleCount = requireCount("people", options.people, 0)
  const memberCount = requireCount("memberOrganisations", options.memberOrganisations ?? 300, 1)
  const groupCount = requireCount("themeGroups", options.themeGroups ?? 200, 1)
  const random = seededRandom(options.seed ?? 1)

  const regions: Array<Region> = []
  const domains: Array<string> = []
  for (let m = 0; m < memberCount; m++) {
    const real = demoRegionFacts[m]
    if (real !== undefined) {
      regions.push(real.region)
      domains.push(real.emailDomain)
      continue
    }
    const kind = random.pick(memberKinds)
    const town = towns[m % towns.length] as string
    const primary = random.pick(demoHealthcareRegions).id
    const second = random.chance(0.02) ? random.pick(demoHealthcareRegions).id : primary
    const healthcareRegionIds: [HealthcareRegionId, ...Array<HealthcareRegionId>] =
      second === primary ? [primary] : [primary, second]
    regions.push({
      id: `member-${m}` as RegionId,
      name: `${memberKindNames[kind](town)} ${m}`,
      kind,
      healthcareRegionIds,
    })
    domains.push(`${emailLocalPart(town).replace(/\./g, "")}${m}.se`)
  }

  const orgUnits: Array<OrgUnit> = []
  const unitsByMember: Array<Array<OrgUnit>> = []
  for (const region of regions) {
    const units: Array<OrgUnit> = []
    const unitCount = region.kind === "region" ? 6 : 2
    for (let u = 0; u < unitCount; u++) {
      const sector =
        u < sectors.length && region.kind === "region" ? (sectors[u] as Sector) : random.pick(sectors)
      units.push({
        id: `ou-${region.id}-${u}` as OrgUnitId,
        regionId: region.id,
        name: `Verksamhet ${u + 1}`,
        sector,
      })
    }
    unitsByMember.push(units)
    orgUnits.push(...units)
  }

  const themeGroups: Array<ThemeGroup> = []
  for (let g = 0; g < groupCount; g++) {
    const topic = topics[g % topics.length] as string
    const round = Math.floor(g / topics.length)
    const merged = g > 0 && random.chance(0.04)
    const knowledgeGovernance: KnowledgeGovernanceLink | undefined = random.chance(0.3)
      ? { level: random.chance(0.7) ? "NPO" : "RPO", area: random.pick(programmeAreas) }
      : undefined
    themeGroups.push({
      id: `tg-${g}` as ThemeGroupId,
      name: round === 0 ? topic : `${topic} ${round + 1}`,
      topic,
      status: merged ? "merged" : "active",
      ...(merged ? { mergedInto: "tg-0" as ThemeGroupId } : {}),
      wantedFunctions: distinct(1 + random.int(3), () => random.pick(functions)),
      ...(knowledgeGovernance === undefined ? {} : { knowledgeGovernance }),
    })
  }
  // Roles and follows live on active groups only: a merge moved them.
  const activeGroupIds = themeGroups.filter((g) => g.status === "active").map((g) => g.id)
  // A few groups are large and many are small.
  const popularGroup = (): ThemeGroupId =>
    activeGroupIds[Math.floor(activeGroupIds.length * random.next() ** 1.7)] as ThemeGroupId

  const regionalBodies: Array<RegionalBody> = []
  const bodiesByMember: Array<Array<RegionalBodyId>> = []
  for (const region of regions) {
    const count = region.kind === "region" ? 2 : random.chance(0.15) ? 1 : 0
    const ids: Array<RegionalBodyId> = []
    for (let b = 0; b < count; b++) {
      const id = `rb-${region.id}-${b}` as RegionalBodyId
      const kind = random.pick(bodyKinds)
      ids.push(id)
      regionalBodies.push({
        id,
        regionId: region.id,
        kind,
        name:
          kind === "referenceGroup"
            ? "Referensgrupp"
            : kind === "council"
              ? "Regionalt råd"
              : "Regionalt nätverk",
        wantedSectors: distinct(2 + random.int(4), () => random.pick(sectors)),
      })
    }
    bodiesByMember.push(ids)
  }

  const foldedFirst = firstNames.map(emailLocalPart)
  const foldedLast = lastNames.map(emailLocalPart)
  const idWidth = String(Math.max(peopleCount, 1)).length
  const people: Array<Person> = new Array(peopleCount)
  const memberOf = new Int32Array(peopleCount)
  const peopleByMember: Array<Array<number>> = regions.map(() => [])
  const realRegions = Math.min(memberCount, demoRegionFacts.length)
  for (let i = 0; i < peopleCount; i++) {
    const member =
      realRegions === memberCount || random.chance(0.5)
        ? random.int(realRegions)
        : realRegions + random.int(memberCount - realRegions)
    const region = regions[member] as Region
    const first = random.int(firstNames.length)
    const last = random.int(lastNames.length)
    const roll = random.next()
    const preferences =
      roll < 0.01
        ? optedOutOfAll
        : roll < 0.02
          ? {
              ...(preferencePool[0] as Preferences),
              optedOutOfThemeGroups: [random.pick(activeGroupIds)],
            }
          : random.pick(preferencePool)
    people[i] = {
      id: `person-${String(i + 1).padStart(idWidth, "0")}` as PersonId,
      name: `${firstNames[first]} ${lastNames[last]}`,
      email: `${foldedFirst[first]}.${foldedLast[last]}.${i + 1}@${domains[member]}`,
      function: random.pick(functions),
      regionId: region.id,
      orgUnitId: random.pick(unitsByMember[member] as Array<OrgUnit>).id,
      preferences,
    }
    memberOf[i] = member
    peopleByMember[member]?.push(i)
  }

  const roles: Array<RoleAssignment> = []
  const follows: Array<Follow> = []
  const assign = (
    personIndex: number,
    role: Role,
    scope?: { readonly themeGroupId: ThemeGroupId } | { readonly regionalBodyId: RegionalBodyId },
  ): void => {
    const person = people[personIndex] as Person
    roles.push({
      id: `role-${roles.length + 1}` as RoleAssignmentId,
      personId: person.id,
      role,
      regionId: person.regionId,
      ...scope,
    })
  }

  const reportingRules: Array<ReportingRule> = [...defaultReportingRules]
  regions.forEach((region, member) => {
    const members = peopleByMember[member] as Array<number>
    if (members.length === 0) return
    const holder = (k: number) => members[k % members.length] as number
    if (!random.chance(gapRates.noManagement)) assign(holder(0), "management")
    if (!random.chance(gapRates.noPresidiumMember)) assign(holder(1), "presidiumMember")
    if (!random.chance(gapRates.noProcessLeader)) assign(holder(2), "processLeader")
    const ownRule = (from: Role, to: Role) =>
      reportingRules.push({
        id: `rule-${region.id}-${from}-${to}` as ReportingRuleId,
        regionId: region.id,
        from,
        to,
        relation: "reportsTo",
      })
    if (random.chance(gapRates.ownReportingRules)) ownRule("processLeader", "presidiumMember")
    else if (random.chance(gapRates.reportingCycle)) {
      ownRule("processLeader", "presidiumMember")
      ownRule("presidiumMember", "processLeader")
    }
  })

  const chaired = new Set<ThemeGroupId>()
  for (let i = 0; i < peopleCount; i++) {
    const groups = random.chance(0.75) ? (random.chance(0.35) ? 2 : 1) : 0
    let firstGroup: ThemeGroupId | undefined
    for (let k = 0; k < groups; k++) {
      const themeGroupId = popularGroup()
      if (themeGroupId === firstGroup) continue
      firstGroup = themeGroupId
      assign(i, "participant", { themeGroupId })
      if (!chaired.has(themeGroupId)) {
        chaired.add(themeGroupId)
        assign(i, "chair", { themeGroupId })
      }
    }
    if (random.chance(0.08)) assign(i, "contactPerson", { themeGroupId: random.pick(activeGroupIds) })
    const bodies = bodiesByMember[memberOf[i] as number] as Array<RegionalBodyId>
    if (bodies.length > 0 && random.chance(0.05))
      assign(i, "bodyMember", { regionalBodyId: random.pick(bodies) })

    const personId = (people[i] as Person).id
    const followCount = Math.min(5 + random.int(8), activeGroupIds.length)
    for (const themeGroupId of distinct(
      followCount,
      popularGroupOrAny(random, activeGroupIds, popularGroup),
    )) {
      follows.push({ personId, themeGroupId, frequency: random.pick(frequencies) })
    }
  }

  return {
    healthcareRegions: demoHealthcareRegions,
    regions,
    orgUnits,
    themeGroups,
    people,
    roles,
    regionalBodies,
    reportingRules,
    follows,
  }
}

/**
 * Follows lean towards popular groups but may land anywhere, so that drawing many distinct
 * groups for one person never stalls on the long tail.
 */
const popularGroupOrAny =
  (random: Random, activeGroupIds: ReadonlyArray<ThemeGroupId>, popularGroup: () => ThemeGroupId) =>
  (): ThemeGroupId =>
    random.chance(0.5) ? popularGroup() : random.pick(activeGroupIds)
