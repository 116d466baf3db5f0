import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Audience,
  AudienceTag,
  Channel,
  type Follow,
  type HealthcareRegionId,
  messages,
  type Network,
  type Person,
  PersonFunction,
  type PersonId,
  passOnLine,
  planDissemination,
  type RegionId,
  Role,
  type RoleAssignment,
  resolveAudience,
  type ThemeGroupId,
  type Update,
  type WhoSelector,
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

  it("every targeted region without a participant gets one bridge, or is unreachable exactly when nobody in it receives the update", () => {
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
          const receives = plan.deliveries.some((d) => d.regionId === regionId)
          if (represented.has(regionId)) expect([bridges, isUnreachable]).toEqual([0, false])
          else if (bridges === 1) expect(isUnreachable).toBe(false)
          else expect([bridges, isUnreachable]).toEqual([0, !receives])
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

const whoSelectorArb: fc.Arbitrary<WhoSelector> = fc.oneof(
  fc.constantFrom(...AudienceTag.literals).map((tag): WhoSelector => ({ _tag: "Tag", tag })),
  fc.constantFrom(...Role.literals).map((role): WhoSelector => ({ _tag: "Role", role })),
  fc.constantFrom(...PersonFunction.literals).map((fn): WhoSelector => ({ _tag: "Function", function: fn })),
  groupArb.map((themeGroupId): WhoSelector => ({ _tag: "ThemeGroup", themeGroupId })),
)

const withSelector = (audience: Audience, selector: WhoSelector): Audience => {
  switch (selector._tag) {
    case "Tag":
      return { ...audience, tags: [...(audience.tags ?? []), selector.tag] }
    case "Role":
      return { ...audience, roles: [...(audience.roles ?? []), selector.role] }
    case "Function":
      return { ...audience, functions: [...(audience.functions ?? []), selector.function] }
    case "ThemeGroup":
      return { ...audience, themeGroups: [...(audience.themeGroups ?? []), selector.themeGroupId] }
  }
}

const withoutPlaces = (audience: Audience): Audience => {
  const { regions: _regions, healthcareRegions: _healthcareRegions, ...rest } = audience
  return rest
}

/** The regions a list of places names, written out from the generator's map, not by core. */
const regionsOfPlaces = (audience: Audience): ReadonlySet<RegionId> =>
  new Set([
    ...(audience.regions ?? []),
    ...regionIds.filter((region) =>
      (regionHealthcareRegions[region] ?? []).some((h) => (audience.healthcareRegions ?? []).includes(h)),
    ),
  ])

const recipientsOf = (network: Network, audience: Audience): ReadonlyArray<PersonId> =>
  run(resolveAudience(network, audience)).recipients.map((r) => r.personId)

/** What the Swedish line calls the people of one selector (generated names are the ids). */
const swedishPhrase = (selector: WhoSelector): string => {
  switch (selector._tag) {
    case "Tag":
      return messages.sv.audienceTagPeople[selector.tag]
    case "Role":
      return messages.sv.role[selector.role].many
    case "Function":
      return messages.sv.function[selector.function].many
    case "ThemeGroup":
      return `alla som deltar i eller följer ${selector.themeGroupId}`
  }
}

describe("the audience rule: who widens, where narrows", () => {
  it("adding a who-selector never removes a recipient", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, whoSelectorArb, (network, audience, selector) => {
        const before = recipientsOf(network, audience)
        // An audience that had no who-selector reached everyone in scope; one selector is narrower.
        const hadWho =
          (audience.tags?.length ?? 0) +
            (audience.roles?.length ?? 0) +
            (audience.functions?.length ?? 0) +
            (audience.themeGroups?.length ?? 0) >
          0
        fc.pre(hadWho)
        // A theme group brings its opt-outs along: compare with the group already concerned.
        const base =
          selector._tag === "ThemeGroup" && !(audience.themeGroups ?? []).includes(selector.themeGroupId)
            ? before.filter((id) => {
                const person = network.people.find((p) => p.id === id)
                const concerning = [...(audience.themeGroups ?? []), selector.themeGroupId]
                return !concerning.every((g) => person?.preferences.optedOutOfThemeGroups.includes(g))
              })
            : before
        const after = new Set(recipientsOf(network, withSelector(audience, selector)))
        for (const id of base) expect(after.has(id)).toBe(true)
      }),
    )
  })

  it("where-selectors only filter: the audience in some places is the audience anywhere, kept to those places", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const places = regionsOfPlaces(audience)
        fc.pre(
          places.size > 0 || (audience.regions ?? []).length + (audience.healthcareRegions ?? []).length > 0,
        )
        const home = new Map(network.people.map((p) => [p.id, p.regionId]))
        const anywhere = recipientsOf(network, withoutPlaces(audience))
        const expected = anywhere.filter((id) => places.has(home.get(id) as RegionId))
        expect([...recipientsOf(network, audience)].sort()).toEqual([...expected].sort())
      }),
    )
  })

  it("adding a where-selector to an audience without one never adds a recipient", () => {
    fc.assert(
      fc.property(
        networkArb,
        audienceArb,
        fc.oneof(
          regionArb.map((r) => ({ regions: [r] })),
          fc.constantFrom(...healthcareRegionIds).map((h) => ({ healthcareRegions: [h] })),
        ),
        (network, audience, place) => {
          const anywhere = new Set(recipientsOf(network, withoutPlaces(audience)))
          for (const id of recipientsOf(network, { ...withoutPlaces(audience), ...place }))
            expect(anywhere.has(id)).toBe(true)
        },
      ),
    )
  })

  it("reaches Halland's recipients from either of its healthcare regions", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const halland = recipientsOf(network, {
          ...withoutPlaces(audience),
          regions: ["r-halland" as RegionId],
        })
        for (const h of ["h-vastra", "h-sodra"]) {
          const reached = new Set(
            recipientsOf(network, { ...withoutPlaces(audience), healthcareRegions: [hcr(h)] }),
          )
          for (const id of halland) expect(reached.has(id)).toBe(true)
        }
      }),
    )
  })

  it("the pass-on line names each selector that contributed, and says 'ingen' when none did", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const resolved = run(resolveAudience(network, audience))
        const line = passOnLine(network, resolved.contributions).sv
        const who = resolved.contributions.who
        for (const entry of who) {
          if (entry.recipients > 0) expect(line).toContain(swedishPhrase(entry.selector))
          expect(entry.recipients).toBeLessThanOrEqual(resolved.recipients.length)
        }
        // Every recipient was brought in by some selector, and is counted by it.
        if (who.length > 0) {
          const counted = who.reduce((sum, entry) => sum + entry.recipients, 0)
          expect(counted).toBeGreaterThanOrEqual(resolved.recipients.length)
        }
        const nobody = who.length > 0 && who.every((entry) => entry.recipients === 0)
        expect(line.startsWith("Sprid vidare till: ingen – ")).toBe(nobody)
      }),
    )
  })
})
