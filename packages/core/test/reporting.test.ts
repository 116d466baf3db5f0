import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  NotFound,
  ReportingChainBroken,
  type ReportingRule,
  reportingChain,
  reportingLines,
} from "../src/index.js"
import { buildNetwork, defaultRules, id, leadership } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))

const skaneRule = (ruleId: string, from: ReportingRule["from"], to: ReportingRule["to"]): ReportingRule => ({
  id: ruleId as never,
  regionId: id.region("skane"),
  from,
  to,
  relation: "reportsTo",
})

describe("reportingLines", () => {
  it("gives both relations, and an override replaces only the same role and relation", () => {
    const network = buildNetwork([], {
      reportingRules: [...defaultRules, skaneRule("s1", "participant", "chair")],
    })
    const skane = reportingLines(network, id.region("skane"))
    expect(skane.filter((line) => line.from === "participant")).toEqual([
      { from: "participant", to: "processLeader", relation: "getsInputFrom", source: "network" },
      { from: "participant", to: "chair", relation: "reportsTo", source: "region" },
    ])
    expect(skane).toHaveLength(defaultRules.length)
  })

  it("gives only the region's own rules when the network has no defaults", () => {
    const network = buildNetwork([], { reportingRules: [skaneRule("s1", "participant", "chair")] })
    expect(reportingLines(network, id.region("kalmar"))).toEqual([])
    expect(reportingLines(network, id.region("skane"))).toHaveLength(1)
  })
})

describe("reportingChain", () => {
  it("is just the person when they are management themselves", () => {
    const network = buildNetwork([...leadership("skane")])
    expect(run(reportingChain(network, id.person("skane-mgmt")))).toEqual([
      { personId: "skane-mgmt", role: "management", regionId: "skane" },
    ])
  })

  it("picks the holder with the lowest id when several hold the next role, so the answer is stable", () => {
    const network = buildNetwork([
      { id: "pl-b", region: "skane", roles: [{ role: "processLeader" }] },
      { id: "pl-a", region: "skane", roles: [{ role: "processLeader" }] },
      { id: "mgmt", region: "skane", roles: [{ role: "management" }] },
      { id: "part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    ])
    expect(run(reportingChain(network, id.person("part"))).map((link) => link.personId)).toEqual([
      "part",
      "pl-a",
      "mgmt",
    ])
  })

  it("starts from the most senior role a person holds in their region", () => {
    const network = buildNetwork([
      ...leadership("skane"),
      {
        id: "both",
        region: "skane",
        roles: [{ role: "participant", group: "tobak" }, { role: "presidiumMember" }],
      },
    ])
    expect(run(reportingChain(network, id.person("both")))).toEqual([
      { personId: "both", role: "presidiumMember", regionId: "skane" },
      { personId: "skane-mgmt", role: "management", regionId: "skane" },
    ])
  })

  it("tries the next role a rule names when nobody holds the first", () => {
    const network = buildNetwork(
      [
        { id: "mgmt", region: "skane", roles: [{ role: "management" }] },
        { id: "pm", region: "skane", roles: [{ role: "presidiumMember" }] },
        { id: "part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
      ],
      {
        reportingRules: [
          ...defaultRules,
          skaneRule("s1", "participant", "processLeader"),
          skaneRule("s2", "participant", "presidiumMember"),
        ],
      },
    )
    expect(run(reportingChain(network, id.person("part"))).map((link) => link.role)).toEqual([
      "participant",
      "presidiumMember",
      "management",
    ])
  })

  it("finds the way out of a loop when another rule leads to management", () => {
    const network = buildNetwork(
      [...leadership("skane"), { id: "chair", region: "skane", roles: [{ role: "chair", group: "tobak" }] }],
      {
        reportingRules: [
          ...defaultRules,
          skaneRule("s1", "processLeader", "chair"),
          skaneRule("s2", "processLeader", "management"),
        ],
      },
    )
    expect(run(reportingChain(network, id.person("chair"))).map((link) => link.personId)).toEqual([
      "chair",
      "skane-pl",
      "skane-mgmt",
    ])
  })

  it("says which person and role a chain stops at when no rule covers that role", () => {
    const network = buildNetwork([...leadership("skane")], {
      reportingRules: defaultRules.filter((rule) => rule.from !== "processLeader"),
    })
    const error = fail(reportingChain(network, id.person("skane-pl")))
    expect(error).toBeInstanceOf(ReportingChainBroken)
    expect(error).toMatchObject({
      personId: "skane-pl",
      at: "skane-pl",
      role: "processLeader",
      regionId: "skane",
      reason: "noRuleForRole",
    })
    expect(error.message).toContain("skane")
  })

  it("breaks halfway and names the last person reached", () => {
    const network = buildNetwork([
      { id: "pl", region: "kalmar", roles: [{ role: "processLeader" }] },
      { id: "part", region: "kalmar", roles: [{ role: "participant", group: "alkohol" }] },
    ])
    expect(fail(reportingChain(network, id.person("part")))).toMatchObject({
      personId: "part",
      at: "pl",
      role: "management",
      reason: "nobodyHoldsTargetRole",
    })
  })

  it("ignores roles the person holds in another region than their own", () => {
    const network = buildNetwork([
      ...leadership("kalmar"),
      { id: "visitor", region: "skane", roles: [{ role: "participant", group: "tobak", region: "kalmar" }] },
    ])
    expect(fail(reportingChain(network, id.person("visitor")))).toMatchObject({ reason: "holdsNoRole" })
  })

  it("rejects an unknown person with NotFound naming the id", () => {
    const error = fail(reportingChain(buildNetwork([]), id.person("ghost")))
    expect(error).toBeInstanceOf(NotFound)
    expect(error).toMatchObject({ entity: "person", id: "ghost" })
  })
})
