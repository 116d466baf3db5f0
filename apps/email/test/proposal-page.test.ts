import { ContentChanges, Outbox, Updates } from "@spridning/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { emailRoutes } from "../src/routes/email-routes.js"
import { links, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const clock = makeClock("2026-11-23T08:00:00Z")
let harness: Harness
let app: ReturnType<typeof emailRoutes>
const round = { ...updatesOfEveryKind[3]!, id: "round-page" }
const hour = updatesOfEveryKind[2]!

beforeAll(async () => {
  harness = await startHarness()
  await harness.publish(
    round,
    [
      deliveryTo(round.id, "anna", "skane", [participant("skane")]),
      deliveryTo(
        round.id,
        "bo",
        "gotland",
        [{ _tag: "HoldsRole", role: "processLeader", regionId: "gotland" } as never],
        {
          regionId: "gotland" as never,
          via: "processLeader",
        },
      ),
    ],
    clock.now(),
  )
  await harness.publish(
    { ...hour, id: "hour-public", audience: { scope: "public" } as never },
    [],
    clock.now(),
  )
  await harness.publish({ ...hour, id: "hour-network" }, [], clock.now())
  const worker = await harness.worker({ clock: clock.now })
  await harness.run(worker.drain())
  app = emailRoutes({ run: harness.run, links, now: clock.now })
}, 180_000)
afterAll(() => harness.close())

const proposalLinkOf = (email: string) => {
  const mail = harness.sendGrid
    .mails()
    .find((m) => m.to.email === email && m.customArgs.update_id === round.id)!
  const url =
    /Skicka in förslag: (\S+)/.exec(mail.text)?.[1] ?? /Send in a proposal: (\S+)/.exec(mail.text)?.[1]
  return new URL(url!).pathname
}

const post = (path: string, text: string) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ text }).toString(),
  })

describe("a region sends its proposal through the link in the invitation", () => {
  it("carries a signed link per reader that opens an accessible Swedish form for their region", async () => {
    const path = proposalLinkOf("bo@gotland.example")
    expect(path).toMatch(/^\/proposals\/[\w-]+\.[\w-]+$/)
    const response = await app.request(path)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('<html lang="sv">')
    expect(page).toContain("Förslag: Förslag inför handlingsplan 2027")
    expect(page).toContain("Du skickar in förslaget för <strong>Region Gotland</strong>")
    expect(page).toContain("Vad ska gruppen arbeta med nästa år?")
    expect(page).toContain('<label for="text">Regionens förslag</label>')
    expect(page).toContain(`<form method="post" action="${path}">`)
  })

  it("stores the proposal for the reader's region, signed by them; an empty one is asked again", async () => {
    const path = proposalLinkOf("bo@gotland.example")
    const empty = await post(path, "   ")
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('role="alert"')
    const sent = await post(path, "Snusprevention i skolan <b>nu</b>")
    expect(sent.status).toBe(201)
    expect(await sent.text()).toContain("Förslaget från <strong>Region Gotland</strong> är skickat")
    const stored = await harness.run(Updates.use((u) => u.proposals(round.id)))
    expect(stored.map((p) => [p.regionId, p.submittedBy, p.text, p.status])).toEqual([
      ["gotland", "bo", "Snusprevention i skolan <b>nu</b>", "open"],
    ])
  })

  it("refuses a changed or foreign token, and a link to anything but a round", async () => {
    const path = proposalLinkOf("bo@gotland.example")
    expect((await app.request(`${path.slice(0, -2)}xx`)).status).toBe(404)
    expect((await post(`${path.slice(0, -2)}xx`, "Förfalskat")).status).toBe(404)
    const otherPersonsToken = links.receiptUrl(
      (await harness.run(Outbox.use((o) => o.forUpdate(round.id))))[0]!.id,
      "someone-else",
      "read",
      clock.now(),
    )
    const forged = new URL(otherPersonsToken).pathname
      .replace("/email/receipt/", "/proposals/")
      .replace(/\/read$/, "")
    expect((await app.request(forged)).status).toBe(404)
  })

  it("answers 409 after the deadline, and takes proposals again once the round is reopened", async () => {
    const path = proposalLinkOf("anna@skane.example")
    await harness.run(
      ContentChanges.use((c) => c.setRoundDeadline(round.id, new Date("2026-11-22T00:00:00Z"), "test")),
    )
    const closed = await post(path, "För sent")
    expect(closed.status).toBe(409)
    expect(await closed.text()).toContain(
      "Sista dag för förslag till <strong>Förslag inför handlingsplan 2027</strong> var 22 november 2026.",
    )
    await harness.run(
      ContentChanges.use((c) => c.setRoundDeadline(round.id, new Date("2026-12-20T00:00:00Z"), "test")),
    )
    expect((await post(path, "Nu i tid")).status).toBe(201)
  })
})

describe("a public digital hour's calendar file", () => {
  it("downloads without a token; a network-only hour answers 404", async () => {
    const response = await app.request("/digitimmar/hour-public.ics")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=PUBLISH")
    const ics = await response.text()
    expect(ics).toContain("UID:hour-public@spridning\r\n")
    expect(ics).toContain("DTSTART:20261203T130000Z\r\n")
    expect((await app.request("/digitimmar/hour-network.ics")).status).toBe(404)
    expect((await app.request("/digitimmar/round-page.ics")).status).toBe(404)
    expect((await app.request("/digitimmar/nothing.ics")).status).toBe(404)
  })
})
