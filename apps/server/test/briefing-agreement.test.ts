import { makeApiFromDatabase } from "@spridning/api"
import { Audience, DisseminationPlan, Network } from "@spridning/core"
import {
  ApiTokens,
  layerPglite,
  layerRepositories,
  type NewUpdate,
  Organisation,
  Updates,
} from "@spridning/db"
import { MailSender, makeEmailScheduler, makeLinkSigner, makeSendGridSender } from "@spridning/email"
import { type LocalSendGrid, startLocalSendGrid } from "@spridning/email/testing"
import { Effect, Layer, ManagedRuntime, Redacted, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const preferences = { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] }
const person = (id: string, name: string, regionId: string) => ({
  id,
  name,
  email: `${id}@${regionId}.example`,
  function: "strategist",
  regionId,
  preferences,
})

/**
 * Skåne takes part in Tobak, reaches Alkohol through a contact person, has nobody in Matvanor
 * (its process leader receives instead) and no presidium member.
 */
const network = Schema.decodeUnknownSync(Network)({
  healthcareRegions: [
    { id: "sodra", name: "Södra" },
    { id: "stockholm-gotland", name: "Stockholm-Gotland" },
  ],
  regions: [
    { id: "skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["sodra"] },
    { id: "gotland", name: "Region Gotland", kind: "region", healthcareRegionIds: ["stockholm-gotland"] },
  ],
  orgUnits: [],
  themeGroups: [
    { id: "tobak", name: "Tobaksprevention", topic: "Tobak", status: "active", wantedFunctions: [] },
    { id: "alkohol", name: "Alkoholprevention", topic: "Alkohol", status: "active", wantedFunctions: [] },
    { id: "matvanor", name: "Matvanor", topic: "Mat", status: "active", wantedFunctions: [] },
  ],
  people: [
    person("anna", "Anna Berg", "skane"),
    person("cleo", "Cleo Kontakt", "skane"),
    person("fia", "Fia Ledning", "skane"),
    person("bo", "Bo Ek", "gotland"),
  ],
  roles: [
    { id: "r1", personId: "anna", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    { id: "r2", personId: "anna", role: "processLeader", regionId: "skane" },
    { id: "r3", personId: "cleo", role: "contactPerson", regionId: "skane", themeGroupId: "alkohol" },
    { id: "r4", personId: "fia", role: "management", regionId: "skane" },
    { id: "r5", personId: "bo", role: "participant", regionId: "gotland", themeGroupId: "matvanor" },
  ],
  regionalBodies: [],
  reportingRules: [],
  follows: [],
})

const update = (
  id: string,
  title: string,
  audience: NewUpdate["audience"],
  details: NewUpdate["details"] = { kind: "meetingNotes", meetingDate: "2025-03-10" },
  themeGroupId = "tobak",
): NewUpdate => ({ id, themeGroupId, title, body: "…", audience, details })

const everyone = Schema.decodeUnknownSync(Audience)({ scope: "network" })
const toRegion = (region: string) =>
  Schema.decodeUnknownSync(Audience)({ scope: "network", regions: [region] })

/** Published in March 2025 Swedish time, or just outside it. */
const published: ReadonlyArray<readonly [NewUpdate, string]> = [
  // 00:30 on 1 March in Stockholm
  [update("u-first", "Första mars", everyone), "2025-02-28T23:30:00Z"],
  [update("u-skane", "Möte i Skåne", toRegion("skane")), "2025-03-10T09:00:00Z"],
  [update("u-gotland", "Möte på Gotland", toRegion("gotland")), "2025-03-12T09:00:00Z"],
  [
    update("u-round", "Förslag inför 2026", everyone, {
      kind: "proposalRound",
      deadline: new Date("2099-01-15T12:00:00Z"),
    }),
    "2025-03-20T09:00:00Z",
  ],
  // 03:30 summer time, the night the clocks went forward
  [
    update("u-summer", "Sommartid", everyone, { kind: "meetingNotes", meetingDate: "2025-03-30" }, "alkohol"),
    "2025-03-30T01:30:00Z",
  ],
  // 00:30 on 1 April in Stockholm
  [update("u-april", "Första april", everyone), "2025-03-31T22:30:00Z"],
]

describe("the management briefing reads the same in the API and in the mail", () => {
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPglite())))
  let sendGrid: LocalSendGrid
  let apiJson: Record<string, unknown>
  let mailText: string

  beforeAll(async () => {
    sendGrid = await startLocalSendGrid()
    await runtime.runPromise(Organisation.use((organisation) => organisation.importNetwork(network, "test")))
    for (const [item, at] of published) {
      const plan = Schema.decodeUnknownSync(DisseminationPlan)({
        updateId: item.id,
        deliveries: [],
        unreachableRegions: [],
        skipped: [],
        passOnLine: { sv: "", en: "" },
      })
      await runtime.runPromise(Updates.use((updates) => updates.publish(item, plan, "test", new Date(at))))
    }
    const token = (
      await runtime.runPromise(
        ApiTokens.use((tokens) => tokens.create({ role: "reader", name: "office" }, "test")),
      )
    ).token
    const app = await runtime.runPromise(makeApiFromDatabase())
    const response = await app.request("/v1/regions/skane/briefing?month=2025-03", {
      headers: { authorization: `Bearer ${token}` },
    })
    apiJson = (await response.json()) as Record<string, unknown>
    expect(response.status, JSON.stringify(apiJson)).toBe(200)

    const organizer = { name: "Spridning", email: "spridning@hfs.example" }
    const scheduler = await runtime.runPromise(
      makeEmailScheduler({
        links: makeLinkSigner(Redacted.make("a-test-secret-of-32-characters!!"), "http://localhost"),
        organizer,
        clock: () => new Date("2025-04-01T06:00:00Z"),
        // The rows were imported today; the network this test describes worked all of March 2025.
        networkSince: new Date("2025-01-01T00:00:00Z"),
      }).pipe(
        Effect.provideService(
          MailSender,
          makeSendGridSender({
            apiKey: Redacted.make(sendGrid.apiKey),
            baseUrl: sendGrid.url,
            from: organizer,
          }),
        ),
      ),
    )
    expect((await runtime.runPromise(scheduler.tick)).briefings).toBe(1)
    const mails = sendGrid.mails()
    expect(mails.map((mail) => mail.to.email)).toEqual(["fia@skane.example"])
    mailText = mails[0]!.text
  })

  afterAll(async () => {
    await runtime.dispose()
    await sendGrid.close()
  })

  it("covers March in Swedish time in both", () => {
    expect(apiJson.period).toEqual({
      key: "2025-03",
      start: "2025-02-28T23:00:00.000Z",
      end: "2025-03-31T22:00:00.000Z",
    })
    expect(mailText).toContain("Lägesrapport för Region Skåne, mars 2025")
  })

  it("lists the same work of the groups", () => {
    const titles = (apiJson.recentWork as Array<{ title: string }>).map((item) => item.title)
    expect(titles).toEqual(["Första mars", "Möte i Skåne", "Förslag inför 2026", "Sommartid"])
    for (const title of titles) expect(mailText).toContain(title)
    expect(mailText).not.toContain("Möte på Gotland")
    expect(mailText).not.toContain("Första april")
  })

  it("names the same uncovered and bridged groups and who receives instead", () => {
    expect(apiJson.uncovered).toEqual([
      {
        themeGroupId: "matvanor",
        themeGroupName: "Matvanor",
        fallback: { personId: "anna", name: "Anna Berg", via: "processLeader" },
      },
    ])
    expect(apiJson.bridged).toEqual([
      {
        themeGroupId: "alkohol",
        themeGroupName: "Alkoholprevention",
        contactPersons: [{ personId: "cleo", name: "Cleo Kontakt" }],
      },
    ])
    expect(mailText).toContain("Matvanor – utskicken går till Anna Berg")
    expect(mailText).toContain("Alkoholprevention – utskicken går till Cleo Kontakt")
    expect(mailText).not.toContain("Tobaksprevention – utskicken")
  })

  it("names the same missing roles and what waits for the region", () => {
    expect(apiJson.missingRoles).toEqual(["presidiumMember"])
    expect(mailText).toContain("presidieledamot")
    expect(
      (apiJson.waitingForAction as Array<{ title: string; deadline: string }>).map((w) => [
        w.title,
        w.deadline,
      ]),
    ).toEqual([["Förslag inför 2026", "2099-01-15T12:00:00.000Z"]])
    expect(mailText).toContain("Förslag inför 2026 – förslag senast 15 januari 2099")
  })
})
