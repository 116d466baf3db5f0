import { mkdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { AxeBuilder } from "@axe-core/playwright"
import { type Browser, chromium, type Page } from "playwright-core"

/** Screenshots land here (gitignored) for a person to look at. */
export const artifacts = fileURLToPath(new URL("../../test-results/", import.meta.url))

/** Debian's Chromium; never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  })

export interface Visit {
  readonly page: Page
  /** Every request the page made to another origin; the tests expect none. */
  readonly foreignRequests: Array<string>
}

/** A fresh page that records every request leaving `origin`. */
export const openPage = async (browser: Browser, origin: string, width = 1280): Promise<Visit> => {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  const foreignRequests: Array<string> = []
  page.on("request", (request) => {
    const url = request.url()
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:")) foreignRequests.push(url)
  })
  return { page, foreignRequests }
}

/** axe's WCAG 2.1 A and AA rules; returns one line per violation, empty when there is none. */
export const accessibilityViolations = async (page: Page): Promise<ReadonlyArray<string>> => {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze()
  return result.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  )
}

/** How far the page reaches past the viewport's right edge, in CSS pixels (0 when it fits). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Full-page screenshots at 1280 and 375 px, named after the page. */
export const screenshots = async (page: Page, name: string): Promise<void> => {
  mkdirSync(artifacts, { recursive: true })
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${artifacts}${name}-${width}.png`, fullPage: true })
  }
}
