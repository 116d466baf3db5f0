import { demoNetwork } from "@spridning/core/demo"
import { AuditLog, OfficeSignIn, Organisation, Updates } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renderCoveragePage } from "../src/index.js"
import { type Site, startSite } from "./support/site.js"

let site: Site

beforeAll(async () => {
  site = await startSite()
})
afterAll(async () => {
  await site?.stop()
})

interface Session {
  readonly cookie: string
  readonly csrf: string
}

/** A signed-in session for a person, as the mailed link would start it. */
const sessionOf = async (personId: string): Promise<Session> => {
  const started = await site.run(
    Effect.gen(function* () {
      return yield* (yield* OfficeSignIn).startSession(personId)
    }),
  )
  return { cookie: `kansli_session=${started.sessionId}`, csrf: started.session.csrfToken }
}

const get = (session: Session, path: string) =>
  site.app.request(path, { headers: { cookie: session.cookie } })

const post = (session: Session, path: string, fields: Record<string, string>) =>
  site.app.request(path, {
    method: "POST",
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  })

/** Hans Jonsson: in the office's admin list (and Norrbotten's process leader). */
const admin = () => sessionOf("person-0003")
/** Camilla Forsberg: Norrbotten's presidium member, a region editor. */
const regionEditor = () => sessionOf("person-0002")
/** Helena Holm: a participant, who may change nothing. */
const participant = () => sessionOf("person-0004")

describe("the office's pages for people, the roster, proposals, tokens and the audit log refuse bad input", () => {
  it("a form without the session's token is refused with 403 and changes nothing", async () => {
    const session = await admin()
    const response = await post(session, "/kansli/personer", {
      csrf: "gissat",
      namn: "Ny Person",
      epost: "ny.person@regionnorrbotten.example",
      funktion: "strategist",
      region: "region-norrbotten",
    })
    expect(response.status).toBe(403)
    const found = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Organisation).people.list({
          filter: { email: "ny.person@regionnorrbotten.example" },
        })
      }),
    )
    expect(found.items).toEqual([])
  })

  it("a person without a name and with a broken address: 400, each error beside its field, the values kept", async () => {
    const session = await admin()
    const response = await post(session, "/kansli/personer", {
      csrf: session.csrf,
      namn: "",
      epost: "inte-en-adress",
      funktion: "strategist",
      region: "region-norrbotten",
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('<span id="namn-fel" class="field-error">Skriv personens namn.</span>')
    expect(html).toContain(
      '<span id="epost-fel" class="field-error">Skriv en e-postadress, till exempel namn@region.se.</span>',
    )
    expect(html).toContain('aria-describedby="epost-fel"')
    expect(html).toContain('value="inte-en-adress"')
    expect(html).toContain("2 uppgifter behöver rättas; se fälten nedan.")
  })

  it("an address someone else has, in other letters: 409 beside the address field", async () => {
    const session = await admin()
    const response = await post(session, "/kansli/personer", {
      csrf: session.csrf,
      namn: "Hans Dubblett",
      epost: "HANS.JONSSON@regionnorrbotten.example",
      funktion: "strategist",
      region: "region-norrbotten",
    })
    expect(response.status).toBe(409)
    expect(await response.text()).toContain(
      "Någon annan i nätverket har redan den adressen. Ändra den personen i stället.",
    )
  })

  it("a participant role without its theme group is refused beside the group field, and no person is added", async () => {
    const session = await admin()
    const response = await post(session, "/kansli/personer", {
      csrf: session.csrf,
      namn: "Utan Grupp",
      epost: "utan.grupp@regionnorrbotten.example",
      funktion: "clinician",
      region: "region-norrbotten",
      roll: "participant",
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain("Den rollen hör till en temagrupp: välj temagruppen.")
    const found = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Organisation).people.list({ filter: { search: "Utan Grupp" } })
      }),
    )
    expect(found.items).toEqual([])
  })

  it("a region editor opening or changing another region's person gets a 403 naming the region; nothing changes", async () => {
    const session = await regionEditor()
    const page = await get(session, "/kansli/personer/person-0306")
    expect(page.status).toBe(403)
    const text = await page.text()
    expect(text).toContain("Karl Henriksson hör till Region Skåne. Du kan ändra Region Norrbotten.")
    const change = await post(session, "/kansli/personer/person-0306", {
      csrf: session.csrf,
      namn: "Karl Ändrad",
      epost: "karl.henriksson@regionskane.example",
      funktion: "coordinator",
      region: "region-skane",
    })
    expect(change.status).toBe(403)
    const removal = await post(session, "/kansli/personer/person-0306/ta-bort", { csrf: session.csrf })
    expect(removal.status).toBe(403)
    const karl = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Organisation).people.get("person-0306")
      }),
    )
    expect(karl.name).toBe("Karl Henriksson")
  })

  it("a region editor may not move their own person into another region", async () => {
    const session = await regionEditor()
    const response = await post(session, "/kansli/personer/person-0004", {
      csrf: session.csrf,
      namn: "Helena Holm",
      epost: "helena.holm@regionnorrbotten.example",
      funktion: "clinician",
      region: "region-skane",
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain("Välj en region du kan ändra.")
  })

  it("an unknown person is a 404", async () => {
    const response = await get(await admin(), "/kansli/personer/person-finns-inte")
    expect(response.status).toBe(404)
  })

  it("tokens, the roster and the audit log are the office's alone: a region editor gets 403", async () => {
    const session = await regionEditor()
    expect((await get(session, "/kansli/nycklar")).status).toBe(403)
    expect((await get(session, "/kansli/logg")).status).toBe(403)
    expect((await get(session, "/kansli/personlista")).status).toBe(403)
    const create = await post(session, "/kansli/nycklar", {
      csrf: session.csrf,
      namn: "Smyg",
      behorighet: "admin",
    })
    expect(create.status).toBe(403)
  })

  it("a participant, who may change nothing, is refused adding a person", async () => {
    const session = await participant()
    const response = await get(session, "/kansli/personer/ny")
    expect(response.status).toBe(403)
  })

  it("a region-editor token without a region, or a reader token with one: 400 beside the field", async () => {
    const session = await admin()
    const noRegion = await post(session, "/kansli/nycklar", {
      csrf: session.csrf,
      namn: "Intranätet",
      behorighet: "region-editor",
      region: "",
    })
    expect(noRegion.status).toBe(400)
    expect(await noRegion.text()).toContain(
      '<span id="region-fel" class="field-error">En regionredaktör behöver en region.</span>',
    )
    const readerWithGroup = await post(session, "/kansli/nycklar", {
      csrf: session.csrf,
      namn: "Läsaren",
      behorighet: "reader",
      temagrupp: "tg-tobak",
    })
    expect(readerWithGroup.status).toBe(400)
    const noName = await post(session, "/kansli/nycklar", {
      csrf: session.csrf,
      namn: "",
      behorighet: "reader",
    })
    expect(noName.status).toBe(400)
    expect(await noName.text()).toContain("Skriv ett namn på nyckeln.")
  })

  it("revoking a token that does not exist is a 404", async () => {
    const session = await admin()
    const response = await post(session, "/kansli/nycklar/00000000-0000-0000-0000-000000000000/aterkalla", {
      csrf: session.csrf,
    })
    expect(response.status).toBe(404)
  })

  it("the audit log refuses a day that is not one, and a page link it did not hand out", async () => {
    const session = await admin()
    const badDay = await get(session, "/kansli/logg?fran=2026-13-45")
    expect(badDay.status).toBe(400)
    expect(await badDay.text()).toContain(
      '<span id="fran-fel" class="field-error">Skriv dagen som ÅÅÅÅ-MM-DD.</span>',
    )
    const badCursor = await get(session, "/kansli/logg?sida=inte-en-sida")
    expect(badCursor.status).toBe(400)
  })

  it("a roster posted without a file, or a file that is not text, is a 400 saying what to do", async () => {
    const session = await admin()
    const empty = new FormData()
    empty.set("csrf", session.csrf)
    const none = await site.app.request("/kansli/personlista", {
      method: "POST",
      headers: { cookie: session.cookie },
      body: empty,
    })
    expect(none.status).toBe(400)
    expect(await none.text()).toContain("Välj en fil att läsa in.")
    const binary = new FormData()
    binary.set("csrf", session.csrf)
    binary.set("fil", new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe])], "lista.xlsx"))
    const zip = await site.app.request("/kansli/personlista", {
      method: "POST",
      headers: { cookie: session.cookie },
      body: binary,
    })
    expect(zip.status).toBe(400)
    expect(await zip.text()).toContain("Spara den som CSV (UTF-8)")
  })

  it("declining a proposal without a reason is a 400 beside the reason; the proposal stays open", async () => {
    const proposal = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Updates).submitProposal(
          {
            roundId: "forslag-matvanor-2027",
            regionId: "region-gotland",
            text: "Ett förslag om skolmåltider.",
          },
          "test",
        )
      }),
    )
    const session = await admin()
    const response = await post(session, `/kansli/forslag/${proposal.id}/svar`, {
      csrf: session.csrf,
      omgang: "forslag-matvanor-2027",
      svar: "declined",
      motivering: "",
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain("Skriv varför; regionen får läsa motiveringen.")
    const noAnswer = await post(session, `/kansli/forslag/${proposal.id}/svar`, {
      csrf: session.csrf,
      omgang: "forslag-matvanor-2027",
    })
    expect(noAnswer.status).toBe(400)
    const stored = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Updates).proposals("forslag-matvanor-2027")
      }),
    )
    expect(stored.find((p) => p.id === proposal.id)?.status).toBe("open")
    // A region editor does not chair the group: refused.
    const editor = await regionEditor()
    const refused = await post(editor, `/kansli/forslag/${proposal.id}/svar`, {
      csrf: editor.csrf,
      omgang: "forslag-matvanor-2027",
      svar: "accepted",
    })
    expect(refused.status).toBe(403)
  })

  it("none of the refused requests above reached the audit log", async () => {
    const entries = await site.run(
      Effect.gen(function* () {
        return yield* (yield* AuditLog).list({ actor: "office:person-0002" })
      }),
    )
    expect(entries).toEqual([])
  })
})

describe("the network's issues on the coverage page", () => {
  it("each issue links to where it is put right: the region's people to appoint someone", () => {
    const html = renderCoveragePage(demoNetwork, "sv")
    const issues = html.slice(html.indexOf('<h2 id="problem">'))
    expect(issues).toContain(
      'Region Gotland saknar presidieledamot. <a href="/kansli/personer?region=region-gotland">Utse någon i Region Gotland</a>',
    )
    expect(issues).toContain(
      'Magnus Pettersson (temagruppsdeltagare, Region Jämtland Härjedalen) har ingen att rapportera till. <a href="/kansli/personer?region=region-jamtland-harjedalen">Utse någon i Region Jämtland Härjedalen</a>',
    )
    expect(issues.match(/<li>/g)?.length).toBe(6)
    expect(issues.match(/<li>[^<]*<a href="\/kansli\/personer/g)?.length).toBe(5)
  })
})
