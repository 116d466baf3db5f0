import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Audience,
  bridgesOf,
  NotFound,
  planDissemination,
  previewDissemination,
  resolveAudience,
  type Update,
  whyYouGetThis,
} from "../src/index.js"
import { buildNetwork, id, leadership } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))

const notes = (audience: Audience, themeGroupId = "tobak"): Update => ({
  id: "u1" as never,
  kind: "meetingNotes",
  themeGroupId: id.group(themeGroupId),
  title: "Minnesanteckningar Tobaksprevention",
  audience,
})

const network = buildNetwork([
  ...leadership("ostergotland"),
  ...leadership("kalmar"),
  ...leadership("halland"),
  {
    id: "ost-part",
    region: "ostergotland",
    function: "clinician",
    roles: [{ role: "participant", group: "tobak" }],
  },
  { id: "kalmar-contact", region: "kalmar", roles: [{ role: "contactPerson", group: "tobak" }] },
  { id: "skane-follower", region: "skane", function: "clinician", follows: [{ group: "tobak" }] },
  { id: "staff", region: "halland", function: "clinician" },
])

describe("resolveAudience", () => {
  it("gives each recipient once, with every reason they are included", () => {
    const resolved = run(
      resolveAudience(network, {
        scope: "network",
        themeGroups: [id.group("tobak")],
        tags: ["tools-for-staff"],
      }),
    )
    const ids = resolved.recipients.map((r) => r.personId)
    expect(new Set(ids).size).toBe(ids.length)
    const participant = resolved.recipients.find((r) => r.personId === "ost-part")
    expect(participant?.reasons.map((r) => r._tag).sort()).toEqual(["HoldsRole", "MatchesTag"])
    expect(ids).toContain("skane-follower")
    expect(ids).toContain("kalmar-contact")
  })

  it("includes Halland from both of its healthcare regions", () => {
    for (const hcr of ["hcr-vastra", "hcr-sodra"]) {
      const resolved = run(resolveAudience(network, { scope: "network", healthcareRegions: [id.hcr(hcr)] }))
      expect(resolved.targetedRegions).toContain("halland")
      expect(resolved.recipients.map((r) => r.personId)).toContain("halland-pl")
    }
  })

  it("reaches staff without a role only when the update is for everyone", () => {
    const forNetwork = run(resolveAudience(network, { scope: "network", regions: [id.region("halland")] }))
    const forAll = run(resolveAudience(network, { scope: "public", regions: [id.region("halland")] }))
    expect(forNetwork.recipients.map((r) => r.personId)).not.toContain("staff")
    expect(forAll.recipients.map((r) => r.personId)).toContain("staff")
  })

  it("widens with a role next to a theme group: every participant, not only Tobak's", () => {
    const withOther = buildNetwork([
      { id: "tobak-part", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
      { id: "alkohol-part", region: "skane", roles: [{ role: "participant", group: "alkohol" }] },
    ])
    const resolved = run(
      resolveAudience(withOther, {
        scope: "network",
        roles: ["participant"],
        themeGroups: [id.group("tobak")],
      }),
    )
    expect(resolved.recipients.map((r) => r.personId)).toEqual(["tobak-part", "alkohol-part"])
  })

  it("leaves out people who opted out, and says so", () => {
    const withOptOuts = buildNetwork([
      { id: "all-out", region: "skane", optedOutOfAll: true, roles: [{ role: "processLeader" }] },
      { id: "tobak-out", region: "skane", optedOutOfThemeGroups: ["tobak"], follows: [{ group: "tobak" }] },
      { id: "in", region: "skane", follows: [{ group: "tobak" }] },
    ])
    const resolved = run(
      resolveAudience(withOptOuts, {
        scope: "network",
        themeGroups: [id.group("tobak")],
        roles: ["processLeader"],
      }),
    )
    expect(resolved.recipients.map((r) => r.personId)).toEqual(["in"])
    expect(resolved.excluded).toEqual([
      { personId: "all-out", reason: "optedOutOfAll" },
      { personId: "tobak-out", reason: "optedOutOfThemeGroup" },
    ])
  })

  it("rejects an audience naming a region the network does not have", () => {
    const error = fail(resolveAudience(network, { scope: "network", regions: [id.region("atlantis")] }))
    expect(error).toBeInstanceOf(NotFound)
    expect(error.message).toBe('No region with id "atlantis"')
  })
})

describe("planDissemination", () => {
  const plan = run(planDissemination(network, notes({ scope: "network", themeGroups: [id.group("tobak")] })))
  const bridgeIn = (region: string) => plan.deliveries.filter((d) => d.bridge?.regionId === region)

  it("routes notes to the contact person when the region has nobody in the group", () => {
    expect(bridgeIn("kalmar").map((d) => [d.personId, d.bridge?.via])).toEqual([
      ["kalmar-contact", "contactPerson"],
    ])
  })

  it("falls back to the process leader when the region has no contact person either", () => {
    expect(bridgeIn("halland").map((d) => [d.personId, d.bridge?.via])).toEqual([
      ["halland-pl", "processLeader"],
    ])
  })

  it("builds no bridge into a region that has a participant", () => {
    expect(bridgeIn("ostergotland")).toEqual([])
  })

  it("does not call a region unreachable when someone in it receives the update: Skåne's follower", () => {
    expect(plan.deliveries.filter((d) => d.regionId === "skane").map((d) => d.personId)).toEqual([
      "skane-follower",
    ])
    expect(plan.unreachableRegions).toEqual([])
  })

  it("lists a targeted region nobody can bridge into and nobody in it receives as unreachable", () => {
    const withoutSkaneFollower = buildNetwork([
      ...leadership("kalmar"),
      { id: "ost-part", region: "ostergotland", roles: [{ role: "participant", group: "tobak" }] },
      { id: "skane-staff", region: "skane", function: "clinician" },
    ])
    const alone = run(
      planDissemination(withoutSkaneFollower, notes({ scope: "network", themeGroups: [id.group("tobak")] })),
    )
    expect(alone.unreachableRegions).toEqual([
      { regionId: "halland", reason: "noContactPersonOrProcessLeader" },
      { regionId: "skane", reason: "noContactPersonOrProcessLeader" },
    ])
  })

  it("does not call a region reached by a tag unreachable, though it has no bridge", () => {
    const byTag = buildNetwork([
      { id: "ost-part", region: "ostergotland", roles: [{ role: "participant", group: "tobak" }] },
      { id: "skane-lakare", region: "skane", function: "clinician" },
    ])
    const tagged = run(
      planDissemination(
        byTag,
        notes({
          scope: "public",
          themeGroups: [id.group("tobak")],
          tags: ["clinicians"],
          regions: [id.region("ostergotland"), id.region("skane")],
        }),
      ),
    )
    expect(tagged.deliveries.map((d) => [d.personId, d.regionId])).toEqual([
      ["ost-part", "ostergotland"],
      ["skane-lakare", "skane"],
    ])
    expect(tagged.unreachableRegions).toEqual([])
  })

  it("delivers on every channel a person chose, and skips someone who chose none", () => {
    const channels = buildNetwork([
      { id: "both", region: "skane", channels: ["email", "slack"], follows: [{ group: "tobak" }] },
      { id: "none", region: "skane", channels: [], follows: [{ group: "tobak" }] },
      { id: "pl", region: "skane", channels: [], roles: [{ role: "processLeader" }] },
    ])
    const result = run(
      planDissemination(channels, notes({ scope: "network", themeGroups: [id.group("tobak")] })),
    )
    expect(result.deliveries.map((d) => `${d.personId}:${d.channel}`).sort()).toEqual([
      "both:email",
      "both:slack",
      // A bridge must arrive somewhere, so a process leader without a choice gets email.
      "pl:email",
    ])
    expect(result.skipped).toEqual([{ personId: "none", reason: "noChannel" }])
  })

  it("skips a bridge who opted out of the group and reports the region when nobody else can bridge", () => {
    const optedOut = buildNetwork([
      { id: "pl", region: "skane", optedOutOfThemeGroups: ["tobak"], roles: [{ role: "processLeader" }] },
    ])
    const result = run(
      planDissemination(optedOut, notes({ scope: "network", regions: [id.region("skane")] })),
    )
    expect(result.deliveries).toEqual([])
    expect(result.unreachableRegions).toEqual([{ regionId: "skane", reason: "bridgeOptedOut" }])
  })

  it("prints whom to pass the update on to, in Swedish and English", () => {
    const result = run(
      planDissemination(
        network,
        notes({
          scope: "public",
          tags: ["governance-and-leadership"],
          healthcareRegions: [id.hcr("hcr-sodra")],
        }),
      ),
    )
    expect(result.passOnLine.sv).toBe(
      "Sprid vidare till: ledning och chefer i sjukvårdsregion Södra (för alla).",
    )
    expect(result.passOnLine.en).toBe(
      "Pass on to: management and managers in the Södra healthcare region (for everyone).",
    )
  })

  it("explains to a bridge why they got the update and what to do", () => {
    const delivery = bridgeIn("kalmar")[0]!
    const text = whyYouGetThis(network, delivery.reasons, "sv", {
      bridge: delivery.bridge!,
      themeGroup: network.themeGroups[0],
    })
    expect(text).toBe(
      "Du får detta eftersom Region Kalmar län saknar deltagare i temagruppen Tobaksprevention och du är regionens kontaktperson för gruppen. Du är regionens kanal in: sprid det vidare till dem i regionen som berörs.",
    )
  })

  it("marks an existing recipient as the bridge instead of sending them the update twice", () => {
    const result = run(
      planDissemination(network, notes({ scope: "network", regions: [id.region("kalmar")] })),
    )
    const toContact = result.deliveries.filter((d) => d.personId === "kalmar-contact")
    expect(toContact).toHaveLength(1)
    expect(toContact[0]?.bridge).toEqual({ regionId: "kalmar", via: "contactPerson" })
    expect(result.deliveries.filter((d) => d.bridge !== undefined)).toHaveLength(1)
  })

  it("passes over a contact person who opted out and bridges through the process leader", () => {
    const contactOptedOut = buildNetwork([
      ...leadership("skane"),
      {
        id: "skane-contact",
        region: "skane",
        optedOutOfThemeGroups: ["tobak"],
        roles: [{ role: "contactPerson", group: "tobak" }],
      },
    ])
    const result = run(
      planDissemination(contactOptedOut, notes({ scope: "network", regions: [id.region("skane")] })),
    )
    expect(result.deliveries.filter((d) => d.bridge).map((d) => [d.personId, d.bridge?.via])).toEqual([
      ["skane-pl", "processLeader"],
    ])
    expect(result.deliveries.map((d) => d.personId)).not.toContain("skane-contact")
  })

  it("bridges into Halland once when both of its healthcare regions are targeted", () => {
    const result = run(
      planDissemination(
        network,
        notes({ scope: "network", healthcareRegions: [id.hcr("hcr-vastra"), id.hcr("hcr-sodra")] }),
      ),
    )
    expect(result.deliveries.filter((d) => d.bridge?.regionId === "halland").map((d) => d.personId)).toEqual([
      "halland-pl",
    ])
  })

  it("builds no bridges for an update that belongs to no theme group", () => {
    const { themeGroupId: _none, ...fromOffice } = notes({ scope: "network" })
    const result = run(planDissemination(network, fromOffice))
    expect(result.deliveries.filter((d) => d.bridge !== undefined)).toEqual([])
    expect(result.unreachableRegions).toEqual([])
  })

  it("rejects an update whose audience names a region the network does not have, naming it", () => {
    const error = fail(
      planDissemination(network, notes({ scope: "network", regions: [id.region("atlantis")] })),
    )
    expect(error).toMatchObject({ _tag: "NotFound", entity: "region", id: "atlantis" })
  })

  it("rejects an update for a theme group the network does not have", () => {
    expect(fail(planDissemination(network, notes({ scope: "network" }, "okand"))).message).toBe(
      'No themeGroup with id "okand"',
    )
  })
})

describe("previewDissemination", () => {
  const tobak = {
    themeGroupId: id.group("tobak"),
    audience: { scope: "network", themeGroups: [id.group("tobak")] },
  } as const

  it("plans an update not stored yet as publishing would, bridges included", () => {
    const { plan: preview, audience } = run(previewDissemination(network, tobak))
    expect(preview.deliveries.map((d) => [d.personId, d.channel, d.updateId])).toEqual([
      ["ost-part", "email", "preview"],
      ["kalmar-contact", "email", "preview"],
      ["skane-follower", "email", "preview"],
      ["halland-pl", "email", "preview"],
    ])
    // The audience the plan was made from: the group's people, before bridges are added.
    expect(audience.recipients.map((r) => r.personId)).toEqual([
      "ost-part",
      "kalmar-contact",
      "skane-follower",
    ])
    expect(bridgesOf(preview)).toEqual([
      { regionId: "kalmar", via: "contactPerson", personId: "kalmar-contact" },
      { regionId: "halland", via: "processLeader", personId: "halland-pl" },
    ])
  })

  it("names a bridge with mail and Slack once", () => {
    const both = buildNetwork([
      { id: "pl", region: "skane", channels: ["email", "slack"], roles: [{ role: "processLeader" }] },
      { id: "part", region: "kalmar", roles: [{ role: "participant", group: "tobak" }] },
    ])
    const { plan: preview } = run(previewDissemination(both, tobak))
    expect(preview.deliveries.filter((d) => d.bridge !== undefined)).toHaveLength(2)
    expect(bridgesOf(preview)).toEqual([{ regionId: "skane", via: "processLeader", personId: "pl" }])
  })

  it("previews no bridges for an update that belongs to no theme group", () => {
    const { plan: preview } = run(previewDissemination(network, { audience: tobak.audience }))
    expect(bridgesOf(preview)).toEqual([])
    expect(preview.deliveries.map((d) => d.personId)).toEqual([
      "ost-part",
      "kalmar-contact",
      "skane-follower",
    ])
  })
})
