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
