import { gunzipSync } from "node:zlib"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

interface CoverageCell {
  regionId: string
  themeGroupId: string
  status: string
}

describeApi("analysis", (api) => {
  it("reports Skåne as bridged in the tobacco group and Halland as uncovered", async () => {
    const { status, body } = await api().call("reader", "GET", "/v1/coverage")
    expect(status).toBe(200)
    const cells = (body as { cells: CoverageCell[] }).cells
    const cell = (regionId: string) =>
      cells.find((c) => c.regionId === regionId && c.themeGroupId === "tg-tobak")
    expect(cell("r-vg")?.status).toBe("represented")
    expect(cell("r-skane")?.status).toBe("bridged")
    expect(cell("r-halland")?.status).toBe("uncovered")
  })

  it("serves the coverage as CSV for a spreadsheet", async () => {
    const { status, headers, text } = await api().call("reader", "GET", "/v1/coverage?format=csv&lang=en")
    expect(status).toBe(200)
    expect(headers.get("content-type")).toContain("text/csv")
    const [header, ...rows] = text.trim().split("\r\n")
    expect(header).toBe("Region,Theme group,Status,People,Receives instead,Roles the region lacks")
    expect(rows).toContain(
      'Region Skåne,Tobaksprevention,bridged by a contact person,Cia Carlsson (contact person),Cia Carlsson,"presidium member, management"',
    )
  })

  it("sees a write at once: a new participant turns Halland from uncovered to represented", async () => {
    await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-eva-tobak",
      personId: "p-eva",
      role: "participant",
      regionId: "r-halland",
      themeGroupId: "tg-tobak",
    })
    const { body } = await api().call("reader", "GET", "/v1/coverage")
    const halland = (body as { cells: CoverageCell[] }).cells.find(
      (c) => c.regionId === "r-halland" && c.themeGroupId === "tg-tobak",
    )
    expect(halland?.status).toBe("represented")
  })

  it("lists the network's problems: Halland has no process leader", async () => {
    const { status, body } = await api().call("reader", "GET", "/v1/network/issues")
    expect(status).toBe(200)
    expect(
      (body as { items: Array<{ _tag: string; regionId?: string; role?: string }> }).items,
    ).toContainEqual(
      expect.objectContaining({ _tag: "MissingRole", regionId: "r-halland", role: "processLeader" }),
    )
  })

  it("follows a participant's reporting chain up to management", async () => {
    const { status, body } = await api().call("reader", "GET", "/v1/people/p-anna/reporting-chain")
    expect(status, JSON.stringify(body)).toBe(200)
    const links = (body as { links: Array<{ personId: string; role: string }> }).links
    expect(links.at(-1)).toMatchObject({ personId: "p-vgdir", role: "management" })
    expect(links.map((l) => l.personId)).toContain("p-bo")
  })

  it("answers 404 for the chain of someone unknown", async () => {
    expect((await api().call("reader", "GET", "/v1/people/p-ghost/reporting-chain")).status).toBe(404)
  })

  it("invites the region's participants, process leader and presidium member, each with a reason", async () => {
    const { status, body } = await api().call("reader", "GET", "/v1/regions/r-vg/meeting-invitees")
    expect(status).toBe(200)
    const items = (body as { items: Array<{ personId: string; reasons: unknown[] }> }).items
    expect(items.map((i) => i.personId)).toEqual(expect.arrayContaining(["p-anna", "p-bo"]))
    for (const item of items) expect(item.reasons.length).toBeGreaterThan(0)
    expect((await api().call("reader", "GET", "/v1/regions/r-nowhere/meeting-invitees")).status).toBe(404)
  })

  it("briefs Skåne's management on where it is uncovered and what waits for it", async () => {
    await api().call("admin", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Förslagsrunda 2027",
        audience: { scope: "network" },
        details: { kind: "proposalRound", deadline: "2099-01-01T00:00:00Z" },
      },
    })
    const { status, body } = await api().call("reader", "GET", "/v1/regions/r-skane/briefing")
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({
      regionId: "r-skane",
      bridged: [{ themeGroupId: "tg-tobak" }],
      waitingForAction: [{ kind: "proposalRound", title: "Förslagsrunda 2027" }],
    })
    expect((body as { recentWork: Array<{ title: string }> }).recentWork.map((w) => w.title)).toContain(
      "Förslagsrunda 2027",
    )
    expect((await api().call("reader", "GET", "/v1/regions/r-nowhere/briefing")).status).toBe(404)
  })
})

describeApi("cached answers", (api) => {
  it("sends coverage gzipped to clients that accept it, and 304 to clients that have it", async () => {
    const plain = await api().app.request("/v1/coverage", {
      headers: { authorization: `Bearer ${api().tokens.reader}` },
    })
    const etag = plain.headers.get("etag")
    expect(etag).toBeTruthy()
    const text = await plain.text()
    const zipped = await api().app.request("/v1/coverage", {
      headers: { authorization: `Bearer ${api().tokens.reader}`, "accept-encoding": "gzip, deflate" },
    })
    expect(zipped.headers.get("content-encoding")).toBe("gzip")
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8")).toBe(text)
    const again = await api().app.request("/v1/coverage", {
      headers: { authorization: `Bearer ${api().tokens.reader}`, "if-none-match": etag ?? "" },
    })
    expect(again.status).toBe(304)
  })

  it("changes the entity tag when the network changes", async () => {
    const before = (await api().call("reader", "GET", "/v1/coverage")).headers.get("etag")
    await api().call("admin", "POST", "/v1/role-assignments", {
      id: "ra-dan-tobak",
      personId: "p-dan",
      role: "participant",
      regionId: "r-skane",
      themeGroupId: "tg-tobak",
    })
    const after = (await api().call("reader", "GET", "/v1/coverage")).headers.get("etag")
    expect(after).not.toBe(before)
  })
})
