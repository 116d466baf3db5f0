import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  coverage,
  mergeThemeGroups,
  type Network,
  type RegionId,
  type ReportingRule,
  type Role,
  regionalMeetingInvitees,
  reportingChain,
  reportingLines,
  type ThemeGroup,
  type ThemeGroupId,
  validateNetwork,
} from "../src/index.js"
import { buildNetwork, defaultRules, id, type PersonSpec } from "./fixtures.js"

const regions = ["ostergotland", "kalmar", "halland", "skane"] as const
const groups = ["tobak", "alkohol", "spel"] as const
const bodies = ["rad-skane", "natverk-kalmar"] as const
const roles: ReadonlyArray<Role> = [
  "participant",
  "chair",
  "contactPerson",
  "processLeader",
  "presidiumMember",
  "management",
  "bodyMember",
]

const assignmentArb = fc.record({
  role: fc.constantFrom(...roles),
  group: fc.constantFrom(...groups),
  body: fc.constantFrom(...bodies),
})

const personArb = (index: number): fc.Arbitrary<PersonSpec> =>
  fc
    .record({
      region: fc.constantFrom(...regions),
      roles: fc.array(assignmentArb, { maxLength: 3 }),
      follows: fc.array(
        fc.record({
          group: fc.constantFrom(...groups),
          frequency: fc.constantFrom("immediate", "daily", "weekly" as const),
        }),
        { maxLength: 3 },
      ),
    })
    .map((spec) => ({
      id: `p${String(index).padStart(2, "0")}`,
      region: spec.region,
      roles: spec.roles.map((r) =>
        r.role === "bodyMember"
          ? { role: r.role, body: r.body }
          : r.role === "participant" || r.role === "chair" || r.role === "contactPerson"
            ? { role: r.role, group: r.group }
            : { role: r.role },
      ),
      follows: [...new Map(spec.follows.map((f) => [f.group, f])).values()],
    }))

/** Rules the generator may add on top of (or instead of) the defaults, some per region, so cycles and gaps occur. */
const ruleArb = (index: number): fc.Arbitrary<ReportingRule> =>
  fc
    .record({
      region: fc.option(fc.constantFrom(...regions), { nil: undefined }),
      from: fc.constantFrom(...roles),
      to: fc.constantFrom(...roles),
      relation: fc.constantFrom("reportsTo", "getsInputFrom" as const),
    })
    .map((rule) => ({
      id: `gen-${index}` as never,
      from: rule.from,
      to: rule.to,
      relation: rule.relation,
      ...(rule.region === undefined ? {} : { regionId: id.region(rule.region) }),
    }))

const themeGroupsArb: fc.Arbitrary<ReadonlyArray<ThemeGroup>> = fc
  .record({ spelMerged: fc.boolean(), wanted: fc.subarray(["clinician", "strategist", "director"] as const) })
  .map(({ spelMerged, wanted }) =>
    groups.map((group) =>
      group === "spel" && spelMerged
        ? {
            id: id.group(group),
            name: group,
            topic: group,
            status: "merged",
            mergedInto: id.group("alkohol"),
            wantedFunctions: [],
          }
        : { id: id.group(group), name: group, topic: group, status: "active", wantedFunctions: [...wanted] },
    ),
  )

/**
 * Small networks over four regions, three theme groups (one possibly merged) and two regional
 * bodies, with the default reporting rules, sometimes dropped, plus random network-wide and
 * per-region rules: so broken chains, cycles and overrides all occur.
 */
const networkArb: fc.Arbitrary<Network> = fc
  .record({
    size: fc.integer({ min: 0, max: 30 }),
    keepDefaults: fc.boolean(),
    extraRules: fc.integer({ min: 0, max: 8 }),
    themeGroups: themeGroupsArb,
  })
  .chain(({ size, keepDefaults, extraRules, themeGroups }) =>
    fc
      .record({
        people: fc.tuple(...Array.from({ length: size }, (_, i) => personArb(i))),
        rules: fc.tuple(...Array.from({ length: extraRules }, (_, i) => ruleArb(i))),
      })
      .map(({ people, rules }) =>
        buildNetwork(people, {
          themeGroups,
          reportingRules: [...(keepDefaults ? defaultRules : []), ...rules],
          regionalBodies: [
            {
              id: id.body("rad-skane"),
              regionId: id.region("skane"),
              kind: "council",
              name: "Rådet",
              wantedSectors: ["care"],
            },
            {
              id: id.body("natverk-kalmar"),
              regionId: id.region("kalmar"),
              kind: "network",
              name: "Nätverket",
              wantedSectors: [],
            },
          ],
        }),
      ),
  )

const holds = (network: Network, personId: string, role: Role, regionId: RegionId) =>
  network.roles.some((r) => r.personId === personId && r.role === role && r.regionId === regionId)

describe("organisation rules on any network", () => {
  it("a reporting chain terminates without repeating a person, each step following an effective reportsTo line", () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        for (const person of network.people) {
          const result = Effect.runSync(Effect.result(reportingChain(network, person.id)))
          if (Result.isFailure(result)) {
            const error = result.failure
            expect(error._tag).toBe("ReportingChainBroken")
            if (error._tag === "ReportingChainBroken") {
              expect(network.people.some((p) => p.id === error.at)).toBe(true)
            }
            continue
          }
          const chain = result.success
          expect(new Set(chain.map((link) => link.personId)).size).toBe(chain.length)
          expect(chain.at(-1)?.role).toBe("management")
          const lines = reportingLines(network, person.regionId)
          chain.forEach((link, step) => {
            expect(link.regionId).toBe(person.regionId)
            expect(holds(network, link.personId, link.role, link.regionId)).toBe(true)
            const previous = chain[step - 1]
            if (previous !== undefined) {
              expect(
                lines.some(
                  (l) => l.relation === "reportsTo" && l.from === previous.role && l.to === link.role,
                ),
              ).toBe(true)
            }
          })
        }
      }),
    )
  })

  it("a chain broken by a cycle or a missing rule is also a problem validateNetwork reports", () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        const problems = validateNetwork(network)
        for (const person of network.people) {
          const result = Effect.runSync(Effect.result(reportingChain(network, person.id)))
          if (Result.isSuccess(result) || result.failure._tag !== "ReportingChainBroken") continue
          const broken = result.failure
          if (broken.reason === "cycle") {
            expect(problems).toContainEqual(
              expect.objectContaining({ _tag: "ReportingCycle", regionId: person.regionId }),
            )
          }
          if (broken.reason === "noRuleForRole") {
            expect(problems).toContainEqual({
              _tag: "NobodyToReportTo",
              personId: broken.at,
              regionId: person.regionId,
              role: broken.role,
              reason: "noRuleForRole",
            })
          }
        }
      }),
    )
  })

  it("a merge loses nobody: whoever had a role or follow in either group has one in the surviving group", () => {
    const inGroup = (network: Network, group: ThemeGroupId) => ({
      roles: new Set(
        network.roles
          .filter((r) => r.themeGroupId === group)
          .map((r) => `${r.personId}/${r.role}/${r.regionId}`),
      ),
      followers: new Set(network.follows.filter((f) => f.themeGroupId === group).map((f) => f.personId)),
    })
    fc.assert(
      fc.property(
        networkArb,
        fc.constantFrom(...groups),
        fc.constantFrom(...groups),
        (network, fromName, intoName) => {
          const from = id.group(fromName)
          const into = id.group(intoName)
          const result = Effect.runSync(Effect.result(mergeThemeGroups(network, from, into)))
          const statusOf = (group: ThemeGroupId) => network.themeGroups.find((g) => g.id === group)?.status
          if (Result.isFailure(result)) {
            expect(from === into || statusOf(from) === "merged" || statusOf(into) === "merged").toBe(true)
            return
          }
          const merged = result.success.network
          const before = [inGroup(network, from), inGroup(network, into)]
          const after = inGroup(merged, into)
          for (const group of before) {
            for (const role of group.roles) expect(after.roles.has(role)).toBe(true)
            for (const follower of group.followers) expect(after.followers.has(follower)).toBe(true)
          }
          expect(merged.roles.some((r) => r.themeGroupId === from)).toBe(false)
          expect(merged.follows.some((f) => f.themeGroupId === from)).toBe(false)
          expect(new Set(merged.follows.map((f) => `${f.personId}/${f.themeGroupId}`)).size).toBe(
            merged.follows.length,
          )
          expect(merged.people.map((p) => p.id)).toEqual(network.people.map((p) => p.id))
        },
      ),
    )
  })

  it("coverage has exactly one cell per region and active group, represented exactly where a participant is", () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        const cells = coverage(network).cells
        const active = network.themeGroups.filter((g) => g.status === "active")
        expect(cells).toHaveLength(network.regions.length * active.length)
        expect(new Set(cells.map((c) => `${c.regionId}/${c.themeGroupId}`)).size).toBe(cells.length)
        for (const cell of cells) {
          const hasParticipant = network.roles.some(
            (r) =>
              r.role === "participant" &&
              r.regionId === cell.regionId &&
              r.themeGroupId === cell.themeGroupId,
          )
          expect(cell.status === "represented").toBe(hasParticipant)
          if (cell.fallback !== undefined) {
            expect(cell.status).toBe("uncovered")
            expect(holds(network, cell.fallback.personId, "processLeader", cell.regionId)).toBe(true)
          }
        }
      }),
    )
  })

  it("a regional meeting invites each person once, each for a role that earns the invitation", () => {
    fc.assert(
      fc.property(
        networkArb,
        fc.constantFrom(...regions),
        fc.boolean(),
        (network, region, includeRegionalBodies) => {
          const invitees = Effect.runSync(
            regionalMeetingInvitees(network, id.region(region), { includeRegionalBodies }),
          )
          expect(new Set(invitees.map((i) => i.personId)).size).toBe(invitees.length)
          const invited: ReadonlyArray<Role> = includeRegionalBodies
            ? ["participant", "processLeader", "presidiumMember", "bodyMember"]
            : ["participant", "processLeader", "presidiumMember"]
          for (const invitee of invitees) {
            for (const reason of invitee.reasons) {
              expect(
                reason._tag === "HoldsRole" && invited.includes(reason.role) && reason.regionId === region,
              ).toBe(true)
            }
          }
          const expected = new Set(
            network.roles
              .filter((r) => r.regionId === region && invited.includes(r.role))
              .map((r) => r.personId),
          )
          expect(new Set(invitees.map((i) => i.personId))).toEqual(expected)
        },
      ),
    )
  })
})
