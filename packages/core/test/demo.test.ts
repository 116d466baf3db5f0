import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { demoGaps, demoNetwork, demoUpdates } from "../src/demo/index.js"
import { buildDemoNetwork } from "../src/demo/network.js"
import { Update } from "../src/dissemination/model.js"
import {
  coverage,
  Network,
  type PersonId,
  planDissemination,
  type RegionId,
  type Role,
  reportingChain,
  type ThemeGroupId,
  validateNetwork,
} from "../src/index.js"

const regionNamed = (name: string) => {
  const region = demoNetwork.regions.find((r) => r.name === name)
  if (region === undefined) throw new Error(`no region named ${name}`)
  return region
}

const holders = (regionId: RegionId, role: Role, themeGroupId?: ThemeGroupId) =>
  demoNetwork.roles.filter(
    (r) =>
      r.regionId === regionId &&
      r.role === role &&
      (themeGroupId === undefined || r.themeGroupId === themeGroupId),
  )

describe("the demo network", () => {
  it("decodes with core's Network schema", () => {
    expect(() => Schema.decodeUnknownSync(Network)(demoNetwork)).not.toThrow()
  })

  it("is the same network on every build", () => {
    expect(buildDemoNetwork()).toEqual(demoNetwork)
  })

  it("has the 21 regions in the six healthcare regions, Halland in both Västra and Södra", () => {
    expect(demoNetwork.regions).toHaveLength(21)
    expect(demoNetwork.healthcareRegions).toHaveLength(6)
    const regionsIn = (healthcareRegionId: string) =>
      demoNetwork.regions
        .filter((r) => r.healthcareRegionIds.some((id) => id === healthcareRegionId))
        .map((r) => r.name)
    expect(regionsIn("hcr-stockholm-gotland")).toEqual(["Region Stockholm", "Region Gotland"])
    expect(regionsIn("hcr-vastra")).toEqual(["Västra Götalandsregionen", "Region Halland"])
    expect(regionsIn("hcr-sodra")).toEqual([
      "Region Halland",
      "Region Skåne",
      "Region Blekinge",
      "Region Kronoberg",
    ])
    expect(regionsIn("hcr-mellansverige")).toHaveLength(7)
    expect(regionNamed("Region Halland").healthcareRegionIds).toEqual(["hcr-vastra", "hcr-sodra"])
  })

  it("has about ten active theme groups, some linked to a programme area, each with a chair", () => {
    const active = demoNetwork.themeGroups.filter((g) => g.status === "active")
    expect(active.map((g) => g.name)).toContain("Tobaksprevention")
    expect(active).toHaveLength(10)
    expect(
      active.filter((g) => g.knowledgeGovernance?.area === "Levnadsvanor").length,
    ).toBeGreaterThanOrEqual(3)
    for (const group of active) {
      expect(demoNetwork.roles.filter((r) => r.role === "chair" && r.themeGroupId === group.id)).toHaveLength(
        1,
      )
    }
    const merged = demoNetwork.themeGroups.filter((g) => g.status === "merged")
    expect(merged.map((g) => g.mergedInto)).toEqual(["tg-halsoframjande-primarvard"])
  })

  it("has a few hundred people with unique, ASCII work addresses in their region's domain", () => {
    expect(demoNetwork.people.length).toBeGreaterThan(300)
    expect(demoNetwork.people.length).toBeLessThan(600)
    const emails = demoNetwork.people.map((p) => p.email)
    expect(new Set(emails).size).toBe(emails.length)
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.example$/)
    const skane = demoNetwork.people.find((p) => p.regionId === "region-skane")
    expect(skane?.email.endsWith("@regionskane.example")).toBe(true)
    expect(demoNetwork.people[0]?.id).toBe("person-0001")
  })

  it("refers only to things that exist", () => {
    const ids = (items: ReadonlyArray<{ id: string }>) => new Set(items.map((i) => i.id))
    const regions = ids(demoNetwork.regions)
    const groups = ids(demoNetwork.themeGroups)
    const people = ids(demoNetwork.people)
    const units = ids(demoNetwork.orgUnits)
    const bodies = ids(demoNetwork.regionalBodies)
    const healthcareRegions = ids(demoNetwork.healthcareRegions)
    for (const r of demoNetwork.regions)
      for (const h of r.healthcareRegionIds) expect(healthcareRegions).toContain(h)
    for (const p of demoNetwork.people) {
      expect(regions).toContain(p.regionId)
      if (p.orgUnitId !== undefined) expect(units).toContain(p.orgUnitId)
    }
    for (const r of demoNetwork.roles) {
      expect(people).toContain(r.personId)
      expect(regions).toContain(r.regionId)
      if (r.themeGroupId !== undefined) expect(groups).toContain(r.themeGroupId)
      if (r.regionalBodyId !== undefined) expect(bodies).toContain(r.regionalBodyId)
    }
    for (const f of demoNetwork.follows) {
      expect(people).toContain(f.personId)
      expect(groups).toContain(f.themeGroupId)
    }
    expect(new Set(demoNetwork.roles.map((r) => r.id)).size).toBe(demoNetwork.roles.length)
  })

  it("has people who chose Slack, English, or to hear nothing", () => {
    const prefs = demoNetwork.people.map((p) => p.preferences)
    expect(prefs.filter((p) => p.channels.includes("slack")).length).toBeGreaterThan(20)
    expect(prefs.filter((p) => p.language === "en").length).toBeGreaterThan(5)
    expect(prefs.filter((p) => p.optedOutOfAll).length).toBeGreaterThan(0)
    expect(prefs.filter((p) => p.optedOutOfThemeGroups.length > 0).length).toBeGreaterThan(0)
  })

  it("ships example updates that decode as updates", () => {
    for (const update of Object.values(demoUpdates)) {
      expect(() => Schema.decodeUnknownSync(Update)(update)).not.toThrow()
    }
  })
})

describe("the gaps the demo network is built to show", () => {
  it("has one region without a process leader and one without a presidium member", () => {
    expect(holders(demoGaps.regionWithoutProcessLeader, "processLeader")).toEqual([])
    expect(holders(demoGaps.regionWithoutPresidiumMember, "presidiumMember")).toEqual([])
    const complete = demoNetwork.regions.filter(
      (r) => r.id !== demoGaps.regionWithoutProcessLeader && r.id !== demoGaps.regionWithoutPresidiumMember,
    )
    for (const region of complete) {
      for (const role of ["processLeader", "presidiumMember", "management"] as const) {
        expect(holders(region.id, role)).toHaveLength(1)
      }
    }
  })

  it("bridges Alkoholprevention into Kronoberg by a contact person, leaves two regions to their process leader, and Jämtland Härjedalen with no way in", () => {
    const group = demoGaps.alcoholGroup
    const withoutParticipant = demoNetwork.regions.filter(
      (r) => holders(r.id, "participant", group).length === 0,
    )
    expect(withoutParticipant.map((r) => r.name)).toEqual([
      "Region Jämtland Härjedalen",
      "Region Västernorrland",
      "Region Gotland",
      "Region Kronoberg",
    ])
    const bridgedByContact = withoutParticipant.filter(
      (r) => holders(r.id, "contactPerson", group).length > 0,
    )
    expect(bridgedByContact.map((r) => r.name)).toEqual(["Region Kronoberg"])
    const fallback = withoutParticipant.filter(
      (r) => holders(r.id, "contactPerson", group).length === 0 && holders(r.id, "processLeader").length > 0,
    )
    expect(fallback.map((r) => r.name)).toEqual(["Region Västernorrland", "Region Gotland"])
  })

  it("gives Region Kalmar län rules in which the process leader and presidium member report to each other", () => {
    const own = demoNetwork.reportingRules.filter(
      (r) => r.regionId === demoGaps.regionWithReportingCycle && r.relation === "reportsTo",
    )
    expect(own.map((r) => `${r.from}→${r.to}`).sort()).toEqual([
      "presidiumMember→processLeader",
      "processLeader→presidiumMember",
    ])
  })

  it("has a regional council without regional development or school among its members", () => {
    const body = demoNetwork.regionalBodies.find((b) => b.id === demoGaps.regionalBodyMissingSectors)
    const unitSector = new Map(demoNetwork.orgUnits.map((u) => [u.id, u.sector]))
    const personUnit = new Map(demoNetwork.people.map((p) => [p.id, p.orgUnitId]))
    const memberSectors = new Set(
      demoNetwork.roles
        .filter((r) => r.regionalBodyId === body?.id)
        .map((r) => {
          const unit = personUnit.get(r.personId)
          return unit === undefined ? undefined : unitSector.get(unit)
        }),
    )
    const missing = body?.wantedSectors.filter((s) => !memberSectors.has(s))
    expect(missing).toEqual(["regionalDevelopment", "school"])
  })

  it("has groups whose participants lack a function the group asks for", () => {
    const functionOf = new Map(demoNetwork.people.map((p) => [p.id, p.function]))
    for (const [groupId, missing] of Object.entries(demoGaps.themeGroupsMissingFunctions)) {
      const group = demoNetwork.themeGroups.find((g) => g.id === groupId)
      const present = new Set(
        demoNetwork.roles
          .filter((r) => r.themeGroupId === groupId && r.role === "participant")
          .map((r) => functionOf.get(r.personId)),
      )
      expect(group?.wantedFunctions.filter((f) => !present.has(f))).toEqual(missing)
    }
  })
})

describe("the demo network as core's rules see it", () => {
  const report = coverage(demoNetwork)
  const problems = validateNetwork(demoNetwork)
  const cell = (regionId: string, themeGroupId: string) =>
    report.cells.find((c) => c.regionId === regionId && c.themeGroupId === themeGroupId)

  it("has represented, bridged and uncovered cells, and uncovered cells with no fallback", () => {
    const statuses = new Set(report.cells.map((c) => c.status))
    expect(statuses).toEqual(new Set(["represented", "bridged", "uncovered"]))
    expect(report.cells).toHaveLength(21 * 10)
    expect(cell("region-kronoberg", "tg-alkohol")?.status).toBe("bridged")
    expect(cell("region-gotland", "tg-alkohol")).toMatchObject({
      status: "uncovered",
      fallback: { via: "processLeader" },
    })
    const jamtland = cell(demoGaps.regionWithoutProcessLeader, "tg-alkohol")
    expect(jamtland?.status).toBe("uncovered")
    expect(jamtland?.fallback).toBeUndefined()
  })

  it("reports the role gaps, missing functions and missing sectors it was built with", () => {
    expect(report.roleGaps).toEqual([
      { regionId: demoGaps.regionWithoutProcessLeader, missing: ["processLeader"] },
      { regionId: demoGaps.regionWithoutPresidiumMember, missing: ["presidiumMember"] },
    ])
    expect(report.missingFunctions).toEqual(
      Object.entries(demoGaps.themeGroupsMissingFunctions).map(([themeGroupId, missing]) => ({
        themeGroupId,
        missing,
      })),
    )
    expect(report.missingSectors).toEqual([
      {
        regionalBodyId: demoGaps.regionalBodyMissingSectors,
        regionId: "region-skane",
        missing: ["regionalDevelopment", "school"],
      },
    ])
  })

  it("fails validation exactly where it was meant to: missing roles, a cycle, chains that lead nowhere", () => {
    const tags = problems.map((p) => `${p._tag} ${"regionId" in p ? p.regionId : ""}`)
    expect(new Set(tags)).toEqual(
      new Set([
        `MissingRole ${demoGaps.regionWithoutProcessLeader}`,
        `MissingRole ${demoGaps.regionWithoutPresidiumMember}`,
        `ReportingCycle ${demoGaps.regionWithReportingCycle}`,
        `NobodyToReportTo ${demoGaps.regionWithoutProcessLeader}`,
      ]),
    )
  })

  it("breaks the reporting chain of a participant in the region without a process leader", async () => {
    const participant = holders(demoGaps.regionWithoutProcessLeader, "participant")[0]
    expect(participant).toBeDefined()
    const broken = await Effect.runPromise(
      Effect.flip(reportingChain(demoNetwork, participant?.personId as PersonId)),
    )
    expect(broken).toMatchObject({ _tag: "ReportingChainBroken", reason: "nobodyHoldsTargetRole" })
  })

  it("leads a participant in Region Skåne through its own rules to management", async () => {
    const participant = holders(demoGaps.regionWithOwnReportingRules, "participant")[0]
    const chain = await Effect.runPromise(reportingChain(demoNetwork, participant?.personId as PersonId))
    expect(chain.map((link) => link.role)).toEqual([
      "participant",
      "processLeader",
      "presidiumMember",
      "management",
    ])
  })

  it("plans the alcohol notes with a contact-person bridge, two process-leader bridges and one unreachable region", async () => {
    const plan = await Effect.runPromise(planDissemination(demoNetwork, demoUpdates.alcoholMeetingNotes))
    const bridges = plan.deliveries.flatMap((d) =>
      d.bridge === undefined ? [] : [`${d.bridge.regionId} ${d.bridge.via}`],
    )
    expect(new Set(bridges)).toEqual(
      new Set([
        "region-kronoberg contactPerson",
        "region-vasternorrland processLeader",
        "region-gotland processLeader",
      ]),
    )
    expect(plan.unreachableRegions).toEqual([
      { regionId: demoGaps.regionWithoutProcessLeader, reason: "noContactPersonOrProcessLeader" },
    ])
    expect(plan.passOnLine.sv).toMatch(/^Sprid vidare till: /)
  })
})
