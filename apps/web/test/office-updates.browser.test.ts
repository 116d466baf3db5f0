import { Database, DeliveryQueries, Receipts } from "@spridning/db"
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
import { signInLinkFor } from "./support/mail-sink.js"
import { officeAdmin, regionEditor, type Site, startSite } from "./support/site.js"

let site: Site
let browser: Browser

/** The delivery the tests make dead: the first to Region Norrbotten of the November notes. */
let deadDelivery: { id: string; personName: string }

beforeAll(async () => {
  site = await startSite()
  browser = await launchBrowser()
  deadDelivery = await site.run(
    Effect.gen(function* () {
      // The dispatcher's own marks need a claim; one row set by hand is the plainer setup.
      yield* (yield* Database).run("make one delivery dead", (db) =>
        db.execute(
          "update deliveries set state = 'dead', last_error = '550 mailbox unavailable' where id = " +
            "(select id from deliveries where update_id = 'notes-tobak-2026-11' and region_id = 'region-norrbotten' order by id limit 1)",
        ),
      )
      // Two to Västerbotten sent, one of them read and passed on: the funnel has a region to draw.
      yield* (yield* Database).run("send two deliveries", (db) =>
        db.execute(
          "update deliveries set state = 'sent', sent_at = now() where id in " +
            "(select id from deliveries where update_id = 'notes-tobak-2026-11' and region_id = 'region-vasterbotten' order by id limit 2)",
        ),
      )
      const sent = yield* (yield* DeliveryQueries).ofUpdate("notes-tobak-2026-11", { state: "sent" })
      const [read] = sent.items
      if (read === undefined) throw new Error("no sent delivery")
      yield* (yield* Receipts).record({ deliveryId: read.id, kind: "passedOn" })
      const dead = yield* (yield* DeliveryQueries).ofUpdate("notes-tobak-2026-11", { state: "dead" })
      expect(dead.items.length).toBe(1)
      const [first] = dead.items
      if (first === undefined) throw new Error("no dead delivery")
      return { id: first.id, personName: first.personName }
    }),
  )
})
afterAll(async () => {
  await browser?.close()
  await site?.stop()
})

const signIn = async (page: Page, email: string) => {
  await page.goto(`${site.baseUrl}/kansli/logga-in`)
  await page.getByLabel("E-postadress").fill(email)
  await page.getByRole("button", { name: "Skicka inloggningslänk" }).click()
  await page.goto(await signInLinkFor(site.mailDirectory, email))
  await page.getByRole("button", { name: "Logga in" }).click()
}

describe("an update's page in the office's workspace, in a browser", () => {
  it("the admin opens an update from the list and sees its plan, its deliveries per region and its funnel", async () => {
    const { page, foreignRequests } = await openPage(browser, site.baseUrl)
    await signIn(page, officeAdmin.email)
    await page.getByRole("link", { name: "Uppdateringar", exact: true }).click()
    expect(await accessibilityViolations(page)).toEqual([])
    await page.getByRole("link", { name: "Minnesanteckningar Tobaksprevention, november 2026" }).click()
    expect(new URL(page.url()).pathname).toBe("/kansli/uppdateringar/notes-tobak-2026-11")
    await expect(page.locator("h1").textContent()).resolves.toBe(
      "Minnesanteckningar Tobaksprevention, november 2026",
    )
    await expect(page.locator("section[aria-labelledby=plan] p").last().textContent()).resolves.toMatch(
      /^Sprid vidare till/,
    )
    const statesHead = await page.locator("section[aria-labelledby=lagen] thead th").allTextContents()
    expect(statesHead).toEqual(["Region", "väntar", "skickad", "gav upp"])
    await expect(
      page
        .locator("section[aria-labelledby=tratt] tbody tr")
        .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent))),
    ).resolves.toEqual([["Region Västerbotten", "2", "1", "1", "0"]])
    await expect(
      page.locator("svg.funnel-chart g.funnel-chart__bar--delivered text").last().textContent(),
    ).resolves.toBe("2")
    const norrbotten = page.locator("section[aria-labelledby=lagen] tbody tr", {
      hasText: "Region Norrbotten",
    })
    await expect(norrbotten.locator("td").last().textContent()).resolves.toBe("1")
    const deadRow = page.locator("table.deliveries tbody tr", { hasText: "550 mailbox unavailable" })
    await expect(deadRow.locator("th").textContent()).resolves.toBe(deadDelivery.personName)
    await expect(page.locator("svg.funnel-chart").getAttribute("role")).resolves.toBe("img")
    expect(await accessibilityViolations(page)).toEqual([])
    await page.setViewportSize({ width: 375, height: 800 })
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshots(page, "office-update")

    await page.setViewportSize({ width: 1280, height: 900 })
    await deadRow.getByRole("button", { name: `Skicka igen till ${deadDelivery.personName}` }).click()
    expect(new URL(page.url()).pathname).toBe("/kansli/uppdateringar/notes-tobak-2026-11")
    await expect(page.locator("section[aria-labelledby=lagen] thead th").allTextContents()).resolves.toEqual([
      "Region",
      "väntar",
      "skickad",
    ])
    expect(foreignRequests).toEqual([])
    await page.context().close()
  })

  it("a retry without the CSRF token is refused with 403; a region editor may not retry", async () => {
    const admin = await openPage(browser, site.baseUrl)
    await signIn(admin.page, officeAdmin.email)
    const withoutToken = await admin.page.request.post(
      `${site.baseUrl}/kansli/leveranser/${deadDelivery.id}/forsok-igen`,
      { form: {} },
    )
    expect(withoutToken.status()).toBe(403)
    await admin.page.context().close()

    const editor = await openPage(browser, site.baseUrl)
    await signIn(editor.page, regionEditor.email)
    await editor.page.goto(`${site.baseUrl}/kansli/uppdateringar/notes-tobak-2026-11`)
    await expect(editor.page.locator("h1").textContent()).resolves.toBe(
      "Du får inte se den här uppdateringen",
    )
    await editor.page.goto(`${site.baseUrl}/kansli/uppdateringar`)
    await expect(editor.page.locator("main a[href^='/kansli/uppdateringar/']").count()).resolves.toBe(0)
    await editor.page.context().close()
  })
})
