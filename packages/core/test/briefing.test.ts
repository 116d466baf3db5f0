import { Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Audience,
  type BriefingProposalRound,
  type BriefingUpdate,
  briefing,
  briefingRecipients,
  type Channel,
  UpdateId,
} from "../src/index.js"
import { buildNetwork, id } from "./fixtures.js"

const updateId = Schema.decodeUnknownSync(UpdateId)
const network = buildNetwork(
  [
    { id: "skane-mgmt", region: "skane", function: "director", roles: [{ role: "management" }] },
    { id: "skane-pl", region: "skane", function: "coordinator", roles: [{ role: "processLeader" }] },
    { id: "anna", region: "skane", roles: [{ role: "participant", group: "tobak" }] },
    { id: "sara", region: "skane", roles: [{ role: "contactPerson", group: "alkohol" }] },
    { id: "kalle", region: "kalmar", roles: [{ role: "participant", group: "spel" }] },
  ],
  {
    themeGroups: [
      {
        id: id.group("tobak"),
        name: "Tobaksprevention",
        topic: "Tobak",
        status: "active",
        wantedFunctions: [],
      },
      {
        id: id.group("alkohol"),
        name: "Alkoholprevention",
        topic: "Alkohol",
        status: "active",
        wantedFunctions: [],
      },
      { id: id.group("spel"), name: "Spelprevention", topic: "Spel", status: "active", wantedFunctions: [] },
    ],
  },
)

const toRegions = (...regions: Array<string>): Audience => ({
  scope: "network",
  regions: regions.map(id.region),
})
const everywhere: Audience = { scope: "network" }
const update = (
  key: string,
  publishedAt: string,
  audience: Audience,
  group?: string,
  kind: BriefingUpdate["kind"] = "meetingNotes",
): BriefingUpdate => ({
  id: updateId(key),
  kind,
  ...(group === undefined ? {} : { themeGroupId: id.group(group) }),
  title: `Titel ${key}`,
  publishedAt: new Date(publishedAt),
  audience,
})
const round = (key: string, deadline: string, audience: Audience, answeredBy: Array<string> = []) =>
  ({
    id: updateId(key),
    themeGroupId: id.group("tobak"),
    title: `Runda ${key}`,
    deadline: new Date(deadline),
    audience,
    answeredBy: answeredBy.map(id.region),
  }) satisfies BriefingProposalRound

const november = {
  key: "2026-11",
  start: new Date("2026-10-31T23:00:00Z"),
  end: new Date("2026-11-30T23:00:00Z"),
}
const now = new Date("2026-12-01T07:00:00Z")

describe("the management briefing", () => {
  const result = briefing({
    network,
    regionId: id.region("skane"),
    period: november,
    updates: [
      update(
        "u-hcr",
        "2026-11-20T09:00:00Z",
        { scope: "network", healthcareRegions: [id.hcr("hcr-sodra")] },
        "alkohol",
      ),
      update("u-skane", "2026-11-10T09:00:00Z", toRegions("skane"), "tobak"),
      update("u-all", "2026-11-05T09:00:00Z", everywhere),
      update("u-kalmar", "2026-11-12T09:00:00Z", toRegions("kalmar"), "spel"),
      // 23:30 on 31 October in Stockholm, and 00:30 on 1 December: outside November
      update("u-october", "2026-10-31T22:30:00Z", everywhere, "tobak"),
      update("u-december", "2026-11-30T23:30:00Z", everywhere, "tobak"),
      update("u-briefing", "2026-11-15T09:00:00Z", everywhere, undefined, "briefing"),
    ],
    proposalRounds: [
      round("r-later", "2026-12-20T12:00:00Z", everywhere),
      round("r-sooner", "2026-12-10T12:00:00Z", toRegions("skane", "kalmar")),
      round("r-answered", "2026-12-15T12:00:00Z", everywhere, ["skane"]),
      round("r-closed", "2026-11-20T12:00:00Z", everywhere),
      round("r-kalmar", "2026-12-15T12:00:00Z", toRegions("kalmar")),
    ],
    now,
  })
  const value = Result.getOrThrow(result)

  it("lists what the groups published to the region in the Swedish month, oldest first", () => {
    expect(value.recentWork).toEqual([
      {
        updateId: "u-all",
        kind: "meetingNotes",
        title: "Titel u-all",
        publishedAt: new Date("2026-11-05T09:00:00Z"),
      },
      {
        updateId: "u-skane",
        kind: "meetingNotes",
        themeGroupId: "tobak",
        themeGroupName: "Tobaksprevention",
        title: "Titel u-skane",
        publishedAt: new Date("2026-11-10T09:00:00Z"),
      },
      {
        updateId: "u-hcr",
        kind: "meetingNotes",
        themeGroupId: "alkohol",
        themeGroupName: "Alkoholprevention",
        title: "Titel u-hcr",
        publishedAt: new Date("2026-11-20T09:00:00Z"),
      },
    ])
  })

  it("names the groups where the region is uncovered and who receives instead, and the bridged ones", () => {
    expect(value.uncovered).toEqual([
      {
        themeGroupId: "spel",
        themeGroupName: "Spelprevention",
        fallback: { personId: "skane-pl", name: "Person skane-pl", via: "processLeader" },
      },
    ])
    expect(value.bridged).toEqual([
      {
        themeGroupId: "alkohol",
        themeGroupName: "Alkoholprevention",
        contactPersons: [{ personId: "sara", name: "Person sara" }],
      },
    ])
  })

  it("names the missing roles", () => {
    expect(value.missingRoles).toEqual(["presidiumMember"])
  })

  it("lists open proposal rounds for the region it has not answered, nearest deadline first", () => {
    expect(value.waitingForAction).toEqual([
      {
        kind: "proposalRound",
        updateId: "r-sooner",
        themeGroupId: "tobak",
        themeGroupName: "Tobaksprevention",
        title: "Runda r-sooner",
        deadline: new Date("2026-12-10T12:00:00Z"),
      },
      {
        kind: "proposalRound",
        updateId: "r-later",
        themeGroupId: "tobak",
        themeGroupName: "Tobaksprevention",
        title: "Runda r-later",
        deadline: new Date("2026-12-20T12:00:00Z"),
      },
    ])
  })

  it("says which region and period it covers", () => {
    expect([value.regionId, value.regionName, value.period, value.generatedAt]).toEqual([
      "skane",
      "Region Skåne",
      november,
      now,
    ])
  })

  it("refuses a region that does not exist", () => {
    const missing = briefing({
      network,
      regionId: id.region("gotland"),
      period: november,
      updates: [],
      proposalRounds: [],
      now,
    })
    expect(Result.isFailure(missing)).toBe(true)
  })
})

describe("who receives the briefing", () => {
  const managers = buildNetwork([
    { id: "m-mail", region: "skane", roles: [{ role: "management" }], channels: ["email"] },
    { id: "m-slack", region: "skane", roles: [{ role: "management" }], channels: ["slack"] },
    { id: "m-both", region: "skane", roles: [{ role: "management" }], channels: ["email", "slack"] },
    { id: "m-out", region: "skane", roles: [{ role: "management" }], optedOutOfAll: true },
    { id: "m-none", region: "skane", roles: [{ role: "management" }], channels: [] },
    { id: "pl", region: "skane", roles: [{ role: "processLeader" }] },
    { id: "m-kalmar", region: "kalmar", roles: [{ role: "management" }] },
  ])
  const recipients = (configured: Array<Channel>) =>
    briefingRecipients(managers, id.region("skane"), new Set(configured)).map((r) => [
      r.person.id,
      r.channels,
    ])

  it("reaches a Slack-only manager by email while Slack is not configured", () => {
    expect(recipients(["email"])).toEqual([
      ["m-mail", ["email"]],
      ["m-slack", ["email"]],
      ["m-both", ["email"]],
    ])
  })

  it("uses the channels management chose when they are configured", () => {
    expect(recipients(["email", "slack"])).toEqual([
      ["m-mail", ["email"]],
      ["m-slack", ["slack"]],
      ["m-both", ["email", "slack"]],
    ])
  })
})
