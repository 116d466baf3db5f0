import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Network } from "../src/index.js"
import { syntheticNetwork } from "../src/synthetic/index.js"

describe("syntheticNetwork", () => {
  const network = syntheticNetwork({ people: 2_000, seed: 7 })

  it("decodes with core's Network schema", () => {
    expect(() => Schema.decodeUnknownSync(Network)(network)).not.toThrow()
  })

  it("has the requested numbers of people, member organisations and theme groups", () => {
    expect(network.people).toHaveLength(2_000)
    expect(network.regions).toHaveLength(300)
    expect(network.themeGroups).toHaveLength(200)
    const small = syntheticNetwork({ people: 50, memberOrganisations: 5, themeGroups: 3, seed: 1 })
    expect([small.people.length, small.regions.length, small.themeGroups.length]).toEqual([50, 5, 3])
  })

  it("starts with the 21 real regions, Halland in two healthcare regions", () => {
    expect(network.regions.slice(0, 21).every((r) => r.kind === "region")).toBe(true)
    expect(network.regions.find((r) => r.name === "Region Halland")?.healthcareRegionIds).toHaveLength(2)
    expect(network.regions.slice(21).every((r) => r.kind !== "region")).toBe(true)
  })

  it("gives people about ten role and follow edges each", () => {
    const edgesPerPerson = (network.roles.length + network.follows.length) / network.people.length
    expect(edgesPerPerson).toBeGreaterThan(8)
    expect(edgesPerPerson).toBeLessThan(12)
  })

  it("gives the same network for the same seed and a different one for another seed", () => {
    expect(syntheticNetwork({ people: 2_000, seed: 7 })).toEqual(network)
    expect(syntheticNetwork({ people: 2_000, seed: 8 }).people).not.toEqual(network.people)
  })

  it("refers only to existing, active things and never repeats an id or a follow", () => {
    const people = new Set(network.people.map((p) => p.id))
    const regions = new Set(network.regions.map((r) => r.id))
    const active = new Set(network.themeGroups.filter((g) => g.status === "active").map((g) => g.id))
    const bodies = new Set(network.regionalBodies.map((b) => b.id))
    expect(people.size).toBe(network.people.length)
    expect(new Set(network.roles.map((r) => r.id)).size).toBe(network.roles.length)
    expect(new Set(network.people.map((p) => p.email)).size).toBe(network.people.length)
    const dangling = network.roles.filter(
      (role) =>
        !people.has(role.personId) ||
        !regions.has(role.regionId) ||
        (role.themeGroupId !== undefined && !active.has(role.themeGroupId)) ||
        (role.regionalBodyId !== undefined && !bodies.has(role.regionalBodyId)),
    )
    expect(dangling).toEqual([])
    const followKeys = network.follows.map((f) => `${f.personId} ${f.themeGroupId}`)
    expect(new Set(followKeys).size).toBe(followKeys.length)
    expect(network.follows.filter((f) => !active.has(f.themeGroupId) || !people.has(f.personId))).toEqual([])
    const mergedInto = network.themeGroups.filter((g) => g.status === "merged").map((g) => g.mergedInto)
    for (const successor of mergedInto) expect(successor !== undefined && active.has(successor)).toBe(true)
  })

  it("has the gaps real networks have: members without a process leader, opt-outs, regional rules", () => {
    const withProcessLeader = new Set(
      network.roles.filter((r) => r.role === "processLeader").map((r) => r.regionId),
    )
    expect(network.regions.some((r) => !withProcessLeader.has(r.id))).toBe(true)
    expect(network.people.some((p) => p.preferences.optedOutOfAll)).toBe(true)
    expect(network.reportingRules.some((r) => r.regionId !== undefined)).toBe(true)
  })

  it("rejects a size that is not a whole number, naming the option", () => {
    expect(() => syntheticNetwork({ people: -1 })).toThrow(/people must be an integer/)
    expect(() => syntheticNetwork({ people: 10, themeGroups: 0 })).toThrow(
      /themeGroups must be an integer ≥ 1/,
    )
  })
})
