import { describe, expect, it } from "vitest"
import { type Network, type NetworkProblem, validateNetwork } from "../src/index.js"
import { buildNetwork, defaultRules, id, leadership } from "./fixtures.js"

const staffed = (...regions: ReadonlyArray<string>) => regions.flatMap((region) => leadership(region))

const problemsOfKind = <T extends NetworkProblem["_tag"]>(network: Network, tag: T) =>
  validateNetwork(network).filter(
    (problem): problem is Extract<NetworkProblem, { _tag: T }> => problem._tag === tag,
  )

describe("validateNetwork: dangling references", () => {
  it("names the entity, the field and the id nobody has, for every kind of reference", () => {
    const base = buildNetwork(
      [
        ...staffed("ostergotland", "kalmar", "halland", "skane"),
        {
          id: "anna",
          region: "skane",
          orgUnit: "unit-gone",
          roles: [
            { role: "participant", group: "group-gone" },
            { role: "bodyMember", body: "body-gone" },
          ],
          follows: [{ group: "group-gone" }],
        },
      ],
      {
        themeGroups: [
          {
            id: id.group("tobak"),
            name: "Tobak",
            topic: "Tobak",
            status: "merged",
            mergedInto: id.group("successor-gone"),
            wantedFunctions: [],
          },
        ],
      },
    )
    const network: Network = {
      ...base,
      regions: [
        ...base.regions,
        {
          id: id.region("gotland"),
          name: "Region Gotland",
          kind: "region",
          healthcareRegionIds: [id.hcr("hcr-gone")],
        },
      ],
      people: [
        ...base.people,
        { ...base.people[0]!, id: id.person("lost"), regionId: id.region("region-gone") },
      ],
      roles: [
        ...base.roles,
        {
          id: "ra-ghost" as never,
          personId: id.person("ghost"),
          role: "management",
          regionId: id.region("nowhere"),
        },
      ],
      follows: [
        ...base.follows,
        { personId: id.person("ghost"), themeGroupId: id.group("tobak"), frequency: "weekly" },
      ],
    }
    const dangling = problemsOfKind(network, "DanglingReference")
    expect(dangling).toEqual(
      expect.arrayContaining([
        {
          _tag: "DanglingReference",
          entity: "region",
          id: "gotland",
          field: "healthcareRegionIds",
          missingId: "hcr-gone",
        },
        {
          _tag: "DanglingReference",
          entity: "themeGroup",
          id: "tobak",
          field: "mergedInto",
          missingId: "successor-gone",
        },
        {
          _tag: "DanglingReference",
          entity: "person",
          id: "anna",
          field: "orgUnitId",
          missingId: "unit-gone",
        },
        {
          _tag: "DanglingReference",
          entity: "person",
          id: "lost",
          field: "regionId",
          missingId: "region-gone",
        },
        expect.objectContaining({ entity: "roleAssignment", field: "themeGroupId", missingId: "group-gone" }),
        expect.objectContaining({
          entity: "roleAssignment",
          field: "regionalBodyId",
          missingId: "body-gone",
        }),
        {
          _tag: "DanglingReference",
          entity: "roleAssignment",
          id: "ra-ghost",
          field: "personId",
          missingId: "ghost",
        },
        {
          _tag: "DanglingReference",
          entity: "roleAssignment",
          id: "ra-ghost",
          field: "regionId",
          missingId: "nowhere",
        },
        {
          _tag: "DanglingReference",
          entity: "person",
          id: "anna",
          field: "follows.themeGroupId",
          missingId: "group-gone",
        },
        {
          _tag: "DanglingReference",
          entity: "person",
          id: "ghost",
          field: "follows.personId",
          missingId: "ghost",
        },
      ]),
    )
    expect(dangling).toHaveLength(10)
  })

  it("reports group roles without a theme group and body memberships without a regional body", () => {
    const network = buildNetwork([
      ...staffed("ostergotland", "kalmar", "halland", "skane"),
      {
        id: "erik",
        region: "kalmar",
        roles: [{ role: "contactPerson" }, { role: "chair" }, { role: "bodyMember" }],
      },
    ])
    expect(problemsOfKind(network, "IncompleteRole")).toEqual([
      expect.objectContaining({ personId: "erik", role: "contactPerson", missingField: "themeGroupId" }),
      expect.objectContaining({ personId: "erik", role: "chair", missingField: "themeGroupId" }),
      expect.objectContaining({ personId: "erik", role: "bodyMember", missingField: "regionalBodyId" }),
    ])
  })
})

describe("validateNetwork: who reports to whom", () => {
  it("reports a role no rule covers, but never management, which is where chains end", () => {
    const network = buildNetwork([...staffed("ostergotland", "kalmar", "halland", "skane")], {
      reportingRules: defaultRules.filter((rule) => rule.from !== "presidiumMember"),
    })
    const nobody = problemsOfKind(network, "NobodyToReportTo")
    expect(nobody.map((p) => p.personId).sort()).toEqual([
      "halland-presidium",
      "kalmar-presidium",
      "ostergotland-presidium",
      "skane-presidium",
    ])
    expect(nobody.every((p) => p.reason === "noRuleForRole" && p.role === "presidiumMember")).toBe(true)
  })

  it("does not count a person as someone to report to when they only report to themselves", () => {
    const network = buildNetwork([
      ...staffed("ostergotland", "kalmar", "halland"),
      { id: "skane-mgmt", region: "skane", roles: [{ role: "management" }] },
      { id: "skane-presidium", region: "skane", roles: [{ role: "presidiumMember" }] },
      {
        id: "solo",
        region: "skane",
        roles: [{ role: "participant", group: "tobak" }, { role: "processLeader" }],
      },
    ])
    expect(problemsOfKind(network, "NobodyToReportTo")).toEqual([
      {
        _tag: "NobodyToReportTo",
        personId: "solo",
        regionId: "skane",
        role: "participant",
        reason: "nobodyHoldsTargetRole",
      },
    ])
  })

  it("finds a cycle that only one region's override creates, in that region alone", () => {
    const network = buildNetwork([...staffed("ostergotland", "kalmar", "halland", "skane")], {
      reportingRules: [
        ...defaultRules,
        {
          id: "h1" as never,
          regionId: id.region("halland"),
          from: "processLeader",
          to: "presidiumMember",
          relation: "reportsTo",
        },
        {
          id: "h2" as never,
          regionId: id.region("halland"),
          from: "presidiumMember",
          to: "processLeader",
          relation: "reportsTo",
        },
      ],
    })
    const cycles = problemsOfKind(network, "ReportingCycle")
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toMatchObject({ regionId: "halland", personIds: ["halland-pl", "halland-presidium"] })
  })

  it("does not call a loop of 'gets input from' lines a reporting cycle", () => {
    const network = buildNetwork([...staffed("ostergotland", "kalmar", "halland", "skane")], {
      reportingRules: [
        ...defaultRules,
        { id: "i1" as never, from: "processLeader", to: "participant", relation: "getsInputFrom" },
      ],
    })
    expect(problemsOfKind(network, "ReportingCycle")).toEqual([])
  })

  it("finds nothing at all in an empty network", () => {
    const empty: Network = {
      healthcareRegions: [],
      regions: [],
      orgUnits: [],
      themeGroups: [],
      people: [],
      roles: [],
      regionalBodies: [],
      reportingRules: [],
      follows: [],
    }
    expect(validateNetwork(empty)).toEqual([])
  })
})
