import { expect, it } from "vitest"
import { describeApi } from "./support.js"

const newPerson = (id: string, regionId = "r-vg") => ({
  id,
  name: "Nina Ny",
  email: `${id}@example.se`,
  function: "clinician",
  regionId,
  preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
})

describeApi("organisation resources", (api) => {
  it("lists regions a page at a time, following the cursor to the end", async () => {
    const first = await api().call("reader", "GET", "/v1/regions?limit=2")
    expect(first.status).toBe(200)
    const page = first.body as { items: Array<{ id: string }>; nextCursor?: string }
    expect(page.items.map((r) => r.id)).toEqual(["r-halland", "r-skane"])
    expect(page.nextCursor).toBeDefined()
    const second = await api().call("reader", "GET", `/v1/regions?limit=2&cursor=${page.nextCursor}`)
    const rest = second.body as { items: Array<{ id: string }>; nextCursor?: string }
    expect(rest.items.map((r) => r.id)).toEqual(["r-vg"])
    expect(rest.nextCursor).toBeUndefined()
  })

  it("finds Halland from both of its healthcare regions", async () => {
    for (const hcr of ["hr-vast", "hr-sodra"]) {
      const { body } = await api().call("reader", "GET", `/v1/regions?healthcareRegionId=${hcr}`)
      expect((body as { items: Array<{ id: string }> }).items.map((r) => r.id)).toContain("r-halland")
    }
  })

  it("reads one record and answers 404 problem+json for an unknown id", async () => {
    const found = await api().call("reader", "GET", "/v1/people/p-anna")
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({ id: "p-anna", regionId: "r-vg" })
    const missing = await api().call("reader", "GET", "/v1/people/p-nobody")
    expect(missing.status).toBe(404)
    expect(missing.headers.get("content-type")).toBe("application/problem+json")
    expect(missing.body).toMatchObject({ status: 404, detail: expect.stringContaining("p-nobody") })
  })

  it("creates a person, then shows them in lists filtered by region", async () => {
    const created = await api().call("admin", "POST", "/v1/people", newPerson("p-created"))
    expect(created.status).toBe(201)
    const { body } = await api().call("reader", "GET", "/v1/people?regionId=r-vg&limit=500")
    expect((body as { items: Array<{ id: string }> }).items.map((p) => p.id)).toContain("p-created")
  })

  it("names every invalid field of a bad body", async () => {
    const bad = { ...newPerson("p-bad"), email: "not-an-email", function: "wizard", preferences: undefined }
    const { status, body } = await api().call("admin", "POST", "/v1/people", bad)
    expect(status).toBe(400)
    const paths = (body as { errors: Array<{ in: string; path: string }> }).errors.map(
      (e) => `${e.in}:${e.path}`,
    )
    expect(paths).toEqual(expect.arrayContaining(["body:email", "body:function", "body:preferences"]))
  })

  it("answers 404 when a new record points at a region that does not exist", async () => {
    const { status, body } = await api().call("admin", "POST", "/v1/org-units", {
      id: "ou-ghost",
      regionId: "r-ghost",
      name: "Spöke",
      sector: "care",
    })
    expect(status).toBe(404)
    expect(body).toMatchObject({ detail: expect.stringContaining("r-ghost") })
  })

  it("answers 409 for a second record with the same id", async () => {
    const again = await api().call("admin", "POST", "/v1/healthcare-regions", {
      id: "hr-vast",
      name: "Västra igen",
    })
    expect(again.status).toBe(409)
  })

  it("changes only the fields a PATCH names", async () => {
    const { status, body } = await api().call("admin", "PATCH", "/v1/theme-groups/tg-alkohol", {
      wantedFunctions: ["strategist"],
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: "tg-alkohol",
      name: "Alkoholprevention",
      wantedFunctions: ["strategist"],
    })
    const read = await api().call("reader", "GET", "/v1/theme-groups/tg-alkohol")
    expect(read.body).toMatchObject({ wantedFunctions: ["strategist"] })
  })

  it("creates, changes and lists each kind of organisation record", async () => {
    const steps: Array<[string, string, unknown]> = [
      ["POST", "/v1/healthcare-regions", { id: "hr-norra", name: "Norra" }],
      ["PATCH", "/v1/healthcare-regions/hr-norra", { name: "Norra sjukvårdsregionen" }],
      [
        "POST",
        "/v1/regions",
        { id: "r-nb", name: "Region Norrbotten", kind: "region", healthcareRegionIds: ["hr-norra"] },
      ],
      ["PATCH", "/v1/regions/r-nb", { name: "Norrbotten" }],
      [
        "POST",
        "/v1/org-units",
        { id: "ou-nb", regionId: "r-nb", name: "Folkhälsa NB", sector: "publicHealth" },
      ],
      ["PATCH", "/v1/org-units/ou-nb", { sector: "care" }],
      [
        "POST",
        "/v1/theme-groups",
        { id: "tg-mat", name: "Matvanor", topic: "mat", status: "active", wantedFunctions: [] },
      ],
      ["PATCH", "/v1/theme-groups/tg-mat", { topic: "matvanor" }],
      ["POST", "/v1/people", newPerson("p-nb", "r-nb")],
      ["PATCH", "/v1/people/p-nb", { name: "Nils Norr" }],
      [
        "POST",
        "/v1/role-assignments",
        { id: "ra-nb", personId: "p-nb", role: "processLeader", regionId: "r-nb" },
      ],
      ["PATCH", "/v1/role-assignments/ra-nb", { role: "presidiumMember" }],
      [
        "POST",
        "/v1/regional-bodies",
        { id: "rb-nb", regionId: "r-nb", kind: "referenceGroup", name: "Ref NB", wantedSectors: [] },
      ],
      ["PATCH", "/v1/regional-bodies/rb-nb", { wantedSectors: ["school"] }],
      [
        "POST",
        "/v1/reporting-rules",
        { id: "rr-nb", regionId: "r-nb", from: "participant", to: "processLeader", relation: "reportsTo" },
      ],
      ["PATCH", "/v1/reporting-rules/rr-nb", { relation: "getsInputFrom" }],
    ]
    for (const [method, path, body] of steps) {
      const response = await api().call("admin", method, path, body)
      expect(response.status, `${method} ${path}: ${response.text}`).toBeLessThan(300)
    }
    for (const [path, id] of [
      ["/v1/healthcare-regions", "hr-norra"],
      ["/v1/org-units?regionId=r-nb", "ou-nb"],
      ["/v1/role-assignments?regionId=r-nb", "ra-nb"],
      ["/v1/regional-bodies?regionId=r-nb", "rb-nb"],
      ["/v1/reporting-rules?regionId=r-nb", "rr-nb"],
    ] as const) {
      const { body } = await api().call("reader", "GET", path)
      expect((body as { items: Array<{ id: string }> }).items.map((r) => r.id)).toContain(id)
    }
    const rules = await api().call("reader", "GET", "/v1/reporting-rules?regionId=default")
    expect(
      (rules.body as { items: Array<{ regionId?: string }> }).items.every((r) => r.regionId === undefined),
    ).toBe(true)
  })

  it("follows a theme group, changes the frequency, and stops following", async () => {
    const put = await api().call("admin", "PUT", "/v1/follows/p-anna/tg-alkohol", { frequency: "daily" })
    expect(put.status).toBe(200)
    const listed = await api().call("reader", "GET", "/v1/follows?personId=p-anna")
    expect(listed.body).toMatchObject({
      items: [{ personId: "p-anna", themeGroupId: "tg-alkohol", frequency: "daily" }],
    })
    const removed = await api().call("admin", "DELETE", "/v1/follows/p-anna/tg-alkohol")
    expect(removed.status).toBe(204)
    const again = await api().call("admin", "DELETE", "/v1/follows/p-anna/tg-alkohol")
    expect(again.status).toBe(404)
  })

  it("replaces a person's preferences", async () => {
    const preferences = {
      channels: ["slack"],
      language: "en",
      optedOutOfAll: false,
      optedOutOfThemeGroups: ["tg-alkohol"],
    }
    const put = await api().call("admin", "PUT", "/v1/people/p-dan/preferences", preferences)
    expect(put.status).toBe(200)
    const read = await api().call("reader", "GET", "/v1/people/p-dan/preferences")
    expect(read.body).toEqual(preferences)
  })

  it("merges a theme group into another, keeping its members and followers", async () => {
    await api().call("admin", "POST", "/v1/theme-groups", {
      id: "tg-snus",
      name: "Snus",
      topic: "snus",
      status: "active",
      wantedFunctions: [],
    })
    await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-snus",
      personId: "p-dan",
      role: "participant",
      regionId: "r-skane",
      themeGroupId: "tg-snus",
    })
    const merged = await api().call("admin", "POST", "/v1/theme-groups/tg-snus/merge", { into: "tg-tobak" })
    expect(merged.status, merged.text).toBe(200)
    expect(merged.body).toMatchObject({ from: "tg-snus", into: "tg-tobak", moved: { roles: 1 } })
    const group = await api().call("reader", "GET", "/v1/theme-groups/tg-snus")
    expect(group.body).toMatchObject({ status: "merged", mergedInto: "tg-tobak" })
    const members = await api().call(
      "reader",
      "GET",
      "/v1/role-assignments?themeGroupId=tg-tobak&personId=p-dan",
    )
    expect((members.body as { items: unknown[] }).items).toHaveLength(1)
  })
})
