import { ApiTokens, AuditLog, OfficeSignIn, Organisation, Updates } from "@spridning/db"
import { Effect } from "effect"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  accessibilityViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshots,
  type Visit,
} from "./support/browser.js"
import { type Site, startSite } from "./support/site.js"

let site: Site
let browser: Browser

beforeAll(async () => {
  site = await startSite()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

/** A browser signed in as `personId` (the mailed-link sign-in has its own tests). */
const signedIn = async (personId: string): Promise<Visit> => {
  const visit = await openPage(browser, site.baseUrl)
  const started = await site.run(
    Effect.gen(function* () {
      return yield* (yield* OfficeSignIn).startSession(personId)
    }),
  )
  await visit.page.context().addCookies([
    {
      name: "kansli_session",
      value: started.sessionId,
      domain: "127.0.0.1",
      path: "/kansli",
      httpOnly: true,
    },
  ])
  return visit
}

/** No WCAG 2.1 AA violation, nothing past the right edge at 375 px, and screenshots at both widths. */
const checkPage = async (page: Page, name: string) => {
  expect(await accessibilityViolations(page)).toEqual([])
  await page.setViewportSize({ width: 375, height: 900 })
  expect(await horizontalOverflow(page)).toBe(0)
  await screenshots(page, name)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const h1 = (page: Page) => page.locator("h1").textContent()

const peopleNamed = (search: string) =>
  site.run(
    Effect.gen(function* () {
      return (yield* (yield* Organisation).people.list({ filter: { search } })).items
    }),
  )

const auditOf = (entity: string) =>
  site.run(
    Effect.gen(function* () {
      return yield* (yield* AuditLog).list({ actor: "office:person-0003", entity })
    }),
  )

/** Hans Jonsson: in the office's admin list. */
const admin = "person-0003"
/** Camilla Forsberg: Norrbotten's presidium member, a region editor. */
const regionEditor = "person-0002"

/** Each test walks several pages, checking each with axe at two widths: minutes on a busy machine. */
const slow = 300_000

describe("the office keeps people, the roster, proposals and tokens, in a browser", () => {
  it(
    "an admin adds a person with a role, finds them by search, changes and removes them",
    async () => {
      const { page, foreignRequests } = await signedIn(admin)
      await page.goto(`${site.baseUrl}/kansli/personer`)
      await expect(h1(page)).resolves.toBe("Personer")
      await checkPage(page, "office-people")

      await page.getByRole("link", { name: "Lägg till en person" }).click()
      await expect(h1(page)).resolves.toBe("Lägg till en person")
      await checkPage(page, "office-person-add")
      await page.getByLabel("Namn").fill("Nora Testsson")
      await page.getByLabel("E-postadress").fill("nora.testsson@regionnorrbotten.example")
      await page.locator("#funktion").selectOption("strategist")
      await page.locator("#region").selectOption("region-norrbotten")
      await page.locator("#roll").selectOption("participant")
      await page.locator("#temagrupp").selectOption("tg-tobak")
      await page.getByRole("button", { name: "Lägg till" }).click()

      await expect(h1(page)).resolves.toBe("Nora Testsson")
      await expect(page.locator("#roller ~ ul li").allTextContents()).resolves.toEqual([
        "temagruppsdeltagare, Tobaksprevention Ta bort",
      ])
      await checkPage(page, "office-person")

      await page.goto(`${site.baseUrl}/kansli/personer`)
      await page.getByLabel("Sök på namn eller e-post").fill("testsson")
      await page.getByRole("button", { name: "Sök" }).click()
      await expect(page.locator("tbody tr th").allTextContents()).resolves.toEqual(["Nora Testsson"])
      await page.getByRole("link", { name: "Nora Testsson" }).click()

      await page.getByLabel("Namn").fill("Nora Testsson Berg")
      await page.getByRole("button", { name: "Spara" }).click()
      await expect(h1(page)).resolves.toBe("Nora Testsson Berg")
      await expect(page.getByRole("status").textContent()).resolves.toBe("Ändringen är sparad.")
      expect((await peopleNamed("testsson")).map((p) => p.name)).toEqual(["Nora Testsson Berg"])

      await page.getByRole("link", { name: "Ta bort personen" }).click()
      await expect(h1(page)).resolves.toBe("Ta bort Nora Testsson Berg?")
      await checkPage(page, "office-person-remove")
      await page.getByRole("button", { name: "Ja, ta bort" }).click()
      expect(new URL(page.url()).pathname).toBe("/kansli/personer")
      await page.getByLabel("Sök på namn eller e-post").fill("testsson")
      await page.getByRole("button", { name: "Sök" }).click()
      await expect(page.locator("main p").last().textContent()).resolves.toBe(
        "Ingen person matchar ”testsson”.",
      )
      expect(await peopleNamed("testsson")).toEqual([])

      expect(foreignRequests).toEqual([])
      await page.context().close()
    },
    slow,
  )

  it(
    "a roster with two bad rows shows exactly those rows and imports nothing until a good file is confirmed",
    async () => {
      const { page } = await signedIn(admin)
      const header =
        "person_id,name,email,function,region_id,org_unit_id,channels,language,role,role_region_id,theme_group_id,regional_body_id"
      const rows = (email: string, fn: string) =>
        [
          header,
          "person-lista-1,Alva Lind,alva.lind@regionnorrbotten.example,strategist,region-norrbotten,,email,sv,participant,,tg-tobak,",
          `person-lista-2,Bo Ek,${email},clinician,region-norrbotten,,email,sv,,,,`,
          "person-lista-3,Cecilia Gran,cecilia.gran@regionnorrbotten.example,manager,region-norrbotten,,email,sv,contactPerson,,tg-alkohol,",
          `person-lista-4,Dan Al,dan.al@regionnorrbotten.example,${fn},region-norrbotten,,email,sv,,,,`,
          "",
        ].join("\n")

      await page.goto(`${site.baseUrl}/kansli/personlista`)
      await expect(h1(page)).resolves.toBe("Läs in en personlista")
      await checkPage(page, "office-roster")
      await page.locator("#fil").setInputFiles({
        name: "lista.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(rows("bo.ek.example", "chef")),
      })
      await page.getByRole("button", { name: "Kontrollera filen" }).click()

      await expect(page.locator("#fel-i-filen").textContent()).resolves.toBe("2 fel i filen")
      const table = page.locator("table.roster-problems tbody tr")
      await expect(table.count()).resolves.toBe(2)
      await expect(
        table.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent))),
      ).resolves.toEqual([
        ["3", "email", '"bo.ek.example" is not an email address'],
        [
          "5",
          "function",
          '"chef" is not a function; one of: clinician, strategist, manager, publicHealthOfficer, coordinator, director, researcher, other',
        ],
      ])
      await expect(page.getByRole("button", { name: "Spara i nätverket" }).count()).resolves.toBe(0)
      await checkPage(page, "office-roster-problems")
      expect(
        await peopleNamed("regionnorrbotten.example").then((all) =>
          all.filter((p) => p.id.startsWith("person-lista")),
        ),
      ).toEqual([])

      await page.locator("#fil").setInputFiles({
        name: "lista.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(rows("bo.ek@regionnorrbotten.example", "manager")),
      })
      await page.getByRole("button", { name: "Kontrollera filen" }).click()
      await expect(page.locator("#filen-ser-bra-ut ~ p").first().textContent()).resolves.toBe(
        "Filen innehåller 4 personer och 2 roller. Inget är sparat än.",
      )
      await checkPage(page, "office-roster-ready")
      expect((await peopleNamed("Alva Lind")).length).toBe(0)

      await page.getByRole("button", { name: "Spara i nätverket" }).click()
      expect(new URL(page.url()).pathname).toBe("/kansli/personer")
      await expect(page.getByRole("status").textContent()).resolves.toBe("Inläst: 4 personer och 2 roller.")
      expect((await peopleNamed("Alva Lind")).map((p) => p.id)).toEqual(["person-lista-1"])
      expect((await peopleNamed("Dan Al")).map((p) => p.function)).toEqual(["manager"])
      await page.context().close()
    },
    slow,
  )

  it(
    "a theme group's proposal is answered with a reason the region can read",
    async () => {
      const proposal = await site.run(
        Effect.gen(function* () {
          return yield* (yield* Updates).submitProposal(
            {
              roundId: "forslag-matvanor-2027",
              regionId: "region-gotland",
              text: "Gemensamt material om skolmåltider.",
            },
            "test",
          )
        }),
      )
      const { page } = await signedIn(admin)
      await page.goto(`${site.baseUrl}/kansli/forslag`)
      await expect(h1(page)).resolves.toBe("Förslag")
      await checkPage(page, "office-proposals")
      const form = page.locator(`form[action="/kansli/forslag/${proposal.id}/svar"]`)
      await form.getByLabel("Avböjt").check()
      await form.getByLabel("Motivering").fill("Ryms inte i årets plan; vi tar upp det 2028.")
      await form.getByRole("button", { name: "Skicka svaret" }).click()

      await expect(page.getByRole("status").textContent()).resolves.toBe(
        "Svaret är sparat och skickas till Region Gotland.",
      )
      await expect(page.locator(`#forslag-${proposal.id} ~ p`).last().textContent()).resolves.toBe(
        "Avböjt – Ryms inte i årets plan; vi tar upp det 2028.",
      )
      await expect(page.locator(`form[action="/kansli/forslag/${proposal.id}/svar"]`).count()).resolves.toBe(
        0,
      )
      const stored = await site.run(
        Effect.gen(function* () {
          return yield* (yield* Updates).proposals("forslag-matvanor-2027")
        }),
      )
      const answered = stored.find((p) => p.id === proposal.id)
      expect([answered?.status, answered?.reason]).toEqual([
        "declined",
        "Ryms inte i årets plan; vi tar upp det 2028.",
      ])
      await page.context().close()
    },
    slow,
  )

  it(
    "a token is shown once when created; once revoked, the API's check refuses it",
    async () => {
      const { page } = await signedIn(admin)
      await page.goto(`${site.baseUrl}/kansli/nycklar`)
      await expect(h1(page)).resolves.toBe("API-nycklar")
      await checkPage(page, "office-tokens")
      await page.getByLabel("Namn").fill("Skript för test")
      await page.locator("#behorighet").selectOption("region-editor")
      await page.locator("#region").selectOption("region-gotland")
      await page.getByRole("button", { name: "Skapa nyckel" }).click()

      await expect(h1(page)).resolves.toBe("Nyckeln är skapad")
      const secret = await page.locator("#nyckel").inputValue()
      expect(secret).toMatch(/^spr_[A-Za-z0-9_-]{43}$/)
      await checkPage(page, "office-token-created")
      const verify = () =>
        site.run(
          Effect.gen(function* () {
            return yield* (yield* ApiTokens).verify(secret)
          }),
        )
      expect((await verify())?.name).toBe("Skript för test")

      await page.getByRole("link", { name: "Tillbaka till nycklarna" }).click()
      await expect(page.locator("body").textContent()).resolves.not.toContain(secret)
      await page.getByRole("button", { name: "Återkalla Skript för test" }).click()
      await expect(page.getByRole("status").textContent()).resolves.toBe(
        "Skript för test är återkallad; API:t tar inte längre emot den.",
      )
      expect(await verify()).toBeUndefined()
      await page.context().close()
    },
    slow,
  )

  it(
    "the audit log shows those changes, filtered by kind of record, with the signed-in person as actor",
    async () => {
      const { page } = await signedIn(admin)
      await page.goto(`${site.baseUrl}/kansli/logg?vem=office:person-0003`)
      await expect(h1(page)).resolves.toBe("Ändringslogg")
      await checkPage(page, "office-audit")
      await page.locator("#slag").selectOption("apiToken")
      await page.getByRole("button", { name: "Visa" }).click()
      const rows = page.locator("table.audit-log tbody tr")
      await expect(
        rows.evaluateAll((trs) =>
          trs.map((tr) => [tr.children[1]?.textContent, tr.children[2]?.textContent]),
        ),
      ).resolves.toEqual([
        ["office:person-0003", "revoke"],
        ["office:person-0003", "create"],
      ])
      expect((await auditOf("person")).map((entry) => entry.action)).toEqual([
        "importRoster",
        "delete",
        "update",
        "create",
      ])
      expect((await auditOf("roleAssignment")).map((entry) => entry.action)).toEqual(["create"])
      expect((await auditOf("proposal")).map((entry) => entry.action)).toEqual(["answer"])
      await page.context().close()
    },
    slow,
  )

  it(
    "a region editor sees their region's people and gets a clear refusal for another region's",
    async () => {
      const { page } = await signedIn(regionEditor)
      await page.goto(`${site.baseUrl}/kansli/personer`)
      const regions = await page
        .locator("tbody tr td:nth-child(3)")
        .allTextContents()
        .then((all) => [...new Set(all)])
      expect(regions).toEqual(["Region Norrbotten"])
      await page.goto(`${site.baseUrl}/kansli/personer/person-0306`)
      await expect(h1(page)).resolves.toBe("Det får du inte ändra")
      await expect(page.getByRole("alert").textContent()).resolves.toBe(
        "Karl Henriksson hör till Region Skåne. Du kan ändra Region Norrbotten. Be Region Skånes processledare eller nätverkets kansli göra ändringen.",
      )
      await checkPage(page, "office-person-refused")
      await page.context().close()
    },
    slow,
  )
})
