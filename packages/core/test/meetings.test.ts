import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Invitee, NotFound, regionalMeetingInvitees } from "../src/index.js"
import { buildNetwork, id } from "./fixtures.js"

const invitees = (
  network: ReturnType<typeof buildNetwork>,
  region: string,
  includeRegionalBodies?: boolean,
) =>
  Effect.runSync(
    regionalMeetingInvitees(
      network,
      id.region(region),
      includeRegionalBodies === undefined ? undefined : { includeRegionalBodies },
    ),
  )

// "nätverksträffar på lokal/regional nivå där alla temagruppsdeltagare, processledare och
// presidieledamot deltar"
describe("regionalMeetingInvitees", () => {
  const network = buildNetwork(
    [
      { id: "pl", region: "skane", roles: [{ role: "processLeader" }] },
      { id: "pm", region: "skane", roles: [{ role: "presidiumMember" }] },
      { id: "mgmt", region: "skane", roles: [{ role: "management" }] },
      { id: "kontakt", region: "skane", roles: [{ role: "contactPerson", group: "tobak" }] },
      { id: "ordf", region: "skane", roles: [{ role: "chair", group: "tobak" }] },
      { id: "foljare", region: "skane", follows: [{ group: "tobak" }] },
      {
        id: "tva-grupper",
        region: "skane",
        roles: [
          { role: "participant", group: "tobak" },
          { role: "participant", group: "alkohol" },
        ],
      },
      { id: "kalmarbo", region: "kalmar", roles: [{ role: "participant", group: "tobak" }] },
      { id: "radsmedlem", region: "skane", roles: [{ role: "bodyMember", body: "rad" }] },
      {
        id: "deltagare-i-rad",
        region: "skane",
        roles: [
          { role: "participant", group: "alkohol" },
          { role: "bodyMember", body: "rad" },
        ],
      },
    ],
    {
      regionalBodies: [
        {
          id: id.body("rad"),
          regionId: id.region("skane"),
          kind: "council",
          name: "Rådet",
          wantedSectors: [],
        },
      ],
    },
  )

  it("invites participants of every group, the process leader and the presidium member, and nobody else", () => {
    expect(invitees(network, "skane").map((invitee) => invitee.personId)).toEqual([
      "deltagare-i-rad",
      "pl",
      "pm",
      "tva-grupper",
    ])
  })

  it("invites a participant of two groups once, with both groups as reasons", () => {
    const twice = invitees(network, "skane").find((invitee) => invitee.personId === "tva-grupper")
    expect(twice?.reasons).toEqual([
      { _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "tobak" },
      { _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "alkohol" },
    ])
  })

  it("adds the members of the region's regional bodies only when asked, merging their reasons", () => {
    expect(invitees(network, "skane", false)).toEqual(invitees(network, "skane"))
    const withBodies = invitees(network, "skane", true)
    expect(withBodies.map((invitee) => invitee.personId)).toEqual([
      "deltagare-i-rad",
      "pl",
      "pm",
      "radsmedlem",
      "tva-grupper",
    ])
    expect(withBodies.find((invitee) => invitee.personId === "deltagare-i-rad")?.reasons).toEqual([
      { _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "alkohol" },
      { _tag: "HoldsRole", role: "bodyMember", regionId: "skane", regionalBodyId: "rad" },
    ])
  })

  it("gives a list the Invitee schema accepts", () => {
    for (const invitee of invitees(network, "skane", true)) {
      expect(() => Schema.decodeUnknownSync(Invitee)(invitee)).not.toThrow()
    }
  })

  it("invites nobody to a region without roles", () => {
    expect(invitees(network, "halland", true)).toEqual([])
  })

  it("rejects an unknown region with NotFound", () => {
    const error = Effect.runSync(Effect.flip(regionalMeetingInvitees(network, id.region("atlantis"))))
    expect(error).toBeInstanceOf(NotFound)
    expect(error).toMatchObject({ entity: "region", id: "atlantis" })
  })
})
