import { Effect, Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  coverage,
  mergeThemeGroups,
  type Network,
  planDissemination,
  reportingChain,
  resolveAudience,
  type ThemeGroupId,
} from "../src/index.js"
import { audienceArb, networkArb } from "./arbitrary-network.js"
import { id } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)

describe("on any network", () => {
  it("an audience reaches each recipient once, and every recipient has a reason", () => {
    fc.assert(
      fc.property(
        networkArb,
        audienceArb,
        fc.constantFrom("network" as const, "public" as const),
        (network, audience, scope) => {
          const { recipients } = run(resolveAudience(network, { ...audience, scope }))
          const ids = recipients.map((r) => r.personId)
          expect(new Set(ids).size).toBe(ids.length)
          for (const recipient of recipients) expect(recipient.reasons.length).toBeGreaterThan(0)
        },
      ),
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

  it("a plan delivers to nobody twice on one channel, and gives every targeted uncovered region exactly one bridge or reports it", () => {
    fc.assert(
      fc.property(networkArb, audienceArb, (network, audience) => {
        const plan = run(
          planDissemination(network, {
            id: "u" as never,
            kind: "meetingNotes",
            themeGroupId: id.group("tobak"),
            title: "Anteckningar",
            audience: { ...audience, scope: "network" },
          }),
        )
        const keys = plan.deliveries.map((d) => `${d.personId}/${d.channel}`)
        expect(new Set(keys).size).toBe(keys.length)
        const targeted = run(resolveAudience(network, { ...audience, scope: "network" })).targetedRegions
        const represented = new Set(
          network.roles
            .filter((r) => r.role === "participant" && r.themeGroupId === "tobak")
            .map((r) => r.regionId),
        )
        for (const regionId of targeted.filter((r) => !represented.has(r))) {
          const bridges = new Set(
            plan.deliveries.filter((d) => d.bridge?.regionId === regionId).map((d) => d.personId),
          )
          const unreachable = plan.unreachableRegions.filter((u) => u.regionId === regionId)
          expect(bridges.size + unreachable.length).toBe(1)
        }
        for (const delivery of plan.deliveries) {
          if (delivery.bridge !== undefined) expect(represented.has(delivery.bridge.regionId)).toBe(false)
        }
      }),
    )
  })

  it("a reporting chain ends at management or fails, never repeating a person", () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        for (const person of network.people) {
          const result = Effect.runSync(Effect.result(reportingChain(network, person.id)))
          if (Result.isSuccess(result)) {
            const chain = result.success
            expect(new Set(chain.map((l) => l.personId)).size).toBe(chain.length)
            expect(chain[chain.length - 1]?.role).toBe("management")
          }
        }
      }),
    )
  })

  it("coverage has exactly one cell per region and active theme group", () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        const cells = coverage(network).cells
        const keys = new Set(cells.map((c) => `${c.regionId}/${c.themeGroupId}`))
        expect(keys.size).toBe(cells.length)
        expect(cells.length).toBe(
          network.regions.length * network.themeGroups.filter((g) => g.status === "active").length,
        )
      }),
    )
  })

  it("a merge loses nobody: everyone in or following either group is in or follows the surviving one", () => {
    const involved = (network: Network, groups: ReadonlyArray<ThemeGroupId>, kind: "roles" | "follows") =>
      new Set(
        kind === "roles"
          ? network.roles
              .filter((r) => r.themeGroupId !== undefined && groups.includes(r.themeGroupId))
              .map((r) => `${r.personId}/${r.role}`)
          : network.follows.filter((f) => groups.includes(f.themeGroupId)).map((f) => f.personId),
      )
    fc.assert(
      fc.property(networkArb, (network) => {
        const from = id.group("alkohol")
        const into = id.group("tobak")
        const { network: merged } = run(mergeThemeGroups(network, from, into))
        for (const kind of ["roles", "follows"] as const) {
          expect(involved(merged, [into], kind)).toEqual(involved(network, [from, into], kind))
        }
        expect(merged.people).toHaveLength(network.people.length)
      }),
    )
  })
})
