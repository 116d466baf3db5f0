import { createSign, generateKeyPairSync } from "node:crypto"
import { DeliveryEvents, Organisation, Outbox, Receipts, SharedLimits, Suppressions } from "@spridning/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeLinkSigner } from "../src/links/signed-links.js"
import { emailRoutes } from "../src/routes/email-routes.js"
import { webhookPublicKey } from "../src/webhook/event-webhook.js"
import { linkSecret, links, publicUrl, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, follows, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" })
/** As SendGrid's settings page shows it: base64 SPKI DER. */
const sendGridStyleKey = publicKey.export({ type: "spki", format: "der" }).toString("base64")

const clock = makeClock("2026-11-23T08:00:00Z")
let harness: Harness
let app: ReturnType<typeof emailRoutes>
let annaDelivery: string
let cleoDelivery: string

beforeAll(async () => {
  harness = await startHarness()
  const notes = updatesOfEveryKind[0]!
  await harness.publish(
    notes,
    [
      deliveryTo(notes.id, "anna", "skane", [participant("skane")]),
      deliveryTo(notes.id, "cleo", "skane", [participant("skane")]),
    ],
    clock.now(),
  )
  const matvanor = { ...updatesOfEveryKind[1]!, id: "matvanor-work", themeGroupId: "matvanor" }
  await harness.publish(
    matvanor,
    [deliveryTo(matvanor.id, "cleo", "skane", [follows("matvanor")])],
    clock.now(),
  )
  const worker = await harness.worker({ clock: clock.now })
  await harness.run(worker.drain())
  const rows = await harness.run(Outbox.use((outbox) => outbox.forUpdate(notes.id)))
  annaDelivery = rows.find((row) => row.personId === "anna")!.id
  cleoDelivery = rows.find((row) => row.personId === "cleo")!.id
  app = emailRoutes({
    run: harness.run,
    links,
    webhookKey: webhookPublicKey(sendGridStyleKey),
    now: clock.now,
  })
}, 180_000)
afterAll(() => harness.close())

const mailTo = (email: string, updateId = "notes-1") =>
  harness.sendGrid.mails().find((mail) => mail.to.email === email && mail.customArgs.update_id === updateId)!
const pathOf = (url: string) => new URL(url).pathname

describe("receipt links", () => {
  it("only asks on GET, so a mail filter that opens every link records nothing", async () => {
    const acted = /Vi har agerat: (\S+)/.exec(mailTo("anna@skane.example").text)![1]!
    const response = await app.request(pathOf(acted))
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain(
      "Utskicket: <strong>Möte 12 november</strong> från temagruppen <strong>Tobaksprevention</strong>.",
    )
    expect(page).toContain("Vill du meddela nätverket att ni har agerat på det?")
    expect(page).toMatch(/<a href="\/preferences\/[A-Za-z0-9_.-]+">Dina inställningar<\/a>/)
    expect(page).toContain(`<form method="post" action="${pathOf(acted)}">`)
    expect(await harness.run(Receipts.use((r) => r.forDeliveries([annaDelivery])))).toEqual([])
  })

  it("records that the reader acted when they confirm, without login, and thanks them in Swedish", async () => {
    const acted = /Vi har agerat: (\S+)/.exec(mailTo("anna@skane.example").text)![1]!
    const response = await app.request(pathOf(acted), { method: "POST" })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain("Vi har noterat att ni har agerat på det")
    const receipts = await harness.run(Receipts.use((r) => r.forDeliveries([annaDelivery])))
    expect(receipts).toMatchObject([{ deliveryId: annaDelivery, kind: "acted", personId: "anna" }])
  })

  it("refuses a link whose signature was tampered with", async () => {
    const read = /Jag har läst: (\S+)/.exec(mailTo("anna@skane.example").text)![1]!
    const token = read.split("/").at(-2)!
    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`
    const tampered = read.replace(token, forged)
    const response = await app.request(pathOf(tampered))
    expect(response.status).toBe(400)
    expect(await response.text()).toContain("Länken fungerar inte")
  })

  it("says so when the mailing no longer exists", async () => {
    const gone = links.receiptUrl("00000000-0000-4000-8000-000000000000", "anna", "read", clock.now())
    const response = await app.request(pathOf(gone), { method: "POST" })
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("Utskicket finns inte längre")
  })

  it("refuses an expired link with 410 and says so", async () => {
    const old = makeLinkSigner(linkSecret, publicUrl).receiptUrl(
      annaDelivery,
      "anna",
      "read",
      new Date("2026-01-01T00:00:00Z"),
    )
    const response = await app.request(pathOf(old))
    expect(response.status).toBe(410)
    expect(await response.text()).toContain("Länken har gått ut")
  })
})

describe("one-click unsubscribe (RFC 8058)", () => {
  it("only asks on GET, so link scanners unsubscribe nobody", async () => {
    const url = mailTo("cleo@skane.example", "matvanor-work").headers["List-Unsubscribe"]!.slice(1, -1)
    const response = await app.request(pathOf(url))
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain(
      "Utskicket: <strong>Kartläggning av rökfria arbetsplatser</strong> från temagruppen <strong>Matvanor</strong>.",
    )
    expect(page).toContain("Vill du sluta få utskicken från temagruppen Matvanor?")
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'")
    expect(page).toContain('method="post"')
    const stillFollowing = await harness.run(
      Organisation.use((o) => o.follows.list({ filter: { personId: "cleo" } })),
    )
    expect(stillFollowing.items).toHaveLength(1)
  })

  it("unfollows the group on the one-click POST a mail client sends", async () => {
    const url = mailTo("cleo@skane.example", "matvanor-work").headers["List-Unsubscribe"]!.slice(1, -1)
    const response = await app.request(pathOf(url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    })
    expect(response.status).toBe(200)
    const done = await response.text()
    expect(done).toContain("Du följer inte längre gruppen")
    // The way back: the reader's own page, with the same signed token.
    const token = pathOf(url).split("/").at(-1)!
    expect(done).toContain(
      `Du kan få utskicken från temagruppen Matvanor igen på <a href="/preferences/${token}">Dina inställningar</a>`,
    )
    const following = await harness.run(
      Organisation.use((o) => o.follows.list({ filter: { personId: "cleo" } })),
    )
    expect(following.items).toEqual([])
    const back = await app.request(`/preferences/${token}`)
    expect(back.status).toBe(200)
  })

  it("opts a participant out of the group's mail, recorded in the audit log", async () => {
    const url = mailTo("cleo@skane.example").headers["List-Unsubscribe"]!.slice(1, -1)
    const response = await app.request(pathOf(url), { method: "POST", body: "List-Unsubscribe=One-Click" })
    expect(await response.text()).toContain("Du får inga fler utskick från temagruppen")
    const cleo = await harness.run(Organisation.use((o) => o.people.get("cleo")))
    expect(cleo.preferences.optedOutOfThemeGroups).toEqual(["tobak"])
    const again = await app.request(pathOf(url), { method: "POST", body: "List-Unsubscribe=One-Click" })
    expect(await again.text()).toContain("Det var redan gjort")
  })
})

describe("unsubscribing from a digest or from all mail", () => {
  it("ends the follows a daily digest summarised", async () => {
    const url = links.unsubscribeUrl("dag", { _tag: "Digest", cadence: "daily" }, clock.now())
    const response = await app.request(pathOf(url), { method: "POST", body: "List-Unsubscribe=One-Click" })
    expect(await response.text()).toContain("Du följer inte längre gruppen")
    const following = await harness.run(
      Organisation.use((o) => o.follows.list({ filter: { personId: "dag" } })),
    )
    expect(following.items).toEqual([])
  })

  it("turns email off for mail that belongs to no theme group, such as a briefing", async () => {
    const url = links.unsubscribeUrl("fia", { _tag: "AllEmail" }, clock.now())
    const response = await app.request(pathOf(url), { method: "POST", body: "List-Unsubscribe=One-Click" })
    expect(await response.text()).toContain("Du får inga fler mejl från Spridning")
    const fia = await harness.run(Organisation.use((o) => o.people.get("fia")))
    expect(fia.preferences.channels).toEqual([])
  })
})

describe("the reader's own preference page", () => {
  it("refuses a form with an unknown language or group with 400, saying which field, and changes nothing", async () => {
    const url = links.preferencesUrl("anna", clock.now())
    const before = await harness.run(Organisation.use((o) => o.people.get("anna")))
    const response = await app.request(pathOf(url), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "channels=email&language=fi&cadence=weekly&themeGroups=tobak&themeGroups=no-such-group",
    })
    expect(response.status).toBe(400)
    const page = await response.text()
    expect(page).toContain("<li>Språk: välj svenska eller engelska.</li>")
    expect(page).toContain(
      "<li>Temagrupper: no-such-group finns inte, eller är sammanslagen med en annan grupp.</li>",
    )
    const after = await harness.run(Organisation.use((o) => o.people.get("anna")))
    expect(after.preferences).toEqual(before.preferences)
  })

  it("does not open from a receipt link: that token speaks for one delivery, not for the reader", async () => {
    const read = links.receiptUrl(annaDelivery, "anna", "read", clock.now())
    const token = pathOf(read).split("/").at(-2)!
    const response = await app.request(`/preferences/${token}`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain("Länken fungerar inte")
  })
})

describe("SendGrid's event webhook", () => {
  const signed = (body: string, timestamp: number) => {
    const signer = createSign("sha256")
    signer.update(`${timestamp}${body}`)
    return {
      "x-twilio-email-event-webhook-signature": signer.sign(privateKey, "base64"),
      "x-twilio-email-event-webhook-timestamp": String(timestamp),
      "content-type": "application/json",
    }
  }
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000)
  const events = () =>
    JSON.stringify([
      {
        email: "anna@skane.example",
        timestamp: nowSeconds(),
        event: "delivered",
        sg_event_id: "ev-delivered-1",
        sg_message_id: "abc.filter0001",
        delivery_id: annaDelivery,
      },
      {
        email: "cleo@skane.example",
        timestamp: nowSeconds(),
        event: "bounce",
        type: "bounce",
        reason: "550 5.1.1 user unknown",
        sg_event_id: "ev-bounce-1",
        delivery_id: cleoDelivery,
      },
    ])

  it("records a signed batch against the deliveries and suppresses a bounced address", async () => {
    const body = events()
    const response = await app.request("/webhooks/sendgrid", {
      method: "POST",
      headers: signed(body, nowSeconds()),
      body,
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: 2, recorded: 2 })
    const recorded = await harness.run(DeliveryEvents.use((e) => e.forDelivery(annaDelivery)))
    expect(recorded.map((event) => event.event)).toEqual(["delivered"])
    expect(await harness.run(Suppressions.use((s) => s.isSuppressed("cleo@skane.example")))).toBe(true)
    expect(await harness.run(Suppressions.use((s) => s.isSuppressed("anna@skane.example")))).toBe(false)
  })

  it("rejects the same signed batch sent again", async () => {
    const body = JSON.stringify([
      { timestamp: nowSeconds(), event: "open", sg_event_id: "ev-open-1", email: "anna@skane.example" },
    ])
    const headers = signed(body, nowSeconds())
    expect((await app.request("/webhooks/sendgrid", { method: "POST", headers, body })).status).toBe(200)
    const replay = await app.request("/webhooks/sendgrid", { method: "POST", headers, body })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual({ error: "replayed" })
  })

  it("rejects a signed batch another instance already took (the guard shared through the database)", async () => {
    const instance = () =>
      emailRoutes({
        run: harness.run,
        links,
        webhookKey: webhookPublicKey(sendGridStyleKey),
        firstSeen: (signature) =>
          harness.run(SharedLimits.use((limits) => limits.firstSeen("sendgrid-webhook", signature, 600_000))),
        now: clock.now,
      })
    const body = JSON.stringify([
      { timestamp: nowSeconds(), event: "open", sg_event_id: "ev-open-shared", email: "anna@skane.example" },
    ])
    const headers = signed(body, nowSeconds())
    expect((await instance().request("/webhooks/sendgrid", { method: "POST", headers, body })).status).toBe(
      200,
    )
    const replay = await instance().request("/webhooks/sendgrid", { method: "POST", headers, body })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual({ error: "replayed" })
  })

  it.each([
    ["unsigned", () => ({ "content-type": "application/json" }), "unsigned"],
    [
      "signed by another key",
      () => {
        const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey
        const signer = createSign("sha256")
        const body = "[]"
        signer.update(`${nowSeconds()}${body}`)
        return {
          "x-twilio-email-event-webhook-signature": signer.sign(other, "base64"),
          "x-twilio-email-event-webhook-timestamp": String(nowSeconds()),
        }
      },
      "badSignature",
    ],
    ["older than five minutes", () => signed("[]", nowSeconds() - 301), "tooOld"],
    ["from the future", () => signed("[]", nowSeconds() + 301), "fromTheFuture"],
  ])("rejects a batch %s", async (_, headers, error) => {
    const response = await app.request("/webhooks/sendgrid", {
      method: "POST",
      headers: headers(),
      body: "[]",
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error })
  })

  it("records events for a delivery that no longer exists, so SendGrid does not retry forever", async () => {
    const body = JSON.stringify([
      {
        email: "anna@skane.example",
        timestamp: nowSeconds(),
        event: "open",
        sg_event_id: "ev-orphan-1",
        delivery_id: "00000000-0000-4000-8000-000000000000",
      },
    ])
    const response = await app.request("/webhooks/sendgrid", {
      method: "POST",
      headers: signed(body, nowSeconds()),
      body,
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: 1, recorded: 1 })
  })

  it("rejects a body changed after signing", async () => {
    const body = events()
    const headers = signed(body, nowSeconds())
    const response = await app.request("/webhooks/sendgrid", {
      method: "POST",
      headers,
      body: body.replace("delivered", "open"),
    })
    expect(response.status).toBe(401)
  })

  it("does not mail a bounced address again", async () => {
    harness.sendGrid.reset()
    const update = { ...updatesOfEveryKind[1]!, id: "after-bounce" }
    await harness.publish(
      update,
      [deliveryTo(update.id, "cleo", "skane", [participant("skane")])],
      clock.now(),
    )
    const worker = await harness.worker({ clock: clock.now })
    await harness.run(worker.drain())
    expect(harness.sendGrid.mails()).toEqual([])
    const [delivery] = await harness.run(Outbox.use((o) => o.forUpdate("after-bounce")))
    expect(delivery!.state).toBe("suppressed")
  })
})
