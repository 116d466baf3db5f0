import {
  ChannelSenders,
  Dispatcher,
  DispatchSettings,
  layerDispatcher,
  makeDispatchSettings,
} from "@spridning/dispatch"
import { makeEmailChannelSender, makeLinkSigner } from "@spridning/email"
import { Effect, Layer, Redacted } from "effect"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  accessibilityViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshots,
} from "./support/browser.js"
import { signInLinkFor } from "./support/mail-sink.js"
import { officeAdmin, regionEditor, type Site, startSite } from "./support/site.js"

/** A busy machine runs the browser slowly; each test gets minutes, not the default one. */
const slow = 300_000

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

/** The one dispatcher with the email channel over the site's mail sink, run until nothing is due. */
const sendWhatIsDue = () =>
  site.run(
    Effect.gen(function* () {
      return yield* (yield* Dispatcher).drain(20)
    }).pipe(
      Effect.provide(
        layerDispatcher.pipe(
          Layer.provide(
            Layer.mergeAll(
              Layer.effect(
                ChannelSenders,
                makeEmailChannelSender({
                  links: makeLinkSigner(Redacted.make("a test secret for signed links"), site.baseUrl),
                  organizer: { email: "spridning@example.se", name: "Spridning" },
                }).pipe(Effect.map((sender) => [sender])),
              ),
              Layer.succeed(
                DispatchSettings,
                makeDispatchSettings({ workerId: "compose-test", configuredChannels: new Set(["email"]) }),
              ),
            ),
          ),
        ),
      ),
    ),
  )

const signIn = async (page: Page, email: string) => {
  await page.goto(`${site.baseUrl}/kansli/logga-in`)
  await page.getByLabel("E-postadress").fill(email)
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click()
  await page.goto(await signInLinkFor(site.mailDirectory, email))
  await page.getByRole("button", { name: "Logga in" }).click()
}

/** The preview table as the reader sees it: region, people, channel in. */
const previewRows = (page: Page) =>
  page
    .locator("#forhandsgranskning tbody tr")
    .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent)))

/** The update page's count of deliveries in each state, all regions together. */
const stateTotals = async (page: Page) => {
  const states = (await page.locator("section[aria-labelledby=lagen] thead th").allTextContents()).slice(1)
  const totals = await page.locator("section[aria-labelledby=lagen] tfoot td").allTextContents()
  return Object.fromEntries(states.map((state, index) => [state, totals[index]]))
}

/** Does `change` and waits for htmx to swap in the preview it asked for. */
const previewAfter = async (page: Page, change: () => Promise<void>) => {
  const answered = page.waitForResponse((response) => response.url().endsWith("/forhandsgranska"))
  await change()
  await answered
  // htmx swaps after the response's body is read; the settled class leaves when it is in.
  await page.waitForFunction(
    () => !document.querySelector("#forhandsgranskning.htmx-settling, .htmx-request"),
  )
}

describe("composing and publishing in the office's workspace, in a browser", () => {
  it(
    "the admin composes notes, watches the preview follow the audience, publishes and sees the deliveries sent",
    async () => {
      const { page, foreignRequests } = await openPage(browser, site.baseUrl)
      const cspErrors: Array<string> = []
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) cspErrors.push(message.text())
      })
      await signIn(page, officeAdmin.email)
      await page.getByRole("link", { name: "Skriv och skicka" }).click()
      expect(new URL(page.url()).pathname).toBe("/kansli/skriv/minnesanteckningar")
      await expect(page.locator("h1").textContent()).resolves.toBe("Skriv och skicka")

      // The first group offered, to its members and followers in every region.
      await expect(page.getByLabel("Temagrupp", { exact: true }).inputValue()).resolves.toBe("tg-alkohol")
      await expect(page.getByRole("checkbox", { name: "Alkoholprevention" }).isChecked()).resolves.toBe(true)
      // Every region: 67 people, Jämtland Härjedalen unreachable (no contact person, no process leader).
      await expect(page.locator("#forhandsgranskning .reach-summary").textContent()).resolves.toBe(
        "Når 67 personer i 20 regioner (79 leveranser med e-post och Slack).",
      )

      await previewAfter(page, () => page.getByRole("checkbox", { name: "Norra sjukvårdsregionen" }).check())
      // Hans Jonsson writes it: Norrbotten's four members less the author.
      await expect(previewRows(page)).resolves.toEqual([
        ["Region Norrbotten", "3", "–"],
        ["Region Västerbotten", "2", "–"],
        ["Region Västernorrland", "3", "via processledaren Monica Olsson (ingen kontaktperson)"],
      ])
      await expect(page.locator("#forhandsgranskning .reach-summary").textContent()).resolves.toBe(
        "Når 8 personer i 3 regioner (10 leveranser med e-post och Slack).",
      )
      await expect(page.locator("#forhandsgranskning ul.unreachable").textContent()).resolves.toBe(
        "Region Jämtland Härjedalen: varken kontaktperson eller processledare finns.",
      )
      await expect(page.locator("#forhandsgranskning .pass-on").textContent()).resolves.toBe(
        "Sprid vidare till: alla som deltar i eller följer Alkoholprevention i sjukvårdsregion Norra sjukvårdsregionen (för nätverket).",
      )

      await previewAfter(page, () =>
        page.getByRole("checkbox", { name: "Norra sjukvårdsregionen" }).uncheck(),
      )
      await previewAfter(page, () => page.getByRole("checkbox", { name: "Södra sjukvårdsregionen" }).check())
      await expect(previewRows(page)).resolves.toEqual([
        ["Region Blekinge", "2", "–"],
        ["Region Halland", "3", "–"],
        ["Region Kronoberg", "5", "via kontaktpersonen Peter Söderberg"],
        ["Region Skåne", "5", "–"],
      ])
      await expect(page.locator("#forhandsgranskning").textContent()).resolves.toContain(
        "Alla regioner som målgruppen gäller nås.",
      )

      await page.getByLabel("Rubrik").fill("Minnesanteckningar Alkoholprevention, december 2026")
      await page.getByLabel("Text", { exact: true }).fill("Vi gick igenom alkoholfrågor i primärvården.")
      await page.getByLabel("Mötesdatum").fill("2026-12-03")
      expect(await accessibilityViolations(page)).toEqual([])
      await page.setViewportSize({ width: 375, height: 800 })
      expect(await horizontalOverflow(page)).toBe(0)
      await screenshots(page, "office-compose")
      await page.setViewportSize({ width: 1280, height: 900 })

      await page.getByRole("button", { name: "Publicera och skicka" }).click()
      await page.waitForURL(/\/kansli\/uppdateringar\/[0-9a-f-]{36}$/)
      await expect(page.locator("h1").textContent()).resolves.toBe(
        "Minnesanteckningar Alkoholprevention, december 2026",
      )
      await expect(
        page.locator("section[aria-labelledby=lagen] thead th").allTextContents(),
      ).resolves.toEqual(["Region", "väntar"])
      await expect(
        page.locator("section[aria-labelledby=lagen] tfoot td").allTextContents(),
      ).resolves.toEqual(["17"])

      const report = await sendWhatIsDue()
      expect(report.claimed).toBeGreaterThan(0)
      await page.reload()
      // Nothing is pending any more: of the 17 planned, 7 mails went out, 8 followers' copies wait
      // for their digest, 2 addresses on the suppression list were not mailed, and 2 Slack
      // deliveries went by mail instead (this installation has no Slack) — 2 more deliveries.
      await expect(stateTotals(page)).resolves.toEqual({
        "hålls (sammandrag)": "8",
        skickad: "7",
        "spärrad adress": "2",
        "via annan kanal": "2",
      })
      expect(await accessibilityViolations(page)).toEqual([])
      expect(foreignRequests).toEqual([])
      expect(cspErrors).toEqual([])
      await page.context().close()
    },
    slow,
  )

  it(
    "without JavaScript, the Förhandsgranska button shows the preview in the page",
    async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 375, height: 800 },
      })
      const page = await context.newPage()
      await signIn(page, officeAdmin.email)
      await page.goto(`${site.baseUrl}/kansli/skriv/minnesanteckningar`)
      await page.getByRole("checkbox", { name: "Norra sjukvårdsregionen" }).check()
      await page.getByRole("button", { name: "Förhandsgranska" }).click()
      await expect(previewRows(page)).resolves.toEqual([
        ["Region Norrbotten", "3", "–"],
        ["Region Västerbotten", "2", "–"],
        ["Region Västernorrland", "3", "via processledaren Monica Olsson (ingen kontaktperson)"],
      ])
      await expect(page.getByRole("checkbox", { name: "Norra sjukvårdsregionen" }).isChecked()).resolves.toBe(
        true,
      )
      expect(await horizontalOverflow(page)).toBe(0)
      await context.close()
    },
    slow,
  )

  it(
    "a region editor is offered only their region, and an audience outside it is refused with the reason",
    async () => {
      const { page } = await openPage(browser, site.baseUrl)
      await signIn(page, regionEditor.email)
      await page.goto(`${site.baseUrl}/kansli/skriv/minnesanteckningar`)
      await expect(
        page
          .locator("input[name=regions]")
          .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value)),
      ).resolves.toEqual(["region-norrbotten"])
      await expect(page.locator("input[name=healthcareRegions]").count()).resolves.toBe(0)
      expect(await accessibilityViolations(page)).toEqual([])
      await screenshots(page, "office-compose-region-editor")
      await page.setViewportSize({ width: 1280, height: 900 })

      // A form changed by hand (or kept from an earlier role) asks for Skåne too: core refuses it.
      await page.getByLabel("Rubrik").fill("Nätverksträff i Norrbotten")
      await page.getByLabel("Mötesdatum").fill("2026-12-10")
      await page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>("input[name=regions]")
        if (box === null) throw new Error("no region box")
        const other = box.cloneNode() as HTMLInputElement
        other.value = "region-skane"
        other.id = "regions-region-skane"
        other.checked = true
        box.checked = true
        box.after(other)
      })
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === "POST" && r.url().endsWith("/kansli/skriv/minnesanteckningar"),
        ),
        page.getByRole("button", { name: "Publicera och skicka" }).click(),
      ])
      expect(response.status()).toBe(403)
      await expect(page.locator("#nekad h2").textContent()).resolves.toBe("Det här får du inte skicka")
      await expect(page.locator("#nekad .refusal").textContent()).resolves.toBe(
        "Som regionredaktör publicerar du bara till mottagare i Region Norrbotten; mottagarna finns också i Region Skåne.",
      )
      expect(await accessibilityViolations(page)).toEqual([])
      await screenshots(page, "office-compose-refused")
      await page.context().close()
    },
    slow,
  )

  it(
    "reads in English after the switch",
    async () => {
      const { page } = await openPage(browser, site.baseUrl)
      await signIn(page, officeAdmin.email)
      await page.goto(`${site.baseUrl}/kansli/skriv/digitimme`)
      await page.getByRole("link", { name: "In English" }).click()
      await expect(page.locator("h1").textContent()).resolves.toBe("Compose and publish")
      await expect(page.getByRole("button", { name: "Publish and send" }).count()).resolves.toBe(1)
      expect(await accessibilityViolations(page)).toEqual([])
      await page.context().close()
    },
    slow,
  )
})
