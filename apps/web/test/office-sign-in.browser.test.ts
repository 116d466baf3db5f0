import { OfficeSignIn } from "@spridning/db"
import { Effect } from "effect"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  accessibilityViolations,
  horizontalOverflow,
  launchBrowser,
  openPage,
  screenshots,
} from "./support/browser.js"
import { mailsTo, signInLinkFor } from "./support/mail-sink.js"
import { officeAdmin, participant, regionEditor, type Site, startSite } from "./support/site.js"

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

/** Asks for a link as a reader would, and returns the one the mail sink received. */
const askForLink = async (page: Page, email: string) => {
  await page.goto(`${site.baseUrl}/kansli/logga-in`)
  await page.getByLabel("E-postadress").fill(email)
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click()
  await expect(page.locator("h1").textContent()).resolves.toBe("Titta i din e-post")
  return signInLinkFor(site.mailDirectory, email.toLowerCase())
}

const useLink = async (page: Page, link: string) => {
  await page.goto(link)
  await page.getByRole("button", { name: "Logga in" }).click()
}

describe("signing in to the office's workspace by a mailed one-time link, in a browser", () => {
  it("an unknown visitor is sent to sign in; the mailed link signs the admin in once, and only once", async () => {
    const { page, foreignRequests } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/kansli/tackning`)
    expect(new URL(page.url()).pathname).toBe("/kansli/logga-in")
    expect(await accessibilityViolations(page)).toEqual([])
    await screenshots(page, "office-sign-in")

    const link = await askForLink(page, officeAdmin.email.toUpperCase())
    expect(await mailsTo(site.mailDirectory, officeAdmin.email)).toBe(1)
    await useLink(page, link)
    expect(new URL(page.url()).pathname).toBe("/kansli")
    await expect(page.locator("main p").first().textContent()).resolves.toBe("Inloggad som Hans Jonsson.")
    await expect(page.locator("main ul").first().locator("li").allTextContents()).resolves.toEqual([
      "allt, som nätverkets kansli",
      "publicera till och följa utskick i Region Norrbotten",
    ])
    const cookies = await page.context().cookies()
    const session = cookies.find((cookie) => cookie.name === "kansli_session")
    expect(session?.httpOnly).toBe(true)
    expect(session?.sameSite).toBe("Lax")
    expect(session?.path).toBe("/kansli")
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshots(page, "office-home-admin")

    // The same link again, from another browser: refused.
    const other = await openPage(browser, site.baseUrl)
    await useLink(other.page, link)
    await expect(other.page.locator("h1").textContent()).resolves.toBe("Länken fungerar inte")
    expect(new URL(other.page.url()).pathname).toBe("/kansli/inloggning")
    await other.page.goto(`${site.baseUrl}/kansli`)
    expect(new URL(other.page.url()).pathname).toBe("/kansli/logga-in")
    expect(await accessibilityViolations(other.page)).toEqual([])
    await other.page.context().close()

    expect(foreignRequests).toEqual([])
    await page.context().close()
  })

  it("an expired link (older than 15 minutes) is refused", async () => {
    const token = await site.run(
      Effect.gen(function* () {
        return yield* (yield* OfficeSignIn).issueLink("person-0003", new Date(Date.now() - 16 * 60_000))
      }),
    )
    const { page } = await openPage(browser, site.baseUrl)
    await useLink(page, `${site.baseUrl}/kansli/inloggning/${token}`)
    await expect(page.locator("h1").textContent()).resolves.toBe("Länken fungerar inte")
    await page.goto(`${site.baseUrl}/kansli`)
    expect(new URL(page.url()).pathname).toBe("/kansli/logga-in")
    await page.context().close()
  })

  it("an address the network does not know gets the same answer and no mail", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await page.goto(`${site.baseUrl}/kansli/logga-in`)
    await page.getByLabel("E-postadress").fill("okand@example.se")
    await page.getByRole("button", { name: "Skicka inloggningslänk" }).click()
    await expect(page.locator("h1").textContent()).resolves.toBe("Titta i din e-post")
    expect(await mailsTo(site.mailDirectory, "okand@example.se")).toBe(0)
    await page.context().close()
  })

  it("a participant with no editing role is told plainly that there is nothing for her here", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await useLink(page, await askForLink(page, participant.email))
    await expect(page.locator("h2").textContent()).resolves.toBe("Du har inga uppgifter här")
    await page.goto(`${site.baseUrl}/kansli/tackning`)
    expect(new URL(page.url()).pathname).toBe("/kansli")
    expect(await accessibilityViolations(page)).toEqual([])
    await screenshots(page, "office-home-no-rights")
    await page.context().close()
  })

  it("a region editor reads the heat map; signing out ends the session", async () => {
    const { page, foreignRequests } = await openPage(browser, site.baseUrl)
    await useLink(page, await askForLink(page, regionEditor.email))
    await page.getByRole("link", { name: "Täckning", exact: true }).click()
    await expect(page.locator("h1").textContent()).resolves.toBe("Täckning")
    await page
      .locator("summary", { hasText: "Region Jämtland Härjedalen, Alkoholprevention: saknar kanal" })
      .click()
    await expect(page.locator("details[open] .cell__details").textContent()).resolves.toContain(
      "Ingen reserv: regionen saknar processledare och nås inte.",
    )
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshots(page, "office-coverage-signed-in")
    await page.getByRole("button", { name: "Logga ut" }).click()
    expect(new URL(page.url()).pathname).toBe("/kansli/logga-in")
    await page.goto(`${site.baseUrl}/kansli/tackning`)
    expect(new URL(page.url()).pathname).toBe("/kansli/logga-in")
    expect(foreignRequests).toEqual([])
    await page.context().close()
  })

  it("a POST without the session's CSRF token is refused with 403, and the session stays", async () => {
    const { page } = await openPage(browser, site.baseUrl)
    await useLink(page, await askForLink(page, regionEditor.email))
    const withoutToken = await page.request.post(`${site.baseUrl}/kansli/logga-ut`, { form: {} })
    expect(withoutToken.status()).toBe(403)
    const wrongToken = await page.request.post(`${site.baseUrl}/kansli/logga-ut`, {
      form: { csrf: "gissat" },
    })
    expect(wrongToken.status()).toBe(403)
    const askWithoutToken = await page.request.post(`${site.baseUrl}/kansli/logga-in`, {
      form: { epost: regionEditor.email },
    })
    expect(askWithoutToken.status()).toBe(403)
    await page.goto(`${site.baseUrl}/kansli`)
    expect(new URL(page.url()).pathname).toBe("/kansli")
    await page.context().close()
  })
})
