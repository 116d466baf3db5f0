import type {
  OrgUnitId,
  PersonId,
  RegionalBodyId,
  RegionId,
  ReportingRuleId,
  RoleAssignmentId,
  ThemeGroupId,
} from "../organisation/ids.js"
import type {
  Follow,
  FollowFrequency,
  Network,
  OrgUnit,
  Person,
  PersonFunction,
  Preferences,
  RegionalBody,
  RegionalBodyKind,
  ReportingRelation,
  ReportingRule,
  Role,
  RoleAssignment,
  Sector,
} from "../organisation/model.js"
import { seededRandom } from "../synthetic/random.js"
import { emailLocalPart, firstNames, lastNames } from "../synthetic/swedish-names.js"
import { type DemoRegionFacts, demoHealthcareRegions, demoRegionFacts } from "./regions.js"
import { demoMergedThemeGroup, demoThemeGroupPlans } from "./theme-groups.js"

/**
 * The gaps the demo network is built to show, by id, so tests and the demo program can point
 * at them. Everything else in the network is in order.
 */
export const demoGaps = {
  /** No process leader: its uncovered groups have no bridge, its participants' chains break. */
  regionWithoutProcessLeader: "region-jamtland-harjedalen" as RegionId,
  /** No presidium member. */
  regionWithoutPresidiumMember: "region-gotland" as RegionId,
  /** Its own rules make the process leader and the presidium member report to each other. */
  regionWithReportingCycle: "region-kalmar-lan" as RegionId,
  /** A sensible override: the process leader reports to the presidium member. */
  regionWithOwnReportingRules: "region-skane" as RegionId,
  /** Wants regional development and school, has neither. */
  regionalBodyMissingSectors: "rb-skane-halsoframjande-rad" as RegionalBodyId,
  /** Groups whose participants lack a wanted function. */
  themeGroupsMissingFunctions: {
    "tg-prom": ["researcher"],
    "tg-halsoframjande-arbetsplats": ["manager"],
  } as Readonly<Record<string, ReadonlyArray<PersonFunction>>>,
  /** The group of the demo's main update: one region bridged by a contact person, two by
   * their process leader, one unreachable. */
  alcoholGroup: "tg-alkohol" as ThemeGroupId,
} as const

interface BodyPlan {
  readonly slug: string
  readonly regionSlug: string
  readonly kind: RegionalBodyKind
  readonly name: string
  readonly wantedSectors: ReadonlyArray<Sector>
  /** The sectors its members come from. */
  readonly memberSectors: ReadonlyArray<Sector>
}

/** "bred representation": regional arenas and the sectors they want at the table. */
const bodyPlans: ReadonlyArray<BodyPlan> = [
  {
    slug: "skane-halsoframjande-rad",
    regionSlug: "skane",
    kind: "council",
    name: "Regionalt råd för hälsofrämjande hälso- och sjukvård",
    wantedSectors: ["care", "publicHealth", "regionalDevelopment", "municipality", "school"],
    memberSectors: ["care", "care", "publicHealth", "municipality"],
  },
  {
    slug: "vastra-gotaland-hfs-natverk",
    regionSlug: "vastra-gotaland",
    kind: "network",
    name: "HFS-nätverket i Västra Götaland",
    wantedSectors: ["care", "publicHealth", "municipality"],
    memberSectors: ["care", "publicHealth", "municipality", "care"],
  },
  {
    slug: "ostergotland-regionalt-natverk",
    regionSlug: "ostergotland",
    kind: "network",
    name: "Regionalt nätverk för hälsofrämjande",
    wantedSectors: ["care", "publicHealth", "regionalDevelopment", "municipality", "school"],
    memberSectors: ["care", "publicHealth", "regionalDevelopment", "municipality", "school"],
  },
  {
    slug: "orebro-lan-referensgrupp",
    regionSlug: "orebro-lan",
    kind: "referenceGroup",
    name: "Referensgrupp för hälsofrämjande vård",
    wantedSectors: ["care"],
    memberSectors: ["care", "care", "care"],
  },
  {
    slug: "dalarna-referensgrupp",
    regionSlug: "dalarna",
    kind: "referenceGroup",
    name: "HFS-referensgruppen",
    wantedSectors: ["care", "publicHealth"],
    memberSectors: ["care", "publicHealth", "care"],
  },
]

const rule = (
  id: string,
  from: Role,
  relation: ReportingRelation,
  to: Role,
  regionId?: RegionId,
): ReportingRule => ({
  id: id as ReportingRuleId,
  from,
  relation,
  to,
  ...(regionId === undefined ? {} : { regionId }),
})

/**
 * "Bra om rollen som temagruppsdeltagare är tydlig, vem/vilka rapportera till, vem få input
 * ifrån?" Everyone in a theme group reports to the region's process leader, who reports to
 * management; the presidium member brings the national picture to management and the process
 * leader.
 */
export const defaultReportingRules: ReadonlyArray<ReportingRule> = [
  rule("rule-participant-reports-to-process-leader", "participant", "reportsTo", "processLeader"),
  rule("rule-chair-reports-to-process-leader", "chair", "reportsTo", "processLeader"),
  rule("rule-contact-person-reports-to-process-leader", "contactPerson", "reportsTo", "processLeader"),
  rule("rule-body-member-reports-to-process-leader", "bodyMember", "reportsTo", "processLeader"),
  rule("rule-process-leader-reports-to-management", "processLeader", "reportsTo", "management"),
  rule("rule-presidium-member-reports-to-management", "presidiumMember", "reportsTo", "management"),
  rule("rule-participant-input-from-process-leader", "participant", "getsInputFrom", "processLeader"),
  rule("rule-contact-person-input-from-process-leader", "contactPerson", "getsInputFrom", "processLeader"),
  rule(
    "rule-process-leader-input-from-presidium-member",
    "processLeader",
    "getsInputFrom",
    "presidiumMember",
  ),
  rule("rule-management-input-from-presidium-member", "management", "getsInputFrom", "presidiumMember"),
]

const regionalReportingRules: ReadonlyArray<ReportingRule> = [
  // In Skåne the process leader sits under the public-health director, the presidium member.
  rule(
    "rule-skane-process-leader-reports-to-presidium-member",
    "processLeader",
    "reportsTo",
    "presidiumMember",
    demoGaps.regionWithOwnReportingRules,
  ),
  // Kalmar län moved its process leader under the presidium member but kept the old line the
  // other way round: the two now report to each other and nothing reaches management.
  rule(
    "rule-kalmar-lan-process-leader-reports-to-presidium-member",
    "processLeader",
    "reportsTo",
    "presidiumMember",
    demoGaps.regionWithReportingCycle,
  ),
  rule(
    "rule-kalmar-lan-presidium-member-reports-to-process-leader",
    "presidiumMember",
    "reportsTo",
    "processLeader",
    demoGaps.regionWithReportingCycle,
  ),
]

type UnitKind =
  | "ledning"
  | "sjukhus"
  | "primarvard"
  | "folkhalsa"
  | "regional-utveckling"
  | "kommun"
  | "elevhalsa"

const unitSectors: Record<UnitKind, Sector> = {
  ledning: "care",
  sjukhus: "care",
  primarvard: "care",
  folkhalsa: "publicHealth",
  "regional-utveckling": "regionalDevelopment",
  kommun: "municipality",
  elevhalsa: "school",
}

const unitForSector: Record<Sector, UnitKind> = {
  care: "sjukhus",
  publicHealth: "folkhalsa",
  regionalDevelopment: "regional-utveckling",
  municipality: "kommun",
  school: "elevhalsa",
  other: "ledning",
}

const unitForFunction: Record<PersonFunction, UnitKind> = {
  clinician: "sjukhus",
  strategist: "folkhalsa",
  manager: "primarvard",
  publicHealthOfficer: "folkhalsa",
  coordinator: "folkhalsa",
  director: "ledning",
  researcher: "sjukhus",
  other: "kommun",
}

const orgUnitsOf = (facts: DemoRegionFacts): ReadonlyArray<OrgUnit> => {
  const names: Record<UnitKind, string> = {
    ledning: "Hälso- och sjukvårdsförvaltningen",
    sjukhus: facts.hospital,
    primarvard: `Primärvården ${facts.town}`,
    folkhalsa: "Folkhälsa och social hållbarhet",
    "regional-utveckling": "Regional utveckling",
    kommun: `${facts.town} kommun`,
    elevhalsa: `Elevhälsan, ${facts.town} kommun`,
  }
  return (Object.keys(names) as Array<UnitKind>).map((kind) => ({
    id: unitId(facts, kind),
    regionId: facts.region.id,
    name: names[kind],
    sector: unitSectors[kind],
  }))
}

const unitId = (facts: DemoRegionFacts, kind: UnitKind): OrgUnitId => `ou-${facts.slug}-${kind}` as OrgUnitId

const frequencies: ReadonlyArray<FollowFrequency> = ["immediate", "daily", "weekly", "weekly"]

/** Builds the demo network. Deterministic: every call gives an equal network. */
export const buildDemoNetwork = (): Network => {
  const random = seededRandom(20_261_123)
  const people: Array<Person> = []
  const roles: Array<RoleAssignment> = []
  const follows: Array<Follow> = []
  const usedNames = new Set<string>()
  const activeGroupIds = demoThemeGroupPlans.map((plan) => plan.group.id)

  const preferences = (): Preferences => {
    const roll = random.next()
    return {
      channels: roll < 0.72 ? ["email"] : roll < 0.87 ? ["email", "slack"] : ["slack"],
      language: random.chance(0.05) ? "en" : "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: [],
    }
  }

  const addPerson = (facts: DemoRegionFacts, fn: PersonFunction, unit: UnitKind): Person => {
    let name = ""
    do name = `${random.pick(firstNames)} ${random.pick(lastNames)}`
    while (usedNames.has(name))
    usedNames.add(name)
    const person: Person = {
      id: `person-${String(people.length + 1).padStart(4, "0")}` as PersonId,
      name,
      // Reserved .example domains (RFC 2606): demo data must never reach a real inbox.
      email: `${emailLocalPart(name)}@${facts.emailDomain.replace(/\.se$/, ".example")}`,
      function: fn,
      regionId: facts.region.id,
      orgUnitId: unitId(facts, unit),
      preferences: preferences(),
    }
    people.push(person)
    return person
  }

  const assign = (
    person: Person,
    role: Role,
    scope?: { themeGroupId: ThemeGroupId } | { regionalBodyId: RegionalBodyId },
  ): void => {
    const scopeId =
      scope === undefined
        ? ""
        : "themeGroupId" in scope
          ? `-${scope.themeGroupId}`
          : `-${scope.regionalBodyId}`
    roles.push({
      id: `role-${person.id.slice("person-".length)}-${role}${scopeId}` as RoleAssignmentId,
      personId: person.id,
      role,
      regionId: person.regionId,
      ...scope,
    })
  }

  const follow = (person: Person, themeGroupId: ThemeGroupId, frequency: FollowFrequency): void => {
    follows.push({ personId: person.id, themeGroupId, frequency })
  }

  const processLeaders = new Map<RegionId, Person>()
  const staffFollowers: Array<Person> = []

  for (const facts of demoRegionFacts) {
    const regionId = facts.region.id
    assign(addPerson(facts, "director", "ledning"), "management")
    if (regionId !== demoGaps.regionWithoutPresidiumMember) {
      assign(addPerson(facts, "director", "ledning"), "presidiumMember")
    }
    if (regionId !== demoGaps.regionWithoutProcessLeader) {
      const processLeader = addPerson(facts, "coordinator", "folkhalsa")
      assign(processLeader, "processLeader")
      processLeaders.set(regionId, processLeader)
      // "kontaktperson … kan få mejlutskick": process leaders follow every group so they can
      // pass news on to regions' uncovered corners.
      for (const id of activeGroupIds) follow(processLeader, id, "weekly")
    }

    // One named contact person per region serves every group the region is not in.
    let contactPerson: Person | undefined
    // In smaller regions one public-health officer carries both tobacco and alcohol.
    let lifestyleParticipant: Person | undefined
    for (const plan of demoThemeGroupPlans) {
      const themeGroupId = plan.group.id
      if (plan.uncovered.includes(facts.slug)) {
        if (plan.contactPersonIn.includes(facts.slug)) {
          contactPerson ??= addPerson(facts, "strategist", "folkhalsa")
          assign(contactPerson, "contactPerson", { themeGroupId })
        }
        continue
      }
      const count = facts.large ? 2 : 1
      for (let i = 0; i < count; i++) {
        const sharesLifestyle =
          !facts.large &&
          (themeGroupId === "tg-tobak" || themeGroupId === "tg-alkohol") &&
          lifestyleParticipant !== undefined
        const fn = random.pick(plan.participantFunctions)
        const participant =
          sharesLifestyle && lifestyleParticipant !== undefined
            ? lifestyleParticipant
            : addPerson(facts, fn, unitForFunction[fn])
        if (!facts.large && themeGroupId === "tg-tobak" && participant.function === "publicHealthOfficer") {
          lifestyleParticipant = participant
        }
        assign(participant, "participant", { themeGroupId })
        if (i === 0 && plan.chairFrom === facts.slug) assign(participant, "chair", { themeGroupId })
        if (random.chance(0.5)) {
          const other = random.pick(activeGroupIds)
          if (other !== themeGroupId) follow(participant, other, random.pick(frequencies))
        }
      }
    }

    // Staff who are in no group but subscribe: the "alla" a public update reaches.
    const followerCount = facts.large ? 8 : 4
    for (let i = 0; i < followerCount; i++) {
      const fn = random.pick<PersonFunction>([
        "clinician",
        "clinician",
        "publicHealthOfficer",
        "manager",
        "other",
      ])
      const follower = addPerson(facts, fn, unitForFunction[fn])
      staffFollowers.push(follower)
      const first = random.int(activeGroupIds.length)
      const count = 1 + random.int(3)
      for (let k = 0; k < count; k++) {
        follow(
          follower,
          activeGroupIds[(first + k) % activeGroupIds.length] as ThemeGroupId,
          random.pick(frequencies),
        )
      }
    }
  }

  const regionalBodies: Array<RegionalBody> = []
  for (const plan of bodyPlans) {
    const facts = demoRegionFacts.find((f) => f.slug === plan.regionSlug)
    if (facts === undefined) throw new Error(`demo body ${plan.slug}: no region ${plan.regionSlug}`)
    const body: RegionalBody = {
      id: `rb-${plan.slug}` as RegionalBodyId,
      regionId: facts.region.id,
      kind: plan.kind,
      name: plan.name,
      wantedSectors: plan.wantedSectors,
    }
    regionalBodies.push(body)
    for (const sector of plan.memberSectors) {
      const fn: PersonFunction =
        sector === "care" ? "clinician" : sector === "publicHealth" ? "publicHealthOfficer" : "strategist"
      assign(addPerson(facts, fn, unitForSector[sector]), "bodyMember", { regionalBodyId: body.id })
    }
  }

  const withPreferences = (person: Person, change: Partial<Preferences>): Person => ({
    ...person,
    preferences: { ...person.preferences, ...change },
  })
  const adjusted = new Map<PersonId, Person>()
  // A few people have said no: to everything, or to one group.
  for (const person of staffFollowers.filter((_, i) => i % 23 === 5)) {
    adjusted.set(person.id, withPreferences(person, { optedOutOfAll: true }))
  }
  for (const person of staffFollowers.filter((_, i) => i % 19 === 3)) {
    const followed = follows.find((f) => f.personId === person.id)
    if (followed !== undefined && !adjusted.has(person.id)) {
      adjusted.set(person.id, withPreferences(person, { optedOutOfThemeGroups: [followed.themeGroupId] }))
    }
  }
  // Someone who switched off both channels: planned, but nothing can be sent.
  const silent = staffFollowers.find((p) => !adjusted.has(p.id) && p.regionId === "region-dalarna")
  if (silent !== undefined) adjusted.set(silent.id, withPreferences(silent, { channels: [] }))

  return {
    healthcareRegions: demoHealthcareRegions,
    regions: demoRegionFacts.map((f) => f.region),
    orgUnits: demoRegionFacts.flatMap(orgUnitsOf),
    themeGroups: [...demoThemeGroupPlans.map((plan) => plan.group), demoMergedThemeGroup],
    people: people.map((p) => adjusted.get(p.id) ?? p),
    roles,
    regionalBodies,
    reportingRules: [...defaultReportingRules, ...regionalReportingRules],
    follows,
  }
}
