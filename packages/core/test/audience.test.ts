import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { type Audience, audienceTagTargets, type Network, NotFound, resolveAudience } from "../src/index.js"
import { buildNetwork, id, leadership } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))
const recipientIds = (network: Network, audience: Audience) =>
  run(resolveAudience(network, audience))
    .recipients.map((r) => r.personId)
    .sort()

const network = buildNetwork([
  ...leadership("skane"),
  { id: "chef", region: "skane", function: "manager", follows: [{ group: "alkohol" }] },
  { id: "lakare", region: "skane", function: "clinician", follows: [{ group: "alkohol" }] },
  { id: "planerare", region: "kalmar", function: "publicHealthOfficer", roles: [{ role: "bodyMember" }] },
  {
    id: "deltagare",
    region: "kalmar",
    function: "strategist",
    roles: [{ role: "participant", group: "tobak" }],
  },
  { id: "forskare", region: "halland", function: "researcher" },
])

describe("audience tags", () => {
  it("sends governance material to management, presidium, process leaders, directors and managers", () => {
    expect(recipientIds(network, { scope: "network", tags: ["governance-and-leadership"] })).toEqual([
      "chef",
      "skane-mgmt",
      "skane-pl",
      "skane-presidium",
    ])
  })

  it("sends staff tools to clinicians, public health officers and theme group participants", () => {
    expect(recipientIds(network, { scope: "network", tags: ["tools-for-staff"] })).toEqual([
      "deltagare",
      "lakare",
      "planerare",
    ])
  })

  it("says which tag matched, once, even when both a role and a function match it", () => {
    const resolved = run(resolveAudience(network, { scope: "network", tags: ["governance-and-leadership"] }))
    const management = resolved.recipients.find((r) => r.personId === "skane-mgmt")
    // skane-mgmt holds management and is a director: one MatchesTag reason, not two.
    expect(management?.reasons).toEqual([{ _tag: "MatchesTag", tag: "governance-and-leadership" }])
  })

  it("names roles and functions for every tag, so no tag reaches nobody by construction", () => {
    for (const target of Object.values(audienceTagTargets)) {
      expect(target.roles.length + target.functions.length).toBeGreaterThan(0)
    }
  })
})

describe("resolveAudience", () => {
  it("widens with every selector: a person matching a role or a function is included", () => {
    expect(
      recipientIds(network, { scope: "network", roles: ["processLeader"], functions: ["clinician"] }),
    ).toEqual(["lakare", "skane-pl"])
  })

  it("includes everyone in scope in the targeted regions when there are no selectors", () => {
    const resolved = run(resolveAudience(network, { scope: "public", regions: [id.region("halland")] }))
    expect(resolved.recipients).toEqual([
      {
        personId: "forskare",
        regionId: "halland",
        reasons: [{ _tag: "InTargetedRegion", regionId: "halland", scope: "public" }],
      },
    ])
  })

  it("counts a follower as part of the network even without a role", () => {
    expect(recipientIds(network, { scope: "network", regions: [id.region("skane")] })).toContain("lakare")
  })

  it("targets a region named both directly and through its healthcare region once", () => {
    const resolved = run(
      resolveAudience(network, {
        scope: "network",
        regions: [id.region("halland")],
        healthcareRegions: [id.hcr("hcr-vastra"), id.hcr("hcr-sodra")],
      }),
    )
    expect(resolved.targetedRegions).toEqual(["halland", "skane"])
  })

  it("keeps someone who opted out of one group when the audience also concerns another", () => {
    const withOptOut = buildNetwork([
      {
        id: "halv",
        region: "skane",
        optedOutOfThemeGroups: ["tobak"],
        follows: [{ group: "tobak" }, { group: "alkohol" }],
      },
    ])
    const onlyTobak = run(resolveAudience(withOptOut, { scope: "network", themeGroups: [id.group("tobak")] }))
    const both = run(
      resolveAudience(withOptOut, {
        scope: "network",
        themeGroups: [id.group("tobak"), id.group("alkohol")],
      }),
    )
    expect(onlyTobak.recipients).toEqual([])
    expect(onlyTobak.excluded).toEqual([{ personId: "halv", reason: "optedOutOfThemeGroup" }])
    expect(both.recipients.map((r) => r.personId)).toEqual(["halv"])
  })

  it("does not list someone as excluded whom the audience would not have reached anyway", () => {
    const withOptOut = buildNetwork([{ id: "ute", region: "skane", optedOutOfAll: true, function: "other" }])
    const resolved = run(resolveAudience(withOptOut, { scope: "public", functions: ["clinician"] }))
    expect(resolved.excluded).toEqual([])
  })

  it.each([
    [{ scope: "network", healthcareRegions: [id.hcr("hcr-mars")] }, "healthcareRegion", "hcr-mars"],
    [{ scope: "network", themeGroups: [id.group("okand")] }, "themeGroup", "okand"],
    [{ scope: "public", regions: [id.region("skane"), id.region("atlantis")] }, "region", "atlantis"],
  ] satisfies ReadonlyArray<readonly [Audience, string, string]>)(
    "rejects an audience naming something the network does not have (%j)",
    (audience, entity, missing) => {
      const error = fail(resolveAudience(network, audience))
      expect(error).toBeInstanceOf(NotFound)
      expect(error).toMatchObject({ entity, id: missing })
    },
  )
})

describe("who widens, where narrows", () => {
  // The workshop's case: a group's audience, then "and the process leaders" added to it.
  const groups = buildNetwork([
    ...leadership("skane"),
    ...leadership("kalmar"),
    { id: "ordf", region: "halland", roles: [{ role: "chair", group: "alkohol" }] },
    { id: "deltagare-skane", region: "skane", roles: [{ role: "participant", group: "alkohol" }] },
    { id: "deltagare-kalmar", region: "kalmar", roles: [{ role: "participant", group: "alkohol" }] },
    { id: "foljare", region: "ostergotland", follows: [{ group: "alkohol" }] },
    { id: "tobak-deltagare", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
  ])
  const alkohol = id.group("alkohol")

  it("keeps the group's chair, participants and followers when process leaders are added", () => {
    expect(recipientIds(groups, { scope: "network", themeGroups: [alkohol] })).toEqual([
      "deltagare-kalmar",
      "deltagare-skane",
      "foljare",
      "ordf",
    ])
    expect(
      recipientIds(groups, { scope: "network", themeGroups: [alkohol], roles: ["processLeader"] }),
    ).toEqual(["deltagare-kalmar", "deltagare-skane", "foljare", "kalmar-pl", "ordf", "skane-pl"])
  })

  it("says how many recipients each selector brought and how many live in each place", () => {
    const resolved = run(
      resolveAudience(groups, {
        scope: "network",
        themeGroups: [alkohol],
        roles: ["processLeader", "presidiumMember"],
        functions: ["researcher"],
        regions: [id.region("skane")],
        healthcareRegions: [id.hcr("hcr-sydostra")],
      }),
    )
    expect(resolved.recipients.map((r) => r.personId)).toEqual([
      "foljare",
      "kalmar-presidium",
      "kalmar-pl",
      "deltagare-kalmar",
      "skane-presidium",
      "skane-pl",
      "deltagare-skane",
    ])
    expect(resolved.contributions).toEqual({
      scope: "network",
      who: [
        { selector: { _tag: "Role", role: "processLeader" }, recipients: 2 },
        { selector: { _tag: "Role", role: "presidiumMember" }, recipients: 2 },
        { selector: { _tag: "Function", function: "researcher" }, recipients: 0 },
        { selector: { _tag: "ThemeGroup", themeGroupId: "alkohol" }, recipients: 3 },
      ],
      where: [
        { place: { _tag: "Region", regionId: "skane" }, regions: ["skane"], recipients: 3 },
        {
          place: { _tag: "HealthcareRegion", healthcareRegionId: "hcr-sydostra" },
          regions: ["ostergotland", "kalmar"],
          recipients: 4,
        },
      ],
    })
  })

  it("reaches Halland's chair from Västra and from Södra", () => {
    for (const hcr of ["hcr-vastra", "hcr-sodra"]) {
      expect(
        recipientIds(groups, { scope: "network", themeGroups: [alkohol], healthcareRegions: [id.hcr(hcr)] }),
      ).toContain("ordf")
    }
  })

  it("keeps a network audience inside the public one with the same selectors", () => {
    const withStaff = buildNetwork([
      {
        id: "medlem",
        region: "skane",
        function: "clinician",
        roles: [{ role: "participant", group: "tobak" }],
      },
      { id: "personal", region: "skane", function: "clinician" },
    ])
    expect(recipientIds(withStaff, { scope: "network", functions: ["clinician"] })).toEqual(["medlem"])
    expect(recipientIds(withStaff, { scope: "public", functions: ["clinician"] })).toEqual([
      "medlem",
      "personal",
    ])
  })
})
