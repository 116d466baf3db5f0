import { demoNetwork } from "@spridning/core/demo"
import { OfficeSignIn, Organisation } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renderCoveragePage, renderHealthcareRegionCoveragePage } from "../src/index.js"
import { bigNetwork } from "./support/big-network.js"
import { officeAdmin, type Site, startSite } from "./support/site.js"

/** The text of every `<th scope="row">` in `html`, tags removed. */
const rowHeads = (html: string) =>
  [...html.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((match) => (match[1] ?? "").replace(/<[^>]+>/g, ""))

describe("the coverage view of a network too large for one table", () => {
  const network = bigNetwork()

  it("counts each healthcare region's regions per group, Region 0 in both, each row leading to its page", () => {
    const page = renderCoveragePage(network, "sv")
    expect(page).toContain("Nätverket har 41 medlemmar och 100 aktiva temagrupper, för många för en tabell.")
    expect(page).not.toContain("<details>")
    expect(page).toContain('<a href="/kansli/tackning/sjukvardsregion/hr-norr">Norr</a>')
    expect(page).toContain('<a href="/kansli/tackning/sjukvardsregion/hr-syd">Syd</a>')
    expect(page).toContain("Norr, Grupp 0: 2 representerade, 1 med brygga via kontaktperson, 18 utan kanal")
    expect(page).toContain("Syd, Grupp 0: 1 representerade, 0 med brygga via kontaktperson, 20 utan kanal")
    expect(page).toContain("Norr, Grupp 99: 0 representerade, 0 med brygga via kontaktperson, 21 utan kanal")
    // The per-healthcare-region table: regions, regions lacking roles (all lack all three).
    expect(page).toContain(
      '<th scope="row"><a href="/kansli/tackning/sjukvardsregion/hr-norr">Norr</a></th><td>21</td><td>21</td><td>0</td>',
    )
  })

  it("shows one healthcare region's regions × groups, with the people behind each cell", () => {
    const page = renderHealthcareRegionCoveragePage(network, "hr-syd", "sv")
    expect(page).toContain("<h1>Täckning: Syd</h1>")
    const rows = rowHeads(page.slice(page.indexOf('<table class="heat-map">'), page.indexOf("</table>")))
    expect(rows).toEqual(["Region 0", ...Array.from({ length: 20 }, (_, i) => `Region ${i + 21}`)])
    expect(page.match(/<td class="cell /g)?.length).toBe(21 * 100)
    expect(page).toContain("Region 0, Grupp 0: representerad")
    expect(page).toContain("<li>Anna Ek (temagruppsdeltagare)</li>")
    expect(page).not.toContain("Bo Lind")
    expect(page).toContain("Region 40, Grupp 99: saknar kanal")
  })

  it("keeps the whole matrix for the demo network", () => {
    const page = renderCoveragePage(demoNetwork, "sv")
    expect(page).not.toContain("heat-map--summary")
    expect(page.match(/<td class="cell /g)?.length).toBeGreaterThan(0)
  })
})

describe("a healthcare region's coverage page in the office's workspace", () => {
  let site: Site
  let cookie: string
  beforeAll(async () => {
    site = await startSite()
    const admin = demoNetwork.people.find((person) => person.email === officeAdmin.email)
    if (admin === undefined) throw new Error("the demo network has no office admin")
    const { sessionId } = await site.run(
      Effect.gen(function* () {
        return yield* (yield* OfficeSignIn).startSession(admin.id)
      }),
    )
    cookie = `kansli_session=${sessionId}`
  }, 120_000)
  afterAll(async () => {
    await site?.stop()
  })

  const get = (path: string) => site.app.request(path, { headers: { cookie } })

  it("lists Södra's regions (in the database's order of ids), Halland among them", async () => {
    const response = await get("/kansli/tackning/sjukvardsregion/hcr-sodra")
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain("<h1>Täckning: Södra sjukvårdsregionen</h1>")
    const rows = rowHeads(page.slice(page.indexOf('<table class="heat-map">'), page.indexOf("</table>")))
    expect(rows).toEqual(["Region Blekinge", "Region Halland", "Region Kronoberg", "Region Skåne"])
  })

  it("answers 404 with a way back for a healthcare region that does not exist", async () => {
    const response = await get("/kansli/tackning/sjukvardsregion/hcr-finns-inte")
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("Det finns ingen sjukvårdsregion med den adressen.")
  })

  it("shows an organisation change on the next request (the kept network follows the version)", async () => {
    expect(await (await get("/kansli/tackning")).text()).toContain('<th scope="row">Region Gotland</th>')
    await site.run(
      Effect.gen(function* () {
        yield* (yield* Organisation).regions.update(
          "region-gotland",
          (region) => ({ ...region, name: "Region Gotland (ny)" }),
          "test",
        )
      }),
    )
    const page = await (await get("/kansli/tackning")).text()
    expect(page).toContain('<th scope="row">Region Gotland (ny)</th>')
    expect(page).not.toContain('<th scope="row">Region Gotland</th>')
  })

  it("shows a renamed theme group on the public site's next page (its kept lists follow the version too)", async () => {
    expect(await (await site.app.request("/")).text()).toContain(">Tobaksprevention<")
    await site.run(
      Effect.gen(function* () {
        yield* (yield* Organisation).themeGroups.update(
          "tg-tobak",
          (group) => ({ ...group, name: "Tobaksfri vård" }),
          "test",
        )
      }),
    )
    const home = await (await site.app.request("/")).text()
    expect(home).toContain(">Tobaksfri vård<")
    expect(home).not.toContain(">Tobaksprevention<")
  })
})
