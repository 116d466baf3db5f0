import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Audience,
  AudienceTag,
  Channel,
  type Follow,
  type HealthcareRegionId,
  type Network,
  type Person,
  PersonFunction,
  type PersonId,
  planDissemination,
  type RegionId,
  type RoleAssignment,
  resolveAudience,
  type ThemeGroupId,
  type Update,
} from "../src/index.js"

/*
 * A small generator of its own: few regions and groups so that coverage gaps, shared bridges
 * and opt-outs happen often. Halland's shape (a region in two healthcare regions) is always there.
 */
const regionIds = ["r-ost", "r-kalmar", "r-halland", "r-skane", "r-gotland"].map((s) => s as RegionId)
const groupIds = ["g-tobak", "g-alkohol", "g-spel"].map((s) => s as ThemeGroupId)
const hcr = (s: string) => s as HealthcareRegionId
const healthcareRegionIds = [hcr("h-sydostra"), hcr("h-sodra"), hcr("h-vastra")]
const regionHealthcareRegions: Record<string, readonly [HealthcareRegionId, ...Array<HealthcareRegionId>]> = {
  "r-ost": [hcr("h-sydostra")],
  "r-kalmar": [hcr("h-sydostra")],
  "r-halland": [hcr("h-vastra"), hcr("h-sodra")],
  "r-skane": [hcr("h-sodra")],
  "r-gotland": [hcr("h-sydostra")],
}

const regionArb = fc.constantFrom(...regionIds)
const groupArb = fc.constantFrom(...groupIds)
const subset = <A>(items: ReadonlyArray<A>) => fc.subarray([...items])

const roleSpecArb = fc.oneof(
  fc.record({
    role: fc.constantFrom("participant" as const, "chair" as const, "contactPerson" as const),
    group: groupArb,
    region: fc.option(regionArb, { nil: undefined }),
  }),
  fc.record({
    role: fc.constantFrom("processLeader" as const, "presidiumMember" as const, "management" as const),
    group: fc.constant(undefined),
    region: fc.option(regionArb, { nil: undefined }),
  }),
)

const personSpecArb = fc.record({
  region: regionArb,
  function: fc.constantFrom(...PersonFunction.literals),
  channels: subset(Channel.literals),
  optedOutOfAll: fc.boolean(),
  optedOutOfThemeGroups: subset(groupIds),
  roles: fc.array(roleSpecArb, { maxLength: 3 }),
  follows: subset(groupIds),
})

const networkArb: fc.Arbitrary<Network> = fc.array(personSpecArb, { maxLength: 25 }).map((specs) => {
  const people: Array<Person> = []
  const roles: Array<RoleAssignment> = []
  const follows: Array<Follow> = []
  specs.forEach((spec, n) => {
    const personId = `p-${n}` as PersonId
    people.push({
      id: personId,
      name: `Person ${n}`,
      email: `p${n}@example.se`,
      function: spec.function,
      regionId: spec.region,
      preferences: {
        channels: spec.channels,
        language: "sv",
        optedOutOfAll: spec.optedOutOfAll,
        optedOutOfThemeGroups: spec.optedOutOfThemeGroups,
      },
    })
    spec.roles.forEach((role, k) => {
      roles.push({
        id: `ra-${n}-${k}` as never,
        personId,
        role: role.role,
        regionId: role.region ?? spec.region,
        ...(role.group === undefined ? {} : { themeGroupId: role.group }),
      })
    })
    for (const group of spec.follows) follows.push({ personId, themeGroupId: group, frequency: "weekly" })
  })
  return {
    healthcareRegions: healthcareRegionIds.map((id) => ({ id, name: id })),
    regions: regionIds.map((id) => ({
      id,
      name: id,
      kind: "region" as const,
      healthcareRegionIds: regionHealthcareRegions[id] ?? [hcr("h-sydostra")],
    })),
    orgUnits: [],
    themeGroups: groupIds.map((id) => ({
      id,
      name: id,
      topic: id,
      status: "active" as const,
      wantedFunctions: [],
    })),
    people,
    roles,
    regionalBodies: [],
    reportingRules: [],
    follows,
  }
})

const optionalList = <A>(arb: fc.Arbitrary<ReadonlyArray<A>>) => fc.option(arb, { nil: undefined })

const audienceArb: fc.Arbitrary<Audience> = fc
  .record({
    scope: fc.constantFrom("network" as const, "public" as const),
    tags: optionalList(subset(AudienceTag.literals)),
    regions: optionalList(subset(regionIds)),
    healthcareRegions: optionalList(subset(healthcareRegionIds)),
    themeGroups: optionalList(subset(groupIds)),
    roles: optionalList(subset(["participant", "processLeader", "management", "contactPerson"] as const)),
    functions: optionalList(subset(PersonFunction.literals)),
  })
  .map((fields) => {
    const audience: { -readonly [K in keyof Audience]: Audience[K] } = { scope: fields.scope }
    if (fields.tags !== undefined) audience.tags = fields.tags
    if (fields.regions !== undefined) audience.regions = fields.regions
    if (fields.healthcareRegions !== undefined) audience.healthcareRegions = fields.healthcareRegions
    if (fields.themeGroups !== undefined) audience.themeGroups = fields.themeGroups
    if (fields.roles !== undefined) audience.roles = fields.roles
    if (fields.functions !== undefined) audience.functions = fields.functions
    return audience
  })

const updateArb: fc.Arbitrary<Update> = fc
  .record({ audience: audienceArb, themeGroupId: fc.option(groupArb, { nil: undefined }) })
  .map(({ audience, themeGroupId }) => ({
    id: "u-prop" as never,
    kind: "meetingNotes" as const,
    title: "Anteckningar",
    audience,
    ...(themeGroupId === undefined ? {} : { themeGroupId }),
  }))

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)

describe("on any generated network", () => {
  it("an audience reaches each recipient once, each with a reason, and never someone it excluded", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const { recipients, excluded } = run(resolveAudience(network, audience))
        const ids = recipients.map((r) => r.personId)
        expect(new Set(ids).size).toBe(ids.length)
        for (const recipient of recipients) expect(recipient.reasons.length).toBeGreaterThan(0)
        const excludedIds = new Set(excluded.map((e) => e.personId))
        for (const id of ids) expect(excludedIds.has(id)).toBe(false)
      }),
    )
  })

  it("a public audience reaches everyone the same network audience reaches", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const forNetwork = run(resolveAudience(network, { ...audience, scope: "network" }))
        const forAll = new Set(
          run(resolveAudience(network, { ...audience, scope: "public" })).recipients.map((r) => r.personId),
        )
        for (const recipient of forNetwork.recipients) expect(forAll.has(recipient.personId)).toBe(true)
      }),
    )
  })

  it("every targeted region without a participant gets exactly one bridge or is reported unreachable", () => {
    fc.assert(
      fc.property(networkArb, updateArb, (network, update) => {
        const plan = run(planDissemination(network, update))
        const { targetedRegions } = run(resolveAudience(network, update.audience))
        const bridgesByRegion = new Map<RegionId, Set<PersonId>>()
        for (const delivery of plan.deliveries) {
          if (delivery.bridge === undefined) continue
          const people = bridgesByRegion.get(delivery.bridge.regionId) ?? new Set()
          bridgesByRegion.set(delivery.bridge.regionId, people.add(delivery.personId))
        }
        const unreachable = plan.unreachableRegions.map((u) => u.regionId)
        if (update.themeGroupId === undefined) {
          expect(bridgesByRegion.size).toBe(0)
          expect(unreachable).toEqual([])
          return
        }
        const represented = new Set(
          network.roles
            .filter((r) => r.role === "participant" && r.themeGroupId === update.themeGroupId)
            .map((r) => r.regionId),
        )
        for (const regionId of targetedRegions) {
          const bridges = bridgesByRegion.get(regionId)?.size ?? 0
          const isUnreachable = unreachable.includes(regionId)
          if (represented.has(regionId)) expect([bridges, isUnreachable]).toEqual([0, false])
          else expect(bridges + (isUnreachable ? 1 : 0)).toBe(1)
        }
        for (const regionId of bridgesByRegion.keys()) expect(targetedRegions).toContain(regionId)
      }),
    )
  })

  it("a plan sends nobody the same update twice on one channel, and nothing to whoever opted out of everything", () => {
    fc.assert(
      fc.property(networkArb, updateArb, (network, update) => {
        const plan = run(planDissemination(network, update))
        const keys = plan.deliveries.map((d) => `${d.personId}/${d.channel}`)
        expect(new Set(keys).size).toBe(keys.length)
        const optedOutOfAll = new Set(
          network.people.filter((p) => p.preferences.optedOutOfAll).map((p) => p.id),
        )
        for (const delivery of plan.deliveries) expect(optedOutOfAll.has(delivery.personId)).toBe(false)
      }),
    )
  })
})
