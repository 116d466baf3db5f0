import { beforeAll, expect, it } from "vitest"
import { describeApi } from "./support.js"
import { adminActor, deliveryIds, execute, publishNotes, query } from "./support-office.js"

interface DeliveryPage {
  items: Array<Record<string, unknown> & { id: string; personId: string; state: string }>
  nextCursor?: string
}

describeApi("what the network office sees of deliveries", (api) => {
  let updateId = ""
  let ids: Record<string, string> = {}

  beforeAll(async () => {
    updateId = await publishNotes(api(), "Minnesanteckningar april")
    ids = await deliveryIds(api(), updateId)
    // As a dispatcher would leave them: Anna's sent and read, Cia's given up, Eva's waiting to retry.
    await execute(
      api(),
      `update deliveries set created_at = '2026-11-20T09:00:00Z', next_attempt_at = '2026-11-20T09:00:00Z'
       where update_id = '${updateId}'`,
    )
    await execute(
      api(),
      `update deliveries set state = 'sent', attempts = 1, sent_at = '2026-11-20T09:00:05Z' where id = '${ids["p-anna"]}'`,
    )
    await execute(
      api(),
      `insert into receipts (delivery_id, kind, at) values ('${ids["p-anna"]}', 'read', '2026-11-21T08:00:00Z')`,
    )
    await execute(
      api(),
      `update deliveries set state = 'dead', attempts = 5, last_error = '550 5.1.1 mailbox unavailable'
       where id = '${ids["p-cia"]}'`,
    )
    await execute(
      api(),
      `update deliveries set state = 'failed', attempts = 2, last_error = '429 Too Many Requests',
         next_attempt_at = '2026-11-20T09:15:00Z' where id = '${ids["p-eva"]}'`,
    )
  })

  const common = () => ({
    updateId,
    updateTitle: "Minnesanteckningar april",
    channel: "email",
    createdAt: "2026-11-20T09:00:00.000Z",
    resends: 0,
  })

  const anna = () => ({
    ...common(),
    id: ids["p-anna"],
    personId: "p-anna",
    personName: "Anna Andersson",
    regionId: "r-vg",
    regionName: "Västra Götalandsregionen",
    state: "sent",
    attempts: 1,
    nextAttemptAt: "2026-11-20T09:00:00.000Z",
    sentAt: "2026-11-20T09:00:05.000Z",
    receipts: [{ kind: "read", at: "2026-11-21T08:00:00.000Z" }],
  })
  const cecilia = () => ({
    ...common(),
    id: ids["p-chair"],
    personId: "p-chair",
    personName: "Cecilia Ek",
    regionId: "r-vg",
    regionName: "Västra Götalandsregionen",
    state: "pending",
    attempts: 0,
    nextAttemptAt: "2026-11-20T09:00:00.000Z",
    receipts: [],
  })
  const cia = () => ({
    ...common(),
    id: ids["p-cia"],
    personId: "p-cia",
    personName: "Cia Carlsson",
    regionId: "r-skane",
    regionName: "Region Skåne",
    state: "dead",
    attempts: 5,
    nextAttemptAt: "2026-11-20T09:00:00.000Z",
    lastError: "550 5.1.1 mailbox unavailable",
    bridge: { regionId: "r-skane", via: "contactPerson" },
    receipts: [],
  })
  const eva = () => ({
    ...common(),
    id: ids["p-eva"],
    personId: "p-eva",
    personName: "Eva Ek",
    regionId: "r-halland",
    regionName: "Region Halland",
    state: "failed",
    attempts: 2,
    nextAttemptAt: "2026-11-20T09:15:00.000Z",
    lastError: "429 Too Many Requests",
    receipts: [],
  })

  it("lists every delivery of an update with names, state, attempts, last error, bridge, sent at and receipts", async () => {
    const { status, body } = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries`)
    expect(status).toBe(200)
    expect(body).toEqual({ items: [anna(), cecilia(), cia(), eva()] })
  })

  it("filters an update's deliveries by state", async () => {
    const dead = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?state=dead`)
    expect(dead.body).toEqual({ items: [cia()] })
    const failed = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?state=failed`)
    expect(failed.body).toEqual({ items: [eva()] })
    const held = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?state=suppressed`)
    expect(held.body).toEqual({ items: [] })
  })

  it("answers an update's deliveries in cursor pages that join up without gaps or repeats", async () => {
    const first = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?limit=3`)
    const page = first.body as DeliveryPage
    expect(page.items.map((item) => item.personId)).toEqual(["p-anna", "p-chair", "p-cia"])
    expect(typeof page.nextCursor).toBe("string")
    const second = await api().call(
      "admin",
      "GET",
      `/v1/updates/${updateId}/deliveries?limit=3&cursor=${page.nextCursor}`,
    )
    expect(second.body).toEqual({ items: [eva()] })
  })

  it("refuses a state that does not exist, a cursor it did not hand out and an unknown update", async () => {
    const state = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?state=lost`)
    expect(state.status).toBe(400)
    expect((state.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(["state"])
    const cursor = await api().call("admin", "GET", `/v1/updates/${updateId}/deliveries?cursor=bm9wZQ`)
    expect(cursor.status).toBe(400)
    expect((cursor.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(["cursor"])
    const unknown = await api().call("admin", "GET", "/v1/updates/u-unknown/deliveries")
    expect(unknown.status).toBe(404)
  })

  it("lets the group's editor see its update's deliveries, and not a reader or another region's editor", async () => {
    expect((await api().call("group-editor", "GET", `/v1/updates/${updateId}/deliveries`)).status).toBe(200)
    const reader = await api().call("reader", "GET", `/v1/updates/${updateId}/deliveries`)
    expect(reader.status).toBe(403)
    expect(reader.headers.get("content-type")).toBe("application/problem+json")
    expect((await api().call("region-editor", "GET", `/v1/updates/${updateId}/deliveries`)).status).toBe(403)
  })

  it("lists dead deliveries across updates with names (admin only)", async () => {
    const { status, body } = await api().call("admin", "GET", "/v1/deliveries?state=dead")
    expect(status).toBe(200)
    expect(body).toEqual({ items: [cia()] })
    expect((await api().call("group-editor", "GET", "/v1/deliveries?state=dead")).status).toBe(403)
    expect((await api().call("region-editor", "GET", "/v1/deliveries?state=dead")).status).toBe(403)
  })

  it("refuses to retry a delivery that is not dead or failed, saying why, and answers 404 for unknown ones", async () => {
    const pending = await api().call("admin", "POST", `/v1/deliveries/${ids["p-chair"]}/retry`)
    expect(pending.status).toBe(409)
    expect((pending.body as { detail: string }).detail).toBe(
      `Cannot change delivery "${ids["p-chair"]}": it is pending; only a dead or failed delivery can be sent again`,
    )
    const sent = await api().call("admin", "POST", `/v1/deliveries/${ids["p-anna"]}/retry`)
    expect(sent.status).toBe(409)
    expect(
      (await api().call("admin", "POST", "/v1/deliveries/00000000-0000-4000-8000-000000000000/retry")).status,
    ).toBe(404)
    expect((await api().call("admin", "POST", "/v1/deliveries/not-a-delivery/retry")).status).toBe(404)
    expect((await api().call("group-editor", "POST", `/v1/deliveries/${ids["p-cia"]}/retry`)).status).toBe(
      403,
    )
  })

  it("retries a dead delivery: pending and due now, attempts kept, audited with the token", async () => {
    const before = Date.now()
    const { status, body } = await api().call("admin", "POST", `/v1/deliveries/${ids["p-cia"]}/retry`)
    expect(status).toBe(200)
    const retried = body as { state: string; attempts: number; nextAttemptAt: string }
    expect({ ...retried, nextAttemptAt: undefined }).toEqual({
      ...cia(),
      state: "pending",
      nextAttemptAt: undefined,
    })
    expect(Date.parse(retried.nextAttemptAt)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(retried.nextAttemptAt)).toBeLessThanOrEqual(Date.now() + 1000)
    const stored = await query<{ state: string; attempts: number; lease_until: unknown }>(
      api(),
      `select state, attempts, lease_until from deliveries where id = '${ids["p-cia"]}'`,
    )
    expect(stored).toEqual([{ state: "pending", attempts: 5, lease_until: null }])

    const failed = await api().call("admin", "POST", `/v1/deliveries/${ids["p-eva"]}/retry`)
    expect(failed.status).toBe(200)
    expect((failed.body as { state: string; attempts: number }).state).toBe("pending")
    expect((failed.body as { state: string; attempts: number }).attempts).toBe(2)

    const audit = await api().call("admin", "GET", `/v1/audit?entity=delivery&entityId=${ids["p-cia"]}`)
    const entries = (audit.body as { items: Array<Record<string, unknown>> }).items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actor: await adminActor(api()),
      action: "retry",
      entity: "delivery",
      entityId: ids["p-cia"],
      before: { state: "dead", attempts: 5, lastError: "550 5.1.1 mailbox unavailable" },
      after: { state: "pending", attempts: 5 },
    })
    const dead = await api().call("admin", "GET", "/v1/deliveries?state=dead")
    expect(dead.body).toEqual({ items: [] })
  })
})
