import { InclusionReason } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import type { StoredUpdate } from "@spridning/db"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { updateMessage } from "../src/views/update-message.js"

const follows = Schema.decodeUnknownSync(InclusionReason)({
  _tag: "FollowsThemeGroup",
  themeGroupId: "tg-tobak",
})

const base = {
  themeGroupId: "tg-tobak",
  title: "Digitimme om tobaksavvänjning",
  body: "Vi visar hur två regioner arbetar med rökfria operationer.",
  audience: { regions: [] },
  createdBy: "person-0025",
  createdAt: new Date("2026-11-20T09:00:00Z"),
  publishedAt: new Date("2026-11-20T09:00:00Z"),
  passOnLine: { sv: "Sprid vidare till: vårdens chefer", en: "Pass on to: care managers" },
} as const

const digitalHour: StoredUpdate = {
  ...base,
  id: "dh-1",
  kind: "digitalHour",
  details: {
    kind: "digitalHour",
    startsAt: new Date("2026-12-03T13:00:00Z"),
    endsAt: new Date("2026-12-03T14:00:00Z"),
    location: "Teams",
    url: "https://meet.example/tobak",
  },
} as unknown as StoredUpdate

const proposalRound: StoredUpdate = {
  ...base,
  id: "round-1",
  kind: "proposalRound",
  title: "Förslag till handlingsplan 2027",
  details: { kind: "proposalRound", deadline: new Date("2027-01-15T22:59:00Z"), planYear: 2027 },
} as unknown as StoredUpdate

const shown = (update: StoredUpdate, language: "sv" | "en" = "sv") =>
  JSON.stringify(
    updateMessage({
      language,
      network: demoNetwork,
      update,
      reasons: [follows],
      publicUrl: "https://spridning.example",
    }).blocks,
  )

describe("one content model: a DM carries the same facts as the mail", () => {
  it("a digital hour's DM has when, where, the join link and the .ics link", () => {
    const blocks = shown(digitalHour)
    expect(blocks).toContain("*När:* torsdag 3 december 2026 kl. 14:00–15:00")
    expect(blocks).toContain("*Var:* Teams")
    expect(blocks).toContain("*Anslut:* <https://meet.example/tobak|https://meet.example/tobak>")
    expect(blocks).toContain(
      "<https://spridning.example/v1/digital-hours/dh-1.ics|Lägg in i kalendern (.ics)>",
    )
    expect(blocks).toContain("*Att göra:* Anmäl dig och bjud in kollegor som har nytta av ämnet.")
    expect(blocks).toContain("Sprid vidare till: vårdens chefer")
    expect(blocks).toContain("Du får detta eftersom")
  })

  it("a proposal round's DM has the deadline and the proposal link", () => {
    const blocks = shown(proposalRound)
    expect(blocks).toContain("*Sista dag för förslag:* 15 januari 2027")
    expect(blocks).toContain(
      "<https://spridning.example/v1/proposal-rounds/round-1/proposals|Skicka in förslag>",
    )
  })

  it("says the same in English for an English reader", () => {
    const blocks = shown(digitalHour, "en")
    expect(blocks).toContain("*When:* Thursday, 3 December 2026 at 14:00–15:00")
    expect(blocks).toContain("Add to your calendar (.ics)")
  })

  it('a text past Slack\'s limit is cut at a word with "Läs mer" linking to the update', () => {
    const long: StoredUpdate = { ...digitalHour, body: "Hälsofrämjande ".repeat(200) } as StoredUpdate
    const section = updateMessage({
      language: "sv",
      network: demoNetwork,
      update: long,
      publicUrl: "https://spridning.example",
    }).blocks[1] as { text: { text: string } }
    expect(
      section.text.text.endsWith("Hälsofrämjande…\n<https://spridning.example/v1/updates/dh-1|Läs mer>"),
    ).toBe(true)
    expect(section.text.text.length).toBeLessThanOrEqual(3_000)
  })
})
