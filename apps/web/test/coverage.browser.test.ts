import { demoNetwork } from "@spridning/core/demo"
import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  accessibilityViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshots,
} from "./support/browser.js"
import { serveCoverage } from "./support/office-preview.js"

let preview: Awaited<ReturnType<typeof serveCoverage>>
let browser: Browser

beforeAll(async () => {
  preview = await serveCoverage(demoNetwork)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await preview?.stop()
})

describe("the office's coverage view over the demo network, in a browser", () => {
  it("groups regions by healthcare region, Halland under both Västra and Södra", async () => {
    const { page } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    const groupsOfRows = await page
      .locator("table.heat-map tbody")
      .evaluateAll((bodies) =>
        bodies.map((body) => Array.from(body.querySelectorAll("th"), (th) => th.textContent)),
      )
    expect(groupsOfRows.map((rows) => rows[0])).toEqual([
      "Norra sjukvårdsregionen",
      "Sjukvårdsregion Mellansverige",
      "Sjukvårdsregion Stockholm-Gotland",
      "Sydöstra sjukvårdsregionen",
      "Västra sjukvårdsregionen",
      "Södra sjukvårdsregionen",
    ])
    expect(groupsOfRows[4]).toEqual([
      "Västra sjukvårdsregionen",
      "Västra Götalandsregionen",
      "Region Halland",
    ])
    expect(groupsOfRows[5]).toEqual([
      "Södra sjukvårdsregionen",
      "Region Halland",
      "Region Skåne",
      "Region Blekinge",
      "Region Kronoberg",
    ])
    await page.context().close()
  })

  it("says each cell's status in words and symbols, not colour alone, and opens to show the fallback", async () => {
    const { page } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    const symbols = await page.locator("td.cell summary span[aria-hidden]").allTextContents()
    expect(symbols.filter((s) => s === "●")).toHaveLength(171 + 9)
    expect(symbols.filter((s) => s === "◐")).toHaveLength(13)
    expect(symbols.filter((s) => s === "○")).toHaveLength(26 + 1)
    // Halland is drawn twice (Västra and Södra); the first is under Västra.
    await page.locator("summary", { hasText: "Region Halland, Barn och unga: saknar kanal" }).first().click()
    const details = page.locator("details[open] .cell__details")
    await expect(details.textContent()).resolves.toContain(
      "Reserv: processledaren Monica Bergman får gruppens utskick.",
    )
    await page.keyboard.press("Tab")
    await screenshots(page, "office-coverage-cell-open")
    await page.context().close()
  })

  it("names the region no mailing reaches: Jämtland Härjedalen has no process leader", async () => {
    const { page } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    await page
      .locator("summary", { hasText: "Region Jämtland Härjedalen, Alkoholprevention: saknar kanal" })
      .click()
    await expect(page.locator("details[open] .cell__details").textContent()).resolves.toContain(
      "Ingen reserv: regionen saknar processledare och nås inte.",
    )
    await page.context().close()
  })

  it("draws the 21 regions as tiles with their share written on them, and the same figures in a table", async () => {
    const { page } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    await expect(page.locator("svg.tile-map g.tile").count()).resolves.toBe(21)
    await expect(page.locator("svg.tile-map").getAttribute("role")).resolves.toBe("img")
    const row = page.locator("table.compact tr", { hasText: "Region Jämtland Härjedalen" })
    await expect(row.locator("td").allTextContents()).resolves.toEqual(["2 / 10", "20\u00a0%"])
    await page.context().close()
  })

  it("lists the role gaps and the network's issues from core", async () => {
    const { page } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    await expect(page.locator("section[aria-labelledby=rollgap] li").allTextContents()).resolves.toEqual([
      "Region Jämtland Härjedalen: saknar processledare",
      "Region Gotland: saknar presidieledamot",
    ])
    await expect(page.locator("section[aria-labelledby=problem] li").count()).resolves.toBe(6)
    await page.context().close()
  })

  for (const language of ["sv", "en"] as const) {
    it(`is accessible, fits 375 px and loads nothing from elsewhere (${language})`, async () => {
      const { page, foreignRequests } = await openPage(browser, preview.baseUrl)
      await page.goto(`${preview.baseUrl}/tackning?sprak=${language}`)
      expect(await page.locator("html").getAttribute("lang")).toBe(language)
      expect(await accessibilityViolations(page)).toEqual([])
      await page.setViewportSize({ width: 375, height: 800 })
      expect(await horizontalOverflow(page)).toBe(0)
      expect(await accessibilityViolations(page)).toEqual([])
      await screenshots(page, `office-coverage-${language}`)
      expect(foreignRequests).toEqual([])
      await page.context().close()
    })
  }
})
