import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Audience,
  actionPrompt,
  type Catalogue,
  type InclusionReason,
  messages,
  passOnLine,
  planDissemination,
  resolveAudience,
  type Update,
  UpdateKind,
  whyYouGetThis,
} from "../src/index.js"
import { buildNetwork, id, leadership } from "./fixtures.js"

const network = buildNetwork([
  ...leadership("skane"),
  ...leadership("kalmar"),
  { id: "kontakt", region: "skane", roles: [{ role: "contactPerson", group: "tobak" }] },
])

const labelTables = [
  "role",
  "function",
  "sector",
  "memberKind",
  "regionalBodyKind",
  "audienceTag",
  "audienceTagPeople",
  "audienceScope",
  "updateKind",
  "coverageStatus",
  "receiptKind",
  "callToAction",
] as const satisfies ReadonlyArray<keyof Catalogue>

const texts = (value: unknown): ReadonlyArray<string> =>
  typeof value === "string" ? [value] : Object.values(value as object).flatMap(texts)

describe("message catalogue", () => {
  it.each(["sv", "en"] as const)("has a non-empty %s text for every label", (language) => {
    for (const table of labelTables) {
      for (const text of texts(messages[language][table])) expect(text.trim()).not.toBe("")
    }
  })

  it("does not compile a catalogue that lacks a translation", () => {
    const { role: _role, ...withoutRoles } = messages.sv
    // @ts-expect-error a catalogue without role labels is not a Catalogue
    const incomplete: Catalogue = withoutRoles
    expect(incomplete).toBeDefined()
  })

  it("asks for something to be done with every kind of update, in both languages", () => {
    for (const kind of UpdateKind.literals) {
      expect(messages.sv.actionPrompt[kind]("processledare")).toContain("processledare")
      expect(messages.en.actionPrompt[kind]("process leaders")).toContain("process leaders")
    }
  })
})

describe("why you get this", () => {
  const contactPerson: InclusionReason = {
    _tag: "HoldsRole",
    role: "contactPerson",
    regionId: id.region("skane"),
    themeGroupId: id.group("tobak"),
  }

  it("names the role, group and region of a contact person", () => {
    expect(whyYouGetThis(network, [contactPerson])).toBe(
      "Du får detta eftersom du är kontaktperson för Tobaksprevention i Region Skåne.",
    )
    expect(whyYouGetThis(network, [contactPerson], "en")).toBe(
      "You are receiving this because you are the contact person for Tobaksprevention in Region Skåne.",
    )
  })

  it("joins several reasons the way Swedish does", () => {
    expect(
      whyYouGetThis(network, [
        { _tag: "HoldsRole", role: "processLeader", regionId: id.region("skane") },
        { _tag: "FollowsThemeGroup", themeGroupId: id.group("alkohol") },
      ]),
    ).toBe(
      "Du får detta eftersom du är processledare i Region Skåne och du följer temagruppen Alkoholprevention.",
    )
  })

  it("tells a process leader bridging an uncovered region why and what to do", () => {
    const update: Update = {
      id: "u1" as never,
      kind: "meetingNotes",
      themeGroupId: id.group("tobak"),
      title: "Anteckningar",
      audience: { scope: "network", regions: [id.region("kalmar")] },
    }
    const plan = Effect.runSync(planDissemination(network, update))
    const bridge = plan.deliveries.find((d) => d.bridge !== undefined)
    expect(bridge?.personId).toBe("kalmar-pl")
    expect(
      whyYouGetThis(network, bridge?.reasons ?? [], "sv", {
        bridge: { regionId: id.region("kalmar"), via: "processLeader" },
        themeGroup: network.themeGroups[0],
      }),
    ).toBe(
      "Du får detta eftersom Region Kalmar län saknar deltagare i temagruppen Tobaksprevention och du är regionens processledare och du är med i HFS-nätverket i Region Kalmar län. Du är regionens kanal in: sprid det vidare till dem i regionen som berörs.",
    )
  })
})

const lineFor = (net: typeof network, audience: Audience) =>
  passOnLine(net, Effect.runSync(resolveAudience(net, audience)).contributions)

describe("pass on", () => {
  it("says 'alla' for a public audience and 'nätverket' for the network", () => {
    expect(lineFor(network, { scope: "public" }).sv).toBe(
      "Sprid vidare till: alla som kan ha nytta av det i alla regioner (för alla).",
    )
    expect(lineFor(network, { scope: "network" }).sv).toBe(
      "Sprid vidare till: alla i HFS-nätverket i alla regioner (för nätverket).",
    )
  })

  it("names the roles, functions and groups that reached someone, and the places", () => {
    const withClinician = buildNetwork([
      ...leadership("skane"),
      ...leadership("kalmar"),
      { id: "kontakt", region: "skane", roles: [{ role: "contactPerson", group: "tobak" }] },
      { id: "lakare", region: "kalmar", function: "clinician" },
    ])
    const audience: Audience = {
      scope: "public",
      roles: ["processLeader"],
      functions: ["clinician"],
      themeGroups: [id.group("tobak")],
      regions: [id.region("kalmar")],
      healthcareRegions: [id.hcr("hcr-sodra")],
    }
    expect(lineFor(withClinician, audience)).toEqual({
      sv: "Sprid vidare till: processledare, kliniker och alla som deltar i eller följer Tobaksprevention i Region Kalmar län och sjukvårdsregion Södra (för alla).",
      en: "Pass on to: process leaders, clinicians and everyone in or following Tobaksprevention in Region Kalmar län and the Södra healthcare region (for everyone).",
    })
  })

  it("leaves out a selector that reached nobody: no clinician is registered here", () => {
    const audience: Audience = {
      scope: "network",
      roles: ["processLeader"],
      functions: ["clinician"],
      themeGroups: [id.group("tobak")],
      regions: [id.region("kalmar")],
      healthcareRegions: [id.hcr("hcr-sodra")],
    }
    expect(lineFor(network, audience)).toEqual({
      sv: "Sprid vidare till: processledare och alla som deltar i eller följer Tobaksprevention i Region Kalmar län och sjukvårdsregion Södra (för nätverket).",
      en: "Pass on to: process leaders and everyone in or following Tobaksprevention in Region Kalmar län and the Södra healthcare region (for the network).",
    })
  })

  it("says so when the selectors reached nobody instead of naming people it never went to", () => {
    const audience: Audience = { scope: "network", functions: ["clinician"], regions: [id.region("skane")] }
    expect(lineFor(network, audience)).toEqual({
      sv: "Sprid vidare till: ingen – målgruppen når ingen som är registrerad i dag (för nätverket).",
      en: "Pass on to: nobody – the audience reaches no one registered today (for the network).",
    })
  })

  it("prompts the reader to act and names whom to pass it on to", () => {
    const audience: Audience = {
      scope: "network",
      tags: ["governance-and-leadership"],
      regions: [id.region("skane")],
    }
    const { contributions } = Effect.runSync(resolveAudience(network, audience))
    expect(actionPrompt(network, "meetingNotes", contributions)).toBe(
      "Läs anteckningarna och sprid vidare till ledning och chefer i Region Skåne.",
    )
    expect(actionPrompt(network, "meetingNotes", contributions, "en")).toBe(
      "Read the notes and pass them on to management and managers in Region Skåne.",
    )
  })

  it("asks without a 'whom' when the audience reached nobody", () => {
    const { contributions } = Effect.runSync(
      resolveAudience(network, { scope: "network", functions: ["researcher"] }),
    )
    expect(actionPrompt(network, "goodExample", contributions)).toBe(
      "Läs exemplet och fundera på om det kan prövas hos er.",
    )
  })
})
