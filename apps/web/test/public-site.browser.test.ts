import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  accessibilityViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshots,
} from "./support/browser.js"
import { type Site, secret, startSite } from "./support/site.js"

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

/** Every public page, with a name for its screenshots and a heading it must show. */
const pages = [
  { name: "home", path: "/", heading: "HFS-nätverkets temagrupper" },
  { name: "group-tobak", path: "/grupper/tg-tobak", heading: "Tobaksprevention" },
  { name: "group-merged", path: "/grupper/tg-avtal-och-ersattning", heading: "Avtal och ersättning" },
  {
    name: "update-notes",
    path: "/uppdateringar/notes-tobak-2026-11",
    heading: "Minnesanteckningar Tobaksprevention, november 2026",
  },
  {
    name: "update-digital-hour",
    path: "/uppdateringar/digitimme-far-2027-01",
    heading: "Digitimme: FaR i primärvården – så gjorde vi",
  },
  {
    name: "update-good-example",
    path: "/uppdateringar/exempel-regionalt-natverk",
    heading: "Hur få till ett regionalt nätverk?",
  },
  { name: "good-examples", path: "/goda-exempel", heading: "Goda exempel" },
  {
    name: "good-examples-filtered",
    path: "/goda-exempel?tagg=n%C3%A4tverk&q=r%C3%A5d",
    heading: "Goda exempel",
  },
  { name: "not-found", path: "/uppdateringar/internt-anteckningar-tobak", heading: "Sidan finns inte" },
] as const

describe("the public site in a browser", () => {
  for (const entry of pages) {
    it(`shows ${entry.path} accessibly, at 375 px, from this server only`, async () => {
      const { page, foreignRequests } = await openPage(browser, site.baseUrl)
      const response = await page.goto(`${site.baseUrl}${entry.path}`)
      expect(response?.status()).toBe(entry.name === "not-found" ? 404 : 200)
      await expect(page.locator("h1").textContent()).resolves.toBe(entry.heading)
      expect(await page.locator("html").getAttribute("lang")).toBe("sv")
      expect(await accessibilityViolations(page)).toEqual([])
      await page.setViewportSize({ width: 375, height: 800 })
      expect(await horizontalOverflow(page)).toBe(0)
      expect(await accessibilityViolations(page)).toEqual([])
      expect(await page.content()).not.toContain(secret)
      await screenshots(page, entry.name)
      expect(foreignRequests).toEqual([])
      await page.context().close()
    })
  }

  it("lists the group's living work list with each status in words, ongoing first", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/grupper/tg-tobak`)
    const items = page.locator("section[aria-labelledby=arbete] li")
    await expect(items.allInnerTexts()).resolves.toEqual([
      "Kartläggning av tobaksfri arbetstid\n\nPågår · klart senast 31 mars 2027",
      "Webbinarium om snus bland unga\n\nPlanerat",
      "Material för rökfri operation\n\nKlart",
    ])
    await page.context().close()
  })

  it("filters the good examples by tag and words without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${site.baseUrl}/goda-exempel`)
    await expect(page.locator("#resultat h3").allInnerTexts()).resolves.toEqual([
      "Levnadsvanesamtal i primärvården",
      "Hur få till ett regionalt nätverk?",
    ])
    await page.selectOption("#tagg", "nätverk")
    await page.click("button[type=submit]")
    await expect(page.locator("#resultat h3").allInnerTexts()).resolves.toEqual([
      "Hur få till ett regionalt nätverk?",
    ])
    expect(new URL(page.url()).searchParams.get("tagg")).toBe("nätverk")
    await page.fill("#sok", "halsokontroll")
    await page.selectOption("#tagg", "")
    await page.click("button[type=submit]")
    await expect(page.locator("#resultat h3").allInnerTexts()).resolves.toEqual([
      "Levnadsvanesamtal i primärvården",
    ])
    await context.close()
  })

  it("refreshes the good examples as you type when JavaScript runs (htmx, served locally)", async () => {
    const { page, foreignRequests } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/goda-exempel`)
    await page.locator("#sok").pressSequentially("regionalt")
    await expect
      .poll(() => page.locator("#resultat h3").allInnerTexts())
      .toEqual(["Hur få till ett regionalt nätverk?"])
    expect(new URL(page.url()).searchParams.get("q")).toBe("regionalt")
    expect(foreignRequests).toEqual([])
    await page.context().close()
  })

  it("switches to English and back with a plain link, on the same page", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/grupper/tg-tobak`)
    await page.getByRole("link", { name: "Read this site in English" }).click()
    expect(new URL(page.url()).pathname).toBe("/grupper/tg-tobak")
    expect(await page.locator("html").getAttribute("lang")).toBe("en")
    await expect(page.locator("#arbete").textContent()).resolves.toBe("Current work")
    expect(await accessibilityViolations(page)).toEqual([])
    await screenshots(page, "group-tobak-english")
    await page.getByRole("link", { name: "Läs webbplatsen på svenska" }).click()
    await expect(page.locator("#arbete").textContent()).resolves.toBe("Aktuellt arbete")
    await page.context().close()
  })

  it("has an accessibility check that does find violations (a bare unlabelled field)", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await page.setContent(
      "<!doctype html><html><head><title>x</title></head><body><main><input></main></body></html>",
    )
    expect((await accessibilityViolations(page)).map((line) => line.split(":")[0])).toEqual([
      "html-has-lang",
      "label",
    ])
    await page.context().close()
  })

  it("can be used with the keyboard alone: the skip link leads to the content", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/`)
    await page.keyboard.press("Tab")
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      "Hoppa till innehållet",
    )
    await page.keyboard.press("Enter")
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("innehall")
    await page.context().close()
  })
})
