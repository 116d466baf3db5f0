import { PersonId } from "@spridning/core"
import { AuditLog, Database, Outbox } from "@spridning/db"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

const person = (id: string, email: string) => ({
  id,
  name: "Ny Person",
  email,
  function: "clinician",
  regionId: "r-vg",
  preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
})

describeApi("people: one mailbox, one person", (api) => {
  it("refuses a person whose address differs from another's only in letter case, naming that person", async () => {
    const twin = await api().call("admin", "POST", "/v1/people", person("p-bo-2", "P-Bo@Example.SE"))
    expect(twin.status).toBe(409)
    expect(twin.headers.get("content-type")).toBe("application/problem+json")
    expect(twin.body).toMatchObject({
      status: 409,
      detail:
        "Bo Berg (p-bo) already has the address p-bo@example.se; letter case does not make another mailbox. Change that person instead.",
    })
    const moved = await api().call("admin", "PATCH", "/v1/people/p-anna", { email: "P-BO@example.se" })
    expect(moved.status).toBe(409)
    // Its own address in other letters is the same person.
    const own = await api().call("admin", "PATCH", "/v1/people/p-bo", { email: "Bo.Berg@Example.se" })
    expect(own.status).toBe(200)
  })
})

describeApi("deletes", (api) => {
  it("deletes a person but keeps what was sent to them, counted and anonymised", async () => {
    const published = await api().call("admin", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Arbetslista",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "workListItem", status: "ongoing" },
      },
    })
    expect(published.status, published.text).toBe(201)
    const updateId = (published.body as { update: { id: string } }).update.id
    const before = await api().run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const annas = before.find((delivery) => delivery.personId === "p-anna")
    if (annas === undefined) throw new Error("Anna gets the update")
    const receipt = await api().call("admin", "POST", "/v1/receipts", { deliveryId: annas.id, kind: "read" })
    expect(receipt.status, receipt.text).toBe(201)

    const deleted = await api().call("region-editor", "DELETE", "/v1/people/p-anna")
    expect(deleted.status, deleted.text).toBe(204)

    expect((await api().call("reader", "GET", "/v1/people/p-anna")).status).toBe(404)
    const roles = await api().call("reader", "GET", "/v1/role-assignments?personId=p-anna")
    expect(roles.body).toEqual({ items: [] })
    const after = await api().run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    expect(after.length).toBe(before.length)
    // Delivery state is the office's to see: an admin reads the funnel.
    const funnel = await api().call("admin", "GET", `/v1/updates/${updateId}/funnel`)
    expect(funnel.body).toMatchObject({ total: { read: 1 } })
    const row = await api().run(
      Effect.flatMap(Database, (database) =>
        database.run("read removed person", (db) =>
          db.query.people.findFirst({ where: (people, { eq }) => eq(people.id, PersonId.make("p-anna")) }),
        ),
      ),
    )
    expect(row).toMatchObject({
      name: "Borttagen person",
      email: "removed+p-anna@spridning.invalid",
      optedOutOfAll: true,
    })
    const audit = await api().run(AuditLog.use((log) => log.list({ entity: "person", entityId: "p-anna" })))
    expect(audit.map((entry) => entry.action)).toEqual(["delete"])

    // The address is free again; the id stays taken by the history.
    const reuse = await api().call("admin", "POST", "/v1/people", person("p-anna-new", "p-anna@example.se"))
    expect(reuse.status, reuse.text).toBe(201)
    expect((await api().call("admin", "DELETE", "/v1/people/p-anna")).status).toBe(404)
  })

  it("refuses to delete a region's only bridge to a group until that role is deleted on purpose", async () => {
    const refused = await api().call("admin", "DELETE", "/v1/people/p-cia")
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({
      detail:
        "Cia Carlsson (p-cia) is the only link between r-skane and Tobaksprevention (role ra-cia), Alkoholprevention (role ra-cia-alk). Appoint someone else first, or delete the role on purpose with DELETE /v1/role-assignments/{id}.",
    })
    expect((await api().call("admin", "DELETE", "/v1/role-assignments/ra-cia")).status).toBe(204)
    expect((await api().call("admin", "DELETE", "/v1/role-assignments/ra-cia-alk")).status).toBe(204)
    expect((await api().call("admin", "DELETE", "/v1/role-assignments/ra-cia")).status).toBe(404)
    expect((await api().call("admin", "DELETE", "/v1/people/p-cia")).status).toBe(204)
  })

  it("refuses a reporting rule that others chain through, and deletes one at the start of a chain", async () => {
    const refused = await api().call("admin", "DELETE", "/v1/reporting-rules/rr-leader")
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({
      detail:
        "Reporting chains run through rr-leader: rr-chair, rr-contact, rr-participant, rr-skane lead to processLeader, who reports on through it. Delete or change those rules first.",
    })
    expect((await api().call("admin", "DELETE", "/v1/reporting-rules/rr-vg-input")).status).toBe(204)
    const rules = await api().call("reader", "GET", "/v1/reporting-rules")
    expect((rules.body as { items: Array<{ id: string }> }).items.map((rule) => rule.id)).toEqual([
      "rr-chair",
      "rr-contact",
      "rr-leader",
      "rr-participant",
      "rr-skane",
    ])
    // A region editor may not delete the network's defaults.
    expect((await api().call("region-editor", "DELETE", "/v1/reporting-rules/rr-participant")).status).toBe(
      403,
    )
  })

  it("refuses a regional body with members and an org unit with people, then deletes them", async () => {
    const member = await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-body",
      personId: "p-dan",
      role: "bodyMember",
      regionId: "r-skane",
      regionalBodyId: "rb-skane",
    })
    expect(member.status, member.text).toBe(201)
    const body = await api().call("admin", "DELETE", "/v1/regional-bodies/rb-skane")
    expect(body.status).toBe(409)
    expect(body.body).toMatchObject({
      detail: "Nätverk Skåne still has 1 member (role ra-body); delete those roles first.",
    })
    expect((await api().call("admin", "DELETE", "/v1/role-assignments/ra-body")).status).toBe(204)
    expect((await api().call("admin", "DELETE", "/v1/regional-bodies/rb-skane")).status).toBe(204)
    expect((await api().call("reader", "GET", "/v1/regional-bodies/rb-skane")).status).toBe(404)

    const staffed = await api().call("admin", "PATCH", "/v1/people/p-dan", { orgUnitId: "ou-skane" })
    expect(staffed.status, staffed.text).toBe(200)
    const unit = await api().call("admin", "DELETE", "/v1/org-units/ou-skane")
    expect(unit.status).toBe(409)
    expect(unit.body).toMatchObject({
      detail: "Vårdcentral Skåne still has 1 person (p-dan); move them to another unit first.",
    })
  })

  it("stops a follow, and says 404 when there is none", async () => {
    expect((await api().call("admin", "DELETE", "/v1/follows/p-eva/tg-tobak")).status).toBe(204)
    expect((await api().call("admin", "DELETE", "/v1/follows/p-eva/tg-tobak")).status).toBe(404)
  })

  it("describes what each delete does and when it is refused in the OpenAPI document", async () => {
    const document = (await api().call(undefined, "GET", "/openapi.json")).body as {
      paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>
    }
    for (const path of [
      "/v1/people/{id}",
      "/v1/role-assignments/{id}",
      "/v1/reporting-rules/{id}",
      "/v1/regional-bodies/{id}",
      "/v1/org-units/{id}",
    ]) {
      expect(Object.keys(document.paths[path]?.delete?.responses ?? {})).toContain("204")
      expect(document.paths[path]?.delete?.description?.length ?? 0).toBeGreaterThan(40)
    }
    expect(document.paths["/v1/people/{id}"]?.delete?.description).toContain("only bridge")
  })
})
