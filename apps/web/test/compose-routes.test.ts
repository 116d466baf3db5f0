import { demoNetwork } from "@spridning/core/demo"
import { DeliveryQueries, OfficeSignIn, Updates } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { officeAdmin, participant, regionEditor, type Site, startSite } from "./support/site.js"

let site: Site

interface Session {
  readonly cookie: string
  readonly csrf: string
}

/** A session started the way the mailed link starts one, without the mail. */
const sessionOf = async (email: string): Promise<Session> => {
  const person = demoNetwork.people.find((p) => p.email === email)
  if (person === undefined) throw new Error(`${email} is not in the demo network`)
  const started = await site.run(
    Effect.gen(function* () {
      return yield* (yield* OfficeSignIn).startSession(person.id)
    }),
  )
  return { cookie: `kansli_session=${started.sessionId}`, csrf: started.session.csrfToken }
}

let admin: Session
let editor: Session
let reader: Session

beforeAll(async () => {
  site = await startSite()
  admin = await sessionOf(officeAdmin.email)
  editor = await sessionOf(regionEditor.email)
  reader = await sessionOf(participant.email)
})
afterAll(async () => {
  await site?.stop()
})

type Field = readonly [string, string]

/** Meeting notes of Alkoholprevention to its members and followers, with the fields given on top. */
const notes = (session: Session, extra: ReadonlyArray<Field>, without: ReadonlyArray<string> = []) => {
  const fields: Array<Field> = [
    ["csrf", session.csrf],
    ["id", "3f0c9a52-5b4e-4d0a-9d64-0c6f2b7e1a11"],
    ["themeGroupId", "tg-alkohol"],
    ["title", "Minnesanteckningar Alkoholprevention, december 2026"],
    ["body", "Vi gick igenom alkoholfrågor i primärvården."],
    ["meetingDate", "2026-12-03"],
    ["scope", "network"],
    ["themeGroups", "tg-alkohol"],
  ]
  const body = new URLSearchParams()
  for (const [name, value] of fields) if (!without.includes(name)) body.append(name, value)
  for (const [name, value] of extra) body.append(name, value)
  return body
}

const post = (path: string, session: Session, body: URLSearchParams) =>
  site.app.request(path, {
    method: "POST",
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
  })

/** The preview table's rows as text: region, people, channel in. */
const previewRows = (html: string) =>
  [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>(\d+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => [
    m[1],
    m[2],
    m[3],
  ])

describe("the compose pages' routes", () => {
  it("sends someone without a session to sign in", async () => {
    const response = await site.app.request("/kansli/skriv/minnesanteckningar")
    expect(response.status).toBe(303)
    expect(response.headers.get("location")).toBe("/kansli/logga-in")
  })

  it("answers 404 for a kind it does not compose", async () => {
    const response = await site.app.request("/kansli/skriv/handlingsplan", {
      headers: { cookie: admin.cookie },
    })
    expect(response.status).toBe(404)
  })

  it("previews Alkoholprevention in Norra: people per region, the bridge, the unreachable region and the line", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar/forhandsgranska",
      admin,
      notes(admin, [["healthcareRegions", "hcr-norra"]]),
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    // Hans Jonsson writes it: Norrbotten's four members less the author.
    expect(previewRows(html)).toEqual([
      ["Region Norrbotten", "3", "–"],
      ["Region Västerbotten", "2", "–"],
      ["Region Västernorrland", "3", "via processledaren Monica Olsson (ingen kontaktperson)"],
    ])
    expect(html).toContain("Når 8 personer i 3 regioner (10 leveranser med e-post och Slack).")
    expect(html).toContain("Region Jämtland Härjedalen: varken kontaktperson eller processledare finns.")
    expect(html).toContain(
      "Sprid vidare till: alla som deltar i eller följer Alkoholprevention i sjukvårdsregion Norra sjukvårdsregionen (för nätverket).",
    )
  })

  it("shows the same preview in the whole page when the Förhandsgranska button is used without JavaScript", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar",
      admin,
      notes(admin, [
        ["healthcareRegions", "hcr-sodra"],
        ["action", "preview"],
      ]),
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("<h1>Skriv och skicka</h1>")
    expect(previewRows(html)).toEqual([
      ["Region Blekinge", "2", "–"],
      ["Region Halland", "3", "–"],
      ["Region Kronoberg", "5", "via kontaktpersonen Peter Söderberg"],
      ["Region Skåne", "5", "–"],
    ])
    expect(html).toContain("Alla regioner som målgruppen gäller nås.")
    // The choices are kept as they were sent.
    expect(html).toMatch(
      /<input type="checkbox" id="healthcareRegions-hcr-sodra" name="healthcareRegions" value="hcr-sodra" checked/,
    )
  })

  it("refuses a post without the session's CSRF token with 403", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar",
      admin,
      notes(admin, [["action", "publish"]], ["csrf"]),
    )
    expect(response.status).toBe(403)
  })

  it("answers 400 naming each missing or malformed field, and keeps the form", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar",
      admin,
      notes(
        admin,
        [
          ["meetingDate", "3 december"],
          ["action", "publish"],
        ],
        ["title", "meetingDate"],
      ),
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('<a href="#title">Rubrik: Fyll i fältet.</a>')
    expect(html).toContain('<a href="#meetingDate">Mötesdatum: Skriv ett datum som 2026-12-15.</a>')
    expect(html).toMatch(
      /<input id="title" name="title" type="text" value="" required="" aria-invalid="true" aria-describedby="title-fel"/,
    )
    expect(html).toContain('value="3 december"')
  })

  it("answers 400 for a region, group or tag the network does not have", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar",
      admin,
      notes(admin, [
        ["regions", "region-atlantis"],
        ["audienceTags", "everyone"],
        ["action", "publish"],
      ]),
    )
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain("Regioner: ”region-atlantis” finns inte bland valen.")
    expect(html).toContain("Målgruppstaggar: ”everyone” finns inte bland valen.")
    const fragment = await post(
      "/kansli/skriv/minnesanteckningar/forhandsgranska",
      admin,
      notes(admin, [["themeGroups", "tg-atlantis"]]),
    )
    expect(fragment.status).toBe(400)
    await expect(fragment.text()).resolves.toContain("”tg-atlantis” finns inte bland valen.")
  })

  it("answers 400 when a digital hour would start in the past or end before it starts", async () => {
    const body = notes(admin, [
      ["startsAt", "2020-01-20T09:00"],
      ["endsAt", "2020-01-20T08:00"],
      ["action", "publish"],
    ])
    const response = await post("/kansli/skriv/digitimme", admin, body)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain("Börjar: Tiden har redan passerat; välj en tid framåt.")
    expect(html).toContain("Slutar: Sluttiden måste vara efter starttiden.")
  })

  it("refuses a region editor an audience outside their region with 403 and core's reason, and stores nothing", async () => {
    const id = "0a7e4f7e-8a53-4a0c-b1d2-5d2c0f3e9b01"
    const body = notes(editor, [
      ["regions", "region-norrbotten"],
      ["regions", "region-skane"],
      ["action", "publish"],
    ])
    body.set("id", id)
    const response = await post("/kansli/skriv/minnesanteckningar", editor, body)
    expect(response.status).toBe(403)
    const html = await response.text()
    expect(html).toContain(
      "Som regionredaktör publicerar du bara till mottagare i Region Norrbotten; mottagarna finns också i Region Skåne.",
    )
    const stored = await site.run(
      Effect.gen(function* () {
        return yield* (yield* Updates).get(id).pipe(
          Effect.as(true),
          Effect.catchTag("NotFound", () => Effect.succeed(false)),
        )
      }),
    )
    expect(stored).toBe(false)
  })

  it("offers a region editor only their own region", async () => {
    const response = await site.app.request("/kansli/skriv/minnesanteckningar", {
      headers: { cookie: editor.cookie },
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect([...html.matchAll(/name="regions" value="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "region-norrbotten",
    ])
    expect(html).not.toContain('name="healthcareRegions"')
    expect(html).toContain("Du får skicka till personer i Region Norrbotten.")
  })

  it("refuses someone without a publishing role with 403", async () => {
    const response = await post(
      "/kansli/skriv/minnesanteckningar",
      reader,
      notes(reader, [["action", "publish"]]),
    )
    expect(response.status).toBe(403)
    await expect(response.text()).resolves.toContain("Du har ingen roll som får skicka uppdateringar.")
  })

  it("publishes once, lands on the update's page, and a second click publishes nothing more", async () => {
    const id = "7c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5"
    const body = () => {
      const form = notes(admin, [
        ["healthcareRegions", "hcr-norra"],
        ["action", "publish"],
      ])
      form.set("id", id)
      return form
    }
    const first = await post("/kansli/skriv/minnesanteckningar", admin, body())
    expect(first.status).toBe(303)
    expect(first.headers.get("location")).toBe(`/kansli/uppdateringar/${id}`)
    const again = await post("/kansli/skriv/minnesanteckningar", admin, body())
    expect(again.status).toBe(303)
    expect(again.headers.get("location")).toBe(`/kansli/uppdateringar/${id}`)
    const stored = await site.run(
      Effect.gen(function* () {
        const update = yield* (yield* Updates).get(id)
        const deliveries = yield* (yield* DeliveryQueries).ofUpdate(id, { limit: 100 })
        return { update, deliveries: deliveries.items.length }
      }),
    )
    expect(stored.update.title).toBe("Minnesanteckningar Alkoholprevention, december 2026")
    expect(stored.update.createdBy).toMatch(/^office:/)
    expect(stored.update.audience).toEqual({
      scope: "network",
      themeGroups: ["tg-alkohol"],
      healthcareRegions: ["hcr-norra"],
    })
    // Ten deliveries to eight people (two read both mail and Slack), and Hans Jonsson's own
    // deliveries as a member of the group: the plan is core's, the author is only left out of the count.
    expect(stored.deliveries).toBe(11)
  })
})
