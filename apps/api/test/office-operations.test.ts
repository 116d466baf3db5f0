import { Suppressions } from "@spridning/db"
import { beforeAll, expect, it } from "vitest"
import { describeApi } from "./support.js"
import { adminActor, execute, publishNotes } from "./support-office.js"

interface AuditPage {
  items: Array<{ id: number; actor: string; at: string; action: string; entity: string; entityId: string }>
  nextCursor?: string
}

describeApi("suppressions and the audit log", (api) => {
  let february = ""
  let march = ""
  let april = ""

  beforeAll(async () => {
    for (const [email, reason] of [
      ["Cia.Carlsson@Example.se", "bounce"],
      ["anna@example.se", "unsubscribe"],
      ["zed@example.se", "manual"],
    ] as const) {
      await api().run(Suppressions.use((suppressions) => suppressions.add(email, reason)))
    }
    await execute(api(), "update suppressions set created_at = '2026-10-01T12:00:00Z'")
    february = await publishNotes(api(), "Minnesanteckningar februari", "admin")
    march = await publishNotes(api(), "Minnesanteckningar mars", "admin")
    april = await publishNotes(api(), "Minnesanteckningar april", "group-editor")
    const at = (id: string, time: string) =>
      execute(api(), `update audit_log set at = '${time}' where entity = 'update' and entity_id = '${id}'`)
    await at(february, "2026-02-10T09:00:00Z")
    await at(march, "2026-03-10T09:00:00Z")
    await at(april, "2026-04-10T09:00:00Z")
  })

  it("lists suppressed addresses in order, with the reason, in cursor pages (admin only)", async () => {
    const first = await api().call("admin", "GET", "/v1/suppressions?limit=2")
    expect(first.status).toBe(200)
    const page = first.body as { items: unknown[]; nextCursor?: string }
    expect(page.items).toEqual([
      { email: "anna@example.se", reason: "unsubscribe", createdAt: "2026-10-01T12:00:00.000Z" },
      { email: "cia.carlsson@example.se", reason: "bounce", createdAt: "2026-10-01T12:00:00.000Z" },
    ])
    const second = await api().call("admin", "GET", `/v1/suppressions?limit=2&cursor=${page.nextCursor}`)
    expect(second.body).toEqual({
      items: [{ email: "zed@example.se", reason: "manual", createdAt: "2026-10-01T12:00:00.000Z" }],
    })
    expect((await api().call("region-editor", "GET", "/v1/suppressions")).status).toBe(403)
    expect((await api().call("reader", "GET", "/v1/suppressions")).status).toBe(403)
  })

  it("lets mail reach an address again, whatever its case, audited; 404 when it is not suppressed", async () => {
    expect((await api().call("group-editor", "DELETE", "/v1/suppressions/zed@example.se")).status).toBe(403)
    const removed = await api().call("admin", "DELETE", "/v1/suppressions/CIA.CARLSSON%40EXAMPLE.SE")
    expect(removed.status, removed.text).toBe(204)
    const again = await api().call("admin", "DELETE", "/v1/suppressions/cia.carlsson@example.se")
    expect(again.status).toBe(404)
    expect(again.headers.get("content-type")).toBe("application/problem+json")
    expect((again.body as { detail: string }).detail).toBe(
      '"cia.carlsson@example.se" is not on the suppression list.',
    )
    const left = await api().call("admin", "GET", "/v1/suppressions")
    expect((left.body as { items: Array<{ email: string }> }).items.map((s) => s.email)).toEqual([
      "anna@example.se",
      "zed@example.se",
    ])
    const audit = await api().call("admin", "GET", "/v1/audit?entity=suppression")
    const entries = (audit.body as AuditPage).items
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actor: await adminActor(api()),
      action: "delete",
      entity: "suppression",
      entityId: "cia.carlsson@example.se",
      before: { email: "cia.carlsson@example.se", reason: "bounce" },
      after: null,
    })
  })

  it("filters the audit log by entity and actor, newest first, in cursor pages", async () => {
    const all = await api().call("admin", "GET", "/v1/audit?entity=update")
    expect((all.body as AuditPage).items.map((entry) => [entry.entityId, entry.action])).toEqual([
      [april, "publish"],
      [march, "publish"],
      [february, "publish"],
    ])
    const admin = await adminActor(api())
    const first = await api().call("admin", "GET", `/v1/audit?entity=update&actor=${admin}&limit=1`)
    const page = first.body as AuditPage
    expect(page.items.map((entry) => entry.entityId)).toEqual([march])
    const second = await api().call(
      "admin",
      "GET",
      `/v1/audit?entity=update&actor=${admin}&limit=1&cursor=${page.nextCursor}`,
    )
    expect((second.body as AuditPage).items.map((entry) => entry.entityId)).toEqual([february])
    expect((second.body as AuditPage).nextCursor).toBeUndefined()
  })

  it("filters the audit log by a time range: from inclusive, to exclusive", async () => {
    const range = await api().call(
      "admin",
      "GET",
      "/v1/audit?entity=update&from=2026-03-10T09:00:00Z&to=2026-04-10",
    )
    expect((range.body as AuditPage).items.map((entry) => [entry.entityId, entry.at])).toEqual([
      [march, "2026-03-10T09:00:00.000Z"],
    ])
    const before = await api().call("admin", "GET", "/v1/audit?entity=update&to=2026-03-01")
    expect((before.body as AuditPage).items.map((entry) => entry.entityId)).toEqual([february])
  })

  it("answers 400 naming the parameter for a bad time or cursor, and 403 for anyone but the office", async () => {
    const from = await api().call("admin", "GET", "/v1/audit?from=yesterday")
    expect(from.status).toBe(400)
    expect((from.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(["from"])
    const cursor = await api().call("admin", "GET", "/v1/audit?cursor=bm9wZQ")
    expect(cursor.status).toBe(400)
    expect((cursor.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(["cursor"])
    expect((await api().call("group-editor", "GET", "/v1/audit")).status).toBe(403)
    expect((await api().call("region-editor", "GET", "/v1/audit")).status).toBe(403)
  })
})
