import { AuditLog, Outbox } from "@spridning/db"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

interface Preview {
  recipients: Array<{ personId: string; reasons: Array<{ _tag: string }> }>
  excluded: Array<{ personId: string }>
  passOnLine: { sv: string; en: string }
}

describeApi("dissemination", (api) => {
  it("previews an audience: every recipient with their reasons, and sends nothing", async () => {
    const { status, body } = await api().call("reader", "POST", "/v1/audiences/preview", {
      audience: { scope: "network", themeGroups: ["tg-tobak"] },
    })
    expect(status).toBe(200)
    const preview = body as Preview
    expect(preview.recipients.length).toBeGreaterThan(0)
    for (const recipient of preview.recipients) expect(recipient.reasons.length).toBeGreaterThan(0)
    expect(preview.recipients.map((r) => r.personId)).toContain("p-anna")
    expect(preview.passOnLine.sv).toMatch(/Sprid vidare till/)
    const updates = await api().call("reader", "GET", "/v1/updates")
    expect((updates.body as { items: unknown[] }).items).toHaveLength(0)
  })

  it("previews what publishing would plan for the update's group: the bridge into Skåne, people and deliveries", async () => {
    const audience = { scope: "network", themeGroups: ["tg-tobak"] }
    const withGroup = await api().call("reader", "POST", "/v1/audiences/preview", {
      audience,
      themeGroupId: "tg-tobak",
    })
    expect(withGroup.status).toBe(200)
    expect(withGroup.body).toMatchObject({
      people: 4,
      deliveries: 4,
      bridges: [{ regionId: "r-skane", via: "contactPerson", personId: "p-cia" }],
      unreachableRegions: [],
    })
    // Without the update's group there is nobody to bridge through.
    const withoutGroup = await api().call("reader", "POST", "/v1/audiences/preview", { audience })
    expect(withoutGroup.body).toMatchObject({ people: 4, deliveries: 4, bridges: [], unreachableRegions: [] })

    const published = await api().call("group-editor", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Som förhandsgranskat",
        audience,
        details: { kind: "meetingNotes", meetingDate: "2026-03-14" },
      },
    })
    expect(published.body).toMatchObject({
      plan: { deliveries: 4, recipients: 4, bridges: [{ regionId: "r-skane", via: "contactPerson" }] },
    })
  })

  it("answers 404 for an audience naming a region that does not exist", async () => {
    const { status } = await api().call("reader", "POST", "/v1/audiences/preview", {
      audience: { scope: "network", regions: ["r-atlantis"] },
    })
    expect(status).toBe(404)
  })

  it("names the invalid fields of an audience", async () => {
    const { status, body } = await api().call("reader", "POST", "/v1/audiences/preview", {
      audience: { scope: "everyone", tags: ["gossip"] },
    })
    expect(status).toBe(400)
    const paths = (body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(["audience.scope", "audience.tags.0"]))
  })

  it("publishes meeting notes to the group, bridging into Skåne through its contact person", async () => {
    const { status, body } = await api().call("group-editor", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Minnesanteckningar mars",
        body: "Vi pratade om snus.",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "meetingNotes", meetingDate: "2026-03-14" },
      },
    })
    expect(status, JSON.stringify(body)).toBe(201)
    const published = body as {
      update: { id: string; publishedAt?: string }
      plan: {
        deliveries: number
        bridges: Array<{ regionId: string; via: string }>
        passOnLine: { sv: string }
      }
    }
    expect(published.update.publishedAt).toBeDefined()
    expect(published.plan.deliveries).toBeGreaterThan(0)
    const deliveries = await api().run(Outbox.use((outbox) => outbox.forUpdate(published.update.id)))
    expect(deliveries).toHaveLength(published.plan.deliveries)

    const plan = await api().call("admin", "GET", `/v1/updates/${published.update.id}/plan`)
    expect(plan.status).toBe(200)
    expect((plan.body as { deliveries: unknown[] }).deliveries.length).toBe(published.plan.deliveries)

    const funnel = await api().call("admin", "GET", `/v1/updates/${published.update.id}/funnel`)
    expect(funnel.status).toBe(200)
    expect(funnel.body).toMatchObject({
      total: { delivered: expect.any(Number), read: 0, passedOn: 0, acted: 0 },
    })
  })

  it("counts a receipt in the funnel: read, then acted", async () => {
    const published = await api().call("admin", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Arbetslista",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "workListItem", status: "ongoing" },
      },
    })
    const updateId = (published.body as { update: { id: string } }).update.id
    const [delivery] = await api().run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    if (delivery === undefined) throw new Error("no delivery")
    for (const kind of ["read", "acted"]) {
      const receipt = await api().call("admin", "POST", "/v1/receipts", { deliveryId: delivery.id, kind })
      expect(receipt.status, receipt.text).toBe(201)
    }
    const funnel = await api().call("admin", "GET", `/v1/updates/${updateId}/funnel`)
    expect(funnel.body).toMatchObject({ total: { read: 1, acted: 1 } })
    const receipts = await api().call("reader", "GET", `/v1/receipts?deliveryId=${delivery.id}`)
    expect((receipts.body as { items: unknown[] }).items).toHaveLength(2)
    const audit = await api().run(
      AuditLog.use((log) => log.list({ entity: "receipt", entityId: delivery.id })),
    )
    expect(audit.map((entry) => entry.actor)).toEqual([
      expect.stringMatching(/^token:/),
      expect.stringMatching(/^token:/),
    ])
  })

  it("answers 404 for a receipt on a delivery that does not exist", async () => {
    const { status } = await api().call("admin", "POST", "/v1/receipts", {
      deliveryId: "d-nowhere",
      kind: "read",
    })
    expect(status).toBe(404)
  })

  it("stores a draft that reaches nobody until it is published", async () => {
    const draft = await api().call("group-editor", "POST", "/v1/digital-hours", {
      themeGroupId: "tg-tobak",
      title: "Digitimme: tobaksfri duo",
      body: "En timme om tobaksfri duo.",
      audience: { scope: "public" },
      details: {
        kind: "digitalHour",
        startsAt: "2099-04-01T12:00:00Z",
        endsAt: "2099-04-01T13:00:00Z",
        url: "https://example.se/meet",
      },
    })
    expect(draft.status, draft.text).toBe(201)
    const id = (draft.body as { id: string; publishedAt?: string }).id
    expect((draft.body as { publishedAt?: string }).publishedAt).toBeUndefined()
    expect(await api().run(Outbox.use((outbox) => outbox.forUpdate(id)))).toHaveLength(0)

    const ics = await api().call("reader", "GET", `/v1/digital-hours/${id}.ics`)
    expect(ics.status).toBe(200)
    expect(ics.headers.get("content-type")).toContain("text/calendar")
    expect(ics.text).toContain("BEGIN:VEVENT")
    expect(ics.text).toContain("Digitimme: tobaksfri duo")

    const published = await api().call("group-editor", "POST", "/v1/updates", { draftId: id })
    expect(published.status, published.text).toBe(201)
    const again = await api().call("group-editor", "POST", "/v1/updates", { draftId: id })
    expect(again.status).toBe(409)
    const listed = await api().call("reader", "GET", "/v1/digital-hours?published=true")
    expect((listed.body as { items: Array<{ id: string }> }).items.map((u) => u.id)).toContain(id)
  })

  it("never answers one kind of content at another kind's path", async () => {
    const notes = await api().call("admin", "POST", "/v1/meeting-notes", {
      themeGroupId: "tg-tobak",
      title: "Anteckningar",
      audience: { scope: "network" },
      details: { kind: "meetingNotes", meetingDate: "2026-02-01" },
    })
    const id = (notes.body as { id: string }).id
    expect((await api().call("reader", "GET", `/v1/meeting-notes/${id}`)).status).toBe(200)
    expect((await api().call("reader", "GET", `/v1/good-examples/${id}`)).status).toBe(404)
    expect((await api().call("reader", "GET", `/v1/digital-hours/${id}.ics`)).status).toBe(404)
  })

  it("refuses a details kind that does not match the path", async () => {
    const { status } = await api().call("admin", "POST", "/v1/meeting-notes", {
      themeGroupId: "tg-tobak",
      title: "Fel sort",
      audience: { scope: "network" },
      details: { kind: "actionPlan", planYear: 2027 },
    })
    expect(status).toBe(400)
  })

  it("lets every region send a proposal, and answers each — a decline needs a reason", async () => {
    const round = await api().call("group-editor", "POST", "/v1/proposal-rounds", {
      themeGroupId: "tg-tobak",
      title: "Förslag inför handlingsplan 2027",
      audience: { scope: "network" },
      details: { kind: "proposalRound", deadline: "2099-06-30T00:00:00Z", planYear: 2027 },
    })
    const roundId = (round.body as { id: string }).id
    const sent = await api().call("region-editor", "POST", `/v1/proposal-rounds/${roundId}/proposals`, {
      regionId: "r-vg",
      submittedBy: "p-bo",
      text: "Mer stöd till tobaksavvänjning i primärvården",
    })
    expect(sent.status, sent.text).toBe(201)
    const proposalId = (sent.body as { id: string }).id
    const withoutReason = await api().call(
      "group-editor",
      "POST",
      `/v1/proposal-rounds/${roundId}/proposals/${proposalId}/answer`,
      { status: "declined" },
    )
    expect(withoutReason.status).toBe(422)
    expect(withoutReason.body).toMatchObject({ errors: [{ path: "reason" }] })
    const declined = await api().call(
      "group-editor",
      "POST",
      `/v1/proposal-rounds/${roundId}/proposals/${proposalId}/answer`,
      { status: "declined", reason: "Ryms inte i årets plan" },
    )
    expect(declined.status, declined.text).toBe(200)
    const list = await api().call("reader", "GET", `/v1/proposal-rounds/${roundId}/proposals`)
    expect(list.body).toMatchObject({
      items: [{ id: proposalId, status: "declined", reason: "Ryms inte i årets plan" }],
    })
  })

  it("lists good examples by tag", async () => {
    await api().call("admin", "POST", "/v1/good-examples", {
      title: "Hur få till ett regionalt nätverk?",
      audience: { scope: "public" },
      details: { kind: "goodExample", tags: ["regionalt nätverk"], regionId: "r-vg" },
    })
    const { body } = await api().call(
      "reader",
      "GET",
      `/v1/good-examples?tag=${encodeURIComponent("regionalt nätverk")}`,
    )
    expect((body as { items: Array<{ title: string }> }).items.map((e) => e.title)).toContain(
      "Hur få till ett regionalt nätverk?",
    )
  })
})
