import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { CoverageReport, coverage, coverageForRegion, NotFound } from "../src/index.js"
import { buildNetwork, id, leadership, sectorUnit } from "./fixtures.js"

const cellOf = (report: CoverageReport, region: string, group: string) =>
  report.cells.find((cell) => cell.regionId === region && cell.themeGroupId === group)

describe("coverage", () => {
  it("leaves merged groups out of the matrix and out of the missing functions", () => {
    const network = buildNetwork([], {
      themeGroups: [
        {
          id: id.group("levnadsvanor"),
          name: "Levnadsvanor",
          topic: "Levnadsvanor",
          status: "active",
          wantedFunctions: [],
        },
        {
          id: id.group("tobak"),
          name: "Tobak",
          topic: "Tobak",
          status: "merged",
          mergedInto: id.group("levnadsvanor"),
          wantedFunctions: ["clinician"],
        },
      ],
    })
    const report = coverage(network)
    expect(new Set(report.cells.map((cell) => cell.themeGroupId))).toEqual(new Set(["levnadsvanor"]))
    expect(report.cells).toHaveLength(4)
    expect(report.missingFunctions).toEqual([])
  })

  it("does not count a chair alone as representing the region, but names them in the cell", () => {
    const network = buildNetwork([
      { id: "ordf", region: "kalmar", roles: [{ role: "chair", group: "tobak" }] },
    ])
    expect(cellOf(coverage(network), "kalmar", "tobak")).toEqual({
      regionId: "kalmar",
      themeGroupId: "tobak",
      status: "uncovered",
      people: [{ personId: "ordf", role: "chair" }],
    })
  })

  it("counts a participant where the role is held, and represented wins over bridged", () => {
    const network = buildNetwork([
      { id: "guest", region: "skane", roles: [{ role: "participant", group: "tobak", region: "halland" }] },
      { id: "kontakt", region: "halland", roles: [{ role: "contactPerson", group: "tobak" }] },
    ])
    const report = coverage(network)
    expect(cellOf(report, "halland", "tobak")?.status).toBe("represented")
    expect(cellOf(report, "halland", "tobak")?.people).toHaveLength(2)
    expect(cellOf(report, "skane", "tobak")?.status).toBe("uncovered")
  })

  it("does not count a contact person who opted out of the group as a bridge, and names the process leader instead", () => {
    const network = buildNetwork([
      {
        id: "kontakt",
        region: "kalmar",
        optedOutOfThemeGroups: ["tobak"],
        roles: [{ role: "contactPerson", group: "tobak" }],
      },
      { id: "kalmar-pl", region: "kalmar", roles: [{ role: "processLeader" }] },
    ])
    expect(cellOf(coverage(network), "kalmar", "tobak")).toEqual({
      regionId: "kalmar",
      themeGroupId: "tobak",
      status: "uncovered",
      people: [{ personId: "kontakt", role: "contactPerson" }],
      fallback: { personId: "kalmar-pl", via: "processLeader" },
    })
    // The contact person still takes Alkohol's mail, so Alkohol is not affected.
    expect(cellOf(coverage(network), "kalmar", "alkohol")?.fallback).toEqual({
      personId: "kalmar-pl",
      via: "processLeader",
    })
  })

  it("shows nobody when the contact person opted out of everything and the process leader out of the group", () => {
    const network = buildNetwork([
      {
        id: "kontakt",
        region: "kalmar",
        optedOutOfAll: true,
        roles: [{ role: "contactPerson", group: "tobak" }],
      },
      {
        id: "kalmar-pl",
        region: "kalmar",
        optedOutOfThemeGroups: ["tobak"],
        roles: [{ role: "processLeader" }],
      },
      { id: "kalmar-pl2", region: "kalmar", optedOutOfAll: true, roles: [{ role: "processLeader" }] },
    ])
    expect(cellOf(coverage(network), "kalmar", "tobak")).toEqual({
      regionId: "kalmar",
      themeGroupId: "tobak",
      status: "uncovered",
      people: [{ personId: "kontakt", role: "contactPerson" }],
    })
  })

  it("passes over a process leader who opted out of the group for the next one", () => {
    const network = buildNetwork([
      { id: "a-pl", region: "kalmar", optedOutOfThemeGroups: ["tobak"], roles: [{ role: "processLeader" }] },
      { id: "b-pl", region: "kalmar", roles: [{ role: "processLeader" }] },
    ])
    expect(cellOf(coverage(network), "kalmar", "tobak")?.fallback).toEqual({
      personId: "b-pl",
      via: "processLeader",
    })
    expect(cellOf(coverage(network), "kalmar", "alkohol")?.fallback).toEqual({
      personId: "a-pl",
      via: "processLeader",
    })
  })

  it("names the process leader with the lowest id as an uncovered cell's fallback, and none without one", () => {
    const network = buildNetwork([
      { id: "pl-2", region: "skane", roles: [{ role: "processLeader" }] },
      { id: "pl-1", region: "skane", roles: [{ role: "processLeader" }] },
    ])
    const report = coverage(network)
    expect(cellOf(report, "skane", "alkohol")?.fallback).toEqual({ personId: "pl-1", via: "processLeader" })
    expect(cellOf(report, "kalmar", "alkohol")).not.toHaveProperty("fallback")
  })

  it("counts only the functions of participants toward a group's wanted functions", () => {
    const network = buildNetwork([
      {
        id: "lakare",
        region: "skane",
        function: "clinician",
        roles: [{ role: "contactPerson", group: "tobak" }],
      },
      {
        id: "strateg",
        region: "skane",
        function: "strategist",
        roles: [{ role: "participant", group: "tobak" }],
      },
    ])
    expect(coverage(network).missingFunctions).toEqual([{ themeGroupId: "tobak", missing: ["clinician"] }])
  })

  it("reads a regional body's sectors from its members' units; members without a unit add none", () => {
    const network = buildNetwork(
      [
        { id: "vard", region: "skane", orgUnit: "sus", roles: [{ role: "bodyMember", body: "rad" }] },
        { id: "utan", region: "skane", roles: [{ role: "bodyMember", body: "rad" }] },
        { id: "annan", region: "skane", orgUnit: "skola", roles: [{ role: "participant", group: "tobak" }] },
      ],
      {
        orgUnits: [sectorUnit("sus", "skane", "care"), sectorUnit("skola", "skane", "school")],
        regionalBodies: [
          {
            id: id.body("rad"),
            regionId: id.region("skane"),
            kind: "council",
            name: "Folkhälsorådet",
            wantedSectors: ["care", "school", "municipality"],
          },
          {
            id: id.body("full"),
            regionId: id.region("skane"),
            kind: "network",
            name: "Nätverket",
            wantedSectors: [],
          },
        ],
      },
    )
    expect(coverage(network).missingSectors).toEqual([
      { regionalBodyId: "rad", regionId: "skane", missing: ["school", "municipality"] },
    ])
  })

  it("lists each region's missing required roles", () => {
    const network = buildNetwork([
      ...leadership("skane"),
      ...leadership("kalmar").filter((spec) => !spec.id.endsWith("-pl")),
    ])
    const gaps = coverage(network).roleGaps
    expect(gaps).toContainEqual({ regionId: "kalmar", missing: ["processLeader"] })
    expect(gaps.find((gap) => gap.regionId === "skane")).toBeUndefined()
    expect(gaps).toContainEqual({
      regionId: "halland",
      missing: ["processLeader", "presidiumMember", "management"],
    })
  })

  it("produces a report that the CoverageReport schema accepts", () => {
    const network = buildNetwork([
      ...leadership("skane"),
      { id: "p", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    ])
    expect(() => Schema.decodeUnknownSync(CoverageReport)(coverage(network))).not.toThrow()
  })
})

describe("coverageForRegion", () => {
  it("keeps only the region's cells, gaps and bodies", () => {
    const network = buildNetwork([...leadership("skane")], {
      regionalBodies: [
        {
          id: id.body("a"),
          regionId: id.region("skane"),
          kind: "council",
          name: "A",
          wantedSectors: ["care"],
        },
        {
          id: id.body("b"),
          regionId: id.region("kalmar"),
          kind: "council",
          name: "B",
          wantedSectors: ["care"],
        },
      ],
    })
    const report = Effect.runSync(coverageForRegion(network, id.region("skane")))
    expect(report.cells.map((cell) => cell.regionId)).toEqual(["skane", "skane"])
    expect(report.roleGaps).toEqual([])
    expect(report.missingSectors.map((gap) => gap.regionalBodyId)).toEqual(["a"])
  })

  it("rejects an unknown region with NotFound", () => {
    const error = Effect.runSync(Effect.flip(coverageForRegion(buildNetwork([]), id.region("atlantis"))))
    expect(error).toBeInstanceOf(NotFound)
    expect(error).toMatchObject({ entity: "region", id: "atlantis" })
  })
})
