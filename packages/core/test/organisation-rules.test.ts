import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  coverage,
  coverageForRegion,
  MergeRejected,
  mergeThemeGroups,
  NotFound,
  ReportingChainBroken,
  regionalMeetingInvitees,
  reportingChain,
  reportingLines,
  validateNetwork,
} from "../src/index.js"
import { buildNetwork, defaultRules, id, leadership, sectorUnit } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))

describe("reportingChain", () => {
  const network = buildNetwork([
    ...leadership("skane"),
    { id: "part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    { id: "lonely", region: "kalmar", roles: [{ role: "participant", group: "tobak" }] },
    { id: "nobody", region: "kalmar" },
  ])

  it("follows the reporting lines from a participant up to regional management", () => {
    expect(run(reportingChain(network, id.person("part")))).toEqual([
      { personId: "part", role: "participant", regionId: "skane" },
      { personId: "skane-pl", role: "processLeader", regionId: "skane" },
      { personId: "skane-mgmt", role: "management", regionId: "skane" },
    ])
  })

  it("says where the chain breaks when nobody holds the role reported to", () => {
    const error = fail(reportingChain(network, id.person("lonely")))
    expect(error).toBeInstanceOf(ReportingChainBroken)
    expect(error).toMatchObject({ at: "lonely", role: "processLeader", reason: "nobodyHoldsTargetRole" })
    expect(error.message).toBe("Nobody in region kalmar holds the role processLeader that lonely reports to")
  })

  it("reports a person without a role, and an unknown person", () => {
    expect(fail(reportingChain(network, id.person("nobody")))).toMatchObject({ reason: "holdsNoRole" })
    expect(fail(reportingChain(network, id.person("ghost")))).toBeInstanceOf(NotFound)
  })

  it("stops at a cycle in the region's rules instead of looping", () => {
    const looping = buildNetwork(
      [
        { id: "pl", region: "kalmar", roles: [{ role: "processLeader" }] },
        { id: "pm", region: "kalmar", roles: [{ role: "presidiumMember" }] },
      ],
      {
        reportingRules: [
          ...defaultRules,
          {
            id: "k1" as never,
            regionId: id.region("kalmar"),
            from: "processLeader",
            to: "presidiumMember",
            relation: "reportsTo",
          },
          {
            id: "k2" as never,
            regionId: id.region("kalmar"),
            from: "presidiumMember",
            to: "processLeader",
            relation: "reportsTo",
          },
        ],
      },
    )
    expect(fail(reportingChain(looping, id.person("pl")))).toMatchObject({
      reason: "cycle",
      role: "processLeader",
    })
  })

  it("lets a region's own rule replace the network's default for the same role", () => {
    const overridden = buildNetwork([], {
      reportingRules: [
        ...defaultRules,
        {
          id: "o1" as never,
          regionId: id.region("skane"),
          from: "participant",
          to: "chair",
          relation: "reportsTo",
        },
      ],
    })
    const skane = reportingLines(overridden, id.region("skane")).filter(
      (line) => line.from === "participant" && line.relation === "reportsTo",
    )
    expect(skane).toEqual([{ from: "participant", to: "chair", relation: "reportsTo", source: "region" }])
    const kalmar = reportingLines(overridden, id.region("kalmar")).filter(
      (line) => line.from === "participant" && line.relation === "reportsTo",
    )
    expect(kalmar).toEqual([
      { from: "participant", to: "processLeader", relation: "reportsTo", source: "network" },
    ])
  })
})

describe("validateNetwork", () => {
  it("finds regions missing a process leader, presidium member or management contact", () => {
    const network = buildNetwork([...leadership("skane"), ...leadership("kalmar"), ...leadership("halland")])
    const missing = validateNetwork(network).filter((p) => p._tag === "MissingRole")
    expect(missing).toEqual([
      { _tag: "MissingRole", regionId: "ostergotland", role: "processLeader" },
      { _tag: "MissingRole", regionId: "ostergotland", role: "presidiumMember" },
      { _tag: "MissingRole", regionId: "ostergotland", role: "management" },
    ])
  })

  it("finds role holders with nobody to report to", () => {
    const network = buildNetwork([
      { id: "part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    ])
    expect(validateNetwork(network)).toContainEqual({
      _tag: "NobodyToReportTo",
      personId: "part",
      regionId: "skane",
      role: "participant",
      reason: "nobodyHoldsTargetRole",
    })
  })

  it("finds reporting cycles with the people caught in them", () => {
    const network = buildNetwork([{ id: "pl", region: "kalmar", roles: [{ role: "processLeader" }] }], {
      reportingRules: [
        { id: "a" as never, from: "processLeader", to: "presidiumMember", relation: "reportsTo" },
        { id: "b" as never, from: "presidiumMember", to: "processLeader", relation: "reportsTo" },
      ],
    })
    expect(validateNetwork(network)).toContainEqual({
      _tag: "ReportingCycle",
      regionId: "kalmar",
      roles: ["processLeader", "presidiumMember"],
      personIds: ["pl"],
    })
  })

  it("finds dangling references and roles missing their group", () => {
    const network = buildNetwork([
      {
        id: "p",
        region: "narnia",
        roles: [{ role: "participant" }, { role: "contactPerson", group: "okand" }],
      },
    ])
    const problems = validateNetwork(network)
    expect(problems).toContainEqual({
      _tag: "DanglingReference",
      entity: "person",
      id: "p",
      field: "regionId",
      missingId: "narnia",
    })
    expect(problems).toContainEqual({
      _tag: "DanglingReference",
      entity: "roleAssignment",
      id: "ra-2",
      field: "themeGroupId",
      missingId: "okand",
    })
    expect(problems).toContainEqual({
      _tag: "IncompleteRole",
      roleAssignmentId: "ra-1",
      personId: "p",
      role: "participant",
      missingField: "themeGroupId",
    })
  })

  it("finds nothing wrong in a fully staffed network", () => {
    const network = buildNetwork([
      ...leadership("skane"),
      ...leadership("kalmar"),
      ...leadership("halland"),
      ...leadership("ostergotland"),
      { id: "part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    ])
    expect(validateNetwork(network)).toEqual([])
  })
})

describe("coverage", () => {
  const network = buildNetwork(
    [
      ...leadership("skane"),
      ...leadership("kalmar"),
      {
        id: "part",
        region: "skane",
        function: "clinician",
        roles: [{ role: "participant", group: "tobak" }],
      },
      { id: "contact", region: "kalmar", roles: [{ role: "contactPerson", group: "tobak" }] },
      { id: "rb-care", region: "skane", orgUnit: "sus", roles: [{ role: "bodyMember", body: "rb" }] },
    ],
    {
      orgUnits: [sectorUnit("sus", "skane", "care")],
      regionalBodies: [
        {
          id: id.body("rb"),
          regionId: id.region("skane"),
          kind: "council",
          name: "Hälsofrämjande råd",
          wantedSectors: ["care", "publicHealth", "school"],
        },
      ],
    },
  )
  const report = coverage(network)
  const cell = (region: string, group: string) =>
    report.cells.find((c) => c.regionId === region && c.themeGroupId === group)

  it("marks a region with a participant as represented, naming the people behind it", () => {
    expect(cell("skane", "tobak")).toMatchObject({
      status: "represented",
      people: [{ personId: "part", role: "participant" }],
    })
  })

  it("marks a region with only a contact person as bridged", () => {
    expect(cell("kalmar", "tobak")).toMatchObject({
      status: "bridged",
      people: [{ personId: "contact", role: "contactPerson" }],
    })
  })

  it("marks a region with neither as uncovered, naming the process leader as fallback when there is one", () => {
    expect(cell("kalmar", "alkohol")).toMatchObject({
      status: "uncovered",
      fallback: { personId: "kalmar-pl", via: "processLeader" },
    })
    expect(cell("halland", "alkohol")).toEqual({
      regionId: "halland",
      themeGroupId: "alkohol",
      status: "uncovered",
      people: [],
    })
  })

  it("has one cell per region and active theme group", () => {
    expect(report.cells).toHaveLength(4 * 2)
  })

  it("lists role gaps, wanted functions a group lacks and sectors a regional body lacks", () => {
    expect(report.roleGaps.map((g) => g.regionId)).toEqual(["ostergotland", "halland"])
    expect(report.missingFunctions).toEqual([{ themeGroupId: "tobak", missing: ["strategist"] }])
    expect(report.missingSectors).toEqual([
      { regionalBodyId: "rb", regionId: "skane", missing: ["publicHealth", "school"] },
    ])
  })

  it("narrows to one region, and rejects an unknown one", () => {
    expect(run(coverageForRegion(network, id.region("kalmar"))).cells.map((c) => c.status)).toEqual([
      "bridged",
      "uncovered",
    ])
    expect(fail(coverageForRegion(network, id.region("narnia")))).toBeInstanceOf(NotFound)
  })
})

describe("regionalMeetingInvitees", () => {
  const network = buildNetwork(
    [
      ...leadership("skane"),
      {
        id: "part",
        region: "skane",
        roles: [
          { role: "participant", group: "tobak" },
          { role: "participant", group: "alkohol" },
        ],
      },
      { id: "council", region: "skane", roles: [{ role: "bodyMember", body: "rb" }] },
      { id: "elsewhere", region: "kalmar", roles: [{ role: "participant", group: "tobak" }] },
    ],
    {
      regionalBodies: [
        {
          id: id.body("rb"),
          regionId: id.region("skane"),
          kind: "network",
          name: "Nätverket",
          wantedSectors: [],
        },
      ],
    },
  )

  it("invites the region's participants, process leader and presidium member, each once with every reason", () => {
    const invitees = run(regionalMeetingInvitees(network, id.region("skane")))
    expect(invitees.map((i) => i.personId)).toEqual(["part", "skane-pl", "skane-presidium"])
    expect(invitees[0]?.reasons).toHaveLength(2)
  })

  it("invites the members of its regional bodies when asked", () => {
    const invitees = run(
      regionalMeetingInvitees(network, id.region("skane"), { includeRegionalBodies: true }),
    )
    expect(invitees.map((i) => i.personId)).toContain("council")
  })
})

describe("mergeThemeGroups", () => {
  const network = buildNetwork([
    {
      id: "a",
      region: "skane",
      roles: [{ role: "participant", group: "alkohol" }],
      follows: [{ group: "alkohol", frequency: "daily" }],
    },
    {
      id: "b",
      region: "skane",
      roles: [
        { role: "participant", group: "alkohol" },
        { role: "participant", group: "tobak" },
      ],
      follows: [
        { group: "alkohol", frequency: "immediate" },
        { group: "tobak", frequency: "weekly" },
      ],
    },
  ])

  it("moves members and followers into the surviving group without duplicates, keeping the most frequent choice", () => {
    const { network: merged, moved } = run(mergeThemeGroups(network, id.group("alkohol"), id.group("tobak")))
    expect(moved).toEqual({ roles: 1, follows: 1 })
    expect(
      merged.roles
        .filter((r) => r.themeGroupId === "tobak")
        .map((r) => r.personId)
        .sort(),
    ).toEqual(["a", "b"])
    expect(merged.follows.filter((f) => f.themeGroupId === "tobak")).toEqual(
      expect.arrayContaining([
        { personId: "a", themeGroupId: "tobak", frequency: "daily" },
        { personId: "b", themeGroupId: "tobak", frequency: "immediate" },
      ]),
    )
    expect(merged.themeGroups.find((g) => g.id === "alkohol")).toMatchObject({
      status: "merged",
      mergedInto: "tobak",
    })
  })

  it("refuses to merge a group into itself or into a merged group", () => {
    expect(fail(mergeThemeGroups(network, id.group("tobak"), id.group("tobak")))).toBeInstanceOf(
      MergeRejected,
    )
    const { network: merged } = run(mergeThemeGroups(network, id.group("alkohol"), id.group("tobak")))
    expect(fail(mergeThemeGroups(merged, id.group("tobak"), id.group("alkohol")))).toMatchObject({
      reason: "intoIsMerged",
    })
    expect(fail(mergeThemeGroups(network, id.group("okand"), id.group("tobak")))).toBeInstanceOf(NotFound)
  })
})
