import type { Browser } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bigNetwork } from "./support/big-network.js"
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
  preview = await serveCoverage(bigNetwork())
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await preview?.stop()
})

describe("the coverage summary of a network too large for one table, in a browser", () => {
  it("is accessible, fits 375 px, loads nothing from elsewhere, and each cell leads to its healthcare region", async () => {
    const { page, foreignRequests } = await openPage(browser, preview.baseUrl)
    await page.goto(`${preview.baseUrl}/tackning`)
    const norrFirst = page.locator("table.heat-map--summary tbody tr").first().locator("td a").first()
    expect(await norrFirst.getAttribute("href")).toBe("/kansli/tackning/sjukvardsregion/hr-norr")
    expect(await norrFirst.locator("span[aria-hidden]").textContent()).toBe("●\u00a02◐\u00a01○\u00a018")
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 375, height: 900 })
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshots(page, "office-coverage-summary")
    expect(foreignRequests).toEqual([])
    await page.context().close()
  }, 240_000)
})
