import { demoNetwork } from "@spridning/core/demo"
import { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { contentSecurityPolicy, webRoutes } from "../src/index.js"
import { draft, published, type Site, secret, startSite } from "./support/site.js"

let site: Site

beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.stop()
})

const get = (path: string, init?: RequestInit) => site.app.request(path, init)

const networkOnly = published.filter((update) => update.audience.scope === "network")

describe("the public site shows only public content", () => {
  const everyPath = () => [
    "/",
    "/goda-exempel",
    "/goda-exempel?tagg=internt",
    "/goda-exempel?q=internt",
    "/flode.atom",
    "/kalender.ics",
    ...demoNetwork.themeGroups.flatMap((group) => [
      `/grupper/${group.id}`,
      `/grupper/${group.id}/flode.atom`,
    ]),
    ...[...published, draft].flatMap((update) => [
      `/uppdateringar/${update.id}`,
      `/digitimmar/${update.id}.ics`,
    ]),
  ]

  it("never shows network-only or unpublished content, whatever the URL", async () => {
    const leaks: Array<string> = []
    for (const path of everyPath()) {
      const body = await (await get(path)).text()
      if (body.includes(secret)) leaks.push(path)
    }
    expect(leaks).toEqual([])
  })

  it("answers 404 for a network-only update, a draft and a network-only digital hour's calendar file", async () => {
    const statuses = await Promise.all(
      [
        ...networkOnly.map((update) => `/uppdateringar/${update.id}`),
        `/uppdateringar/${draft.id}`,
        "/digitimmar/intern-digitimme.ics",
      ].map(async (path) => (await get(path)).status),
    )
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404])
  })

  it("gives every public update a page of its own", async () => {
    const response = await get("/uppdateringar/notes-tobak-2026-11")
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(body).toContain("<h1>Minnesanteckningar Tobaksprevention, november 2026</h1>")
    expect(body).toContain("Möte 12 november 2026")
  })

  it("answers 404 with a page for a theme group that does not exist", async () => {
    const response = await get("/grupper/tg-finns-inte")
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("<h1>Sidan finns inte</h1>")
  })
})

describe("feeds and calendars", () => {
  const entryTitles = (atom: string) =>
    [...atom.matchAll(/<entry>[\s\S]*?<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/g)].map(
      (match) => match[1],
    )

  it("offers an Atom feed per theme group with its public updates, newest first", async () => {
    const response = await get("/grupper/tg-tobak/flode.atom")
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8")
    const atom = await response.text()
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    expect(entryTitles(atom)).toEqual([
      "Hur få till ett regionalt nätverk?",
      "Material för rökfri operation",
      "Webbinarium om snus bland unga",
      "Kartläggning av tobaksfri arbetstid",
      "Minnesanteckningar Tobaksprevention, november 2026",
    ])
  })

  it("offers an Atom feed for the whole network", async () => {
    const atom = await (await get("/flode.atom")).text()
    expect(entryTitles(atom)).toHaveLength(8)
    expect(atom).toContain("http://localhost/uppdateringar/digitimme-far-2027-01")
  })

  it("serves the public digital hours as a calendar an app can subscribe to", async () => {
    const response = await get("/kalender.ics")
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8")
    const ics = await response.text()
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    expect(ics).toContain("UID:digitimme-far-2027-01@spridning")
    expect(ics).toContain("DTSTART:20270120T080000Z")
    expect(ics).toContain("X-WR-CALNAME:HFS-nätverkets digitimmar")
  })

  it("offers one digital hour as a calendar file to download", async () => {
    const response = await get("/digitimmar/digitimme-far-2027-01.ics")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="digitimme-far-2027-01.ics"',
    )
    expect((await response.text()).match(/BEGIN:VEVENT/g)).toHaveLength(1)
  })
})

describe("what every page carries", () => {
  it("sends a strict content security policy: nothing from elsewhere, no inline code", async () => {
    const response = await get("/")
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy)
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
  })

  it("links only assets it serves itself, cached for good under a name that carries their hash", async () => {
    const body = await (await get("/goda-exempel")).text()
    const assets = [...body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? "")
    expect(assets.map((path) => path.replace(/\.[0-9a-f]{12}\./, ".HASH."))).toEqual([
      "/assets/site.HASH.css",
      "/assets/htmx.HASH.js",
    ])
    for (const path of assets) {
      const asset = await get(path)
      expect(asset.status).toBe(200)
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    }
    expect(body).not.toMatch(/https?:\/\/(?!localhost)/)
  })

  it("switches language with a cookie and returns only to a path on this site", async () => {
    const switched = await get("/sprak?till=en&tillbaka=%2Fgoda-exempel")
    expect(switched.status).toBe(303)
    expect(switched.headers.get("location")).toBe("/goda-exempel")
    expect(switched.headers.get("set-cookie")).toContain("sprak=en")
    for (const away of ["%2F%2Fevil.example", "%2F%5Cevil.example", "https%3A%2F%2Fevil.example"]) {
      const elsewhere = await get(`/sprak?till=en&tillbaka=${away}`)
      expect(elsewhere.headers.get("location")).toBe("/")
    }
    const broken = await get("/sprak?till=sv&tillbaka=%2Fgrupper%0D%0AX-A%3A%201")
    expect(broken.status).toBe(303)
    expect(broken.headers.get("location")).toBe("/grupper%0D%0AX-A:%201")
    const english = await (await get("/goda-exempel", { headers: { cookie: "sprak=en" } })).text()
    expect(english).toContain('<html lang="en">')
    expect(english).toContain("<h1>Good examples</h1>")
  })

  it("sets its headers only on its own paths when mounted at / beside other routes", async () => {
    const composed = new Hono()
    composed.route("/", site.app)
    composed.get("/v1/regions", (c) => c.json([]))
    const api = await composed.request("/v1/regions")
    expect(api.headers.get("content-security-policy")).toBe(null)
    const home = await composed.request("/")
    expect(home.headers.get("content-security-policy")).toBe(contentSecurityPolicy)
  })

  it("shows a failure page and logs one line when storage fails", async () => {
    const lines: Array<string> = []
    const broken = webRoutes({
      run: () => Promise.reject(new Error("database down")),
      logError: (message) => lines.push(message),
    })
    const response = await broken.request("/grupper/tg-tobak")
    expect(response.status).toBe(500)
    expect(await response.text()).toContain("<h1>Något gick fel</h1>")
    expect(lines).toEqual(["Web page /grupper/tg-tobak: the public content could not be loaded"])
  })
})
