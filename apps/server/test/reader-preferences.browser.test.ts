import { mkdirSync, mkdtempSync } from "node:fs"
import { readdir, readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { AxeBuilder } from "@axe-core/playwright"
import { makeLinkSigner } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { type SlackFake, startSlackFake } from "@spridning/slack/testing"
import { Redacted } from "effect"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ComposedProcess, startComposedProcess } from "./composed-process.js"

const linkSecret = "reader-pages-link-secret-0123456789"
/** Helena Magnusson: Region Norrbotten's only contact person for Matvanor, where Norrbotten has no participant. */
const helena = { id: "person-0005", email: "helena.magnusson@regionnorrbotten.example" }
const artifacts = fileURLToPath(new URL("../test-results/", import.meta.url))

let spridning: ComposedProcess
let slack: SlackFake
let browser: Browser
let mailDirectory: string
let dropDatabase: (() => Promise<void>) | undefined

const slackPeople = demoNetwork.people.filter((person) => person.preferences.channels.includes("slack"))

beforeAll(async () => {
  slack = await startSlackFake({
    users: slackPeople.map((person, i) => ({
      id: `U${String(i).padStart(6, "0")}`,
      email: person.email,
      name: person.name,
    })),
  })
  // PostgreSQL when DATABASE_URL is set (as CI does), else embedded PGlite.
  const database =
    (process.env.DATABASE_URL ?? "") === ""
      ? undefined
      : await freshPostgresDatabase(process.env.DATABASE_URL as string, "spridning_readers")
  dropDatabase = database?.drop
  const dataHome = mkdtempSync(join(tmpdir(), "spridning-readers-"))
  mailDirectory = join(dataHome, "mail")
  spridning = await startComposedProcess(
    {
      SPRIDNING_LINK_SECRET: linkSecret,
      SPRIDNING_MAIL_FROM: "HFS-nätverket <spridning@hfs-natverket.example>",
      SLACK_SIGNING_SECRET: "reader-pages-signing-secret-0123",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_ID: "B0SPRIDNING",
      SLACK_BOT_USER_ID: "U0SPRIDNING",
      SLACK_TEAM_ID: slack.teamId,
      ...(database === undefined ? {} : { DATABASE_URL: database.url, SPRIDNING_SEED_DEMO: "true" }),
    },
    dataHome,
  )
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
    ],
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  if (spridning !== undefined) expect(await spridning.stop(), spridning.output()).toBe(0)
  await slack?.close()
  await dropDatabase?.()
}, 300_000)

const until = async <A>(what: string, probe: () => Promise<A | undefined> | A | undefined, ms = 60_000) => {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${spridning.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${spridning.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${spridning.adminToken}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** The newest mail the sink holds for `email`, as a mail client shows it (soft line breaks undone). */
const newestMailTo = async (email: string): Promise<string | undefined> => {
  const suffix = `-${email.replace(/[^A-Za-z0-9._-]+/g, "_")}.eml`
  const files = (await readdir(mailDirectory).catch(() => [] as Array<string>)).filter((file) =>
    file.endsWith(suffix),
  )
  const newest = files.sort().at(-1)
  return newest === undefined
    ? undefined
    : (await readFile(join(mailDirectory, newest), "utf8"))
        .replace(/=\r?\n/g, "")
        .replace(/(=[0-9A-F]{2})+/g, (encoded) =>
          Buffer.from(encoded.replace(/=/g, ""), "hex").toString("utf8"),
        )
}

/** A path on the running server from a link made for its public address. */
const onServer = (link: string) => `${spridning.baseUrl}${new URL(link).pathname}`

const violations = async (page: Page) =>
  (
    await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  ).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" "))}`)

const screenshots = async (page: Page, name: string) => {
  mkdirSync(artifacts, { recursive: true })
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${artifacts}${name}-${width}.png`, fullPage: true })
  }
}

const overflowAt375 = async (page: Page) => {
  await page.setViewportSize({ width: 375, height: 800 })
  return Number(
    await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"),
  )
}

describe("a reader's own preference page, from the link in their mail and Slack DM", () => {
  let preferencesLink: string

  it("every mail links to the page; the only contact person who stops a group hears who takes over, and the change is stored", async () => {
    // Helena follows Tobaksprevention too, so how often mail comes matters to her.
    const followed = await api("PUT", `/v1/follows/${helena.id}/tg-tobak`, { frequency: "immediate" })
    expect(followed.status, JSON.stringify(followed.body)).toBe(200)
    const published = await api("POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-matvanor",
        title: "Minnesanteckningar Matvanor, november",
        body: "Vi gick igenom kostråd i primärvården.",
        audience: { scope: "network", themeGroups: ["tg-matvanor"] },
        details: { kind: "meetingNotes", meetingDate: "2026-11-25" },
      },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(201)

    const mail = await until("Helena's mail in the sink", () => newestMailTo(helena.email))
    expect(mail).toContain("Minnesanteckningar Matvanor, november")
    const link = /https?:\/\/[^\s"<>]+\/preferences\/[A-Za-z0-9_.-]+/.exec(mail)?.[0]
    expect(link, mail).toBeDefined()
    expect(mail).toContain("Dina inställningar: kanaler, språk, hur ofta, vilka grupper")
    preferencesLink = onServer(link!)

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const foreign: Array<string> = []
    page.on("request", (request) => {
      if (!request.url().startsWith(`${spridning.baseUrl}/`)) foreign.push(request.url())
    })
    const opened = await page.goto(preferencesLink)
    expect(opened?.status()).toBe(200)
    expect(opened?.headers()["content-security-policy"]).toContain("default-src 'none'")
    await expect(page.locator("h1").textContent()).resolves.toBe("Dina inställningar")
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("sv")
    // Before choosing, the page says what stopping Matvanor would do.
    await expect(page.locator("#group-tg-matvanor-effect").textContent()).resolves.toBe(
      "Om du slutar: Region Norrbotten förlorar då sin kanal in i Matvanor: ingen från regionen deltar i gruppen, och det är du som tar emot gruppens utskick för regionen. Hans Jonsson, processledare i Region Norrbotten, tar över och får gruppens utskick i stället.",
    )
    expect(await violations(page)).toEqual([])
    expect(await overflowAt375(page)).toBe(0)
    await screenshots(page, "reader-preferences")

    await page.getByRole("radio", { name: "Veckosammanfattning", exact: true }).check()
    await page.getByRole("checkbox", { name: "Matvanor", exact: true }).uncheck()
    await page.getByRole("button", { name: "Spara" }).click()
    await expect(page.locator("[role=status] li").allTextContents()).resolves.toEqual([
      "Du får inga fler utskick från Matvanor. Du har fortfarande rollen kontaktperson i gruppen; den tas bort av regionens processledare eller nätverkets kansli.",
      "Utskick från grupper du följer (Tobaksprevention) kommer i en veckosammanfattning. Det du får genom en roll eller som regionens kanal in, och digitimmar och förslagsrundor, kommer ändå direkt.",
      "Region Norrbotten förlorar då sin kanal in i Matvanor: ingen från regionen deltar i gruppen, och det är du som tar emot gruppens utskick för regionen. Hans Jonsson, processledare i Region Norrbotten, tar över och får gruppens utskick i stället.",
    ])
    await expect(page.getByRole("checkbox", { name: "Matvanor", exact: true }).isChecked()).resolves.toBe(
      false,
    )
    await expect(
      page.getByRole("radio", { name: "Veckosammanfattning", exact: true }).isChecked(),
    ).resolves.toBe(true)
    expect(await violations(page)).toEqual([])
    expect(await overflowAt375(page)).toBe(0)
    await screenshots(page, "reader-preferences-saved")

    // The same form sent again changes nothing.
    await page.getByRole("button", { name: "Spara" }).click()
    await expect(page.locator("[role=status]").textContent()).resolves.toBe(
      "Inget att ändra: det du skickade är redan sparat.",
    )

    // The API shows the change (its copy of the network refreshes within seconds).
    const preferences = await until("the API to show the opt-out", async () => {
      const answer = await api("GET", `/v1/people/${helena.id}/preferences`)
      return (answer.body.optedOutOfThemeGroups as Array<string>).includes("tg-matvanor")
        ? answer.body
        : undefined
    })
    expect(preferences).toEqual({
      channels: ["email"],
      language: "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: ["tg-matvanor"],
    })
    const follows = await api("GET", `/v1/follows?personId=${helena.id}`)
    expect(follows.body.items).toEqual([
      { personId: helena.id, themeGroupId: "tg-tobak", frequency: "weekly" },
    ])

    expect(foreign).toEqual([])
    await context.close()
  })

  it("answers a tampered link with 400 and an expired one with 410, each saying what to do", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    const token = preferencesLink.split("/").at(-1)!
    const tampered = `${preferencesLink.slice(0, -token.length)}${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`
    const refused = await page.goto(tampered)
    expect(refused?.status()).toBe(400)
    await expect(page.locator("h1").textContent()).resolves.toBe("Länken fungerar inte")
    await expect(page.locator("main").textContent()).resolves.toContain(
      "Kopiera hela länken från mejlet eller Slack-meddelandet och försök igen.",
    )
    expect(await violations(page)).toEqual([])
    await screenshots(page, "reader-preferences-bad-link")

    // Signed with the server's own secret, but 366 days ago: a year's validity is over.
    const old = makeLinkSigner(Redacted.make(linkSecret), spridning.baseUrl).preferencesUrl(
      helena.id,
      new Date(Date.now() - 366 * 86_400_000),
    )
    const expired = await page.goto(old)
    expect(expired?.status()).toBe(410)
    await expect(page.locator("h1").textContent()).resolves.toBe("Länken har gått ut")
    expect(await violations(page)).toEqual([])
    const posted = await fetch(old, { method: "POST", body: new URLSearchParams({ language: "sv" }) })
    expect(posted.status).toBe(410)
    await context.close()
  })

  it("a Slack DM carries the reader's own preference link, which opens their page", async () => {
    const dm = await until("a Slack DM with a preference link", () =>
      slack
        .callsTo("chat.postMessage")
        .map((call) => JSON.stringify(call.args))
        .map(
          (body) => /<(https?:\/\/[^|>]+\/preferences\/[A-Za-z0-9_.-]+)\|Dina inställningar/.exec(body)?.[1],
        )
        .find((link) => link !== undefined),
    )
    const response = await fetch(onServer(dm))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain("<h1>Dina inställningar</h1>")
    const reader = slackPeople.find((person) => html.includes(`Här väljer du, ${person.name},`))
    expect(reader, "the page names a Slack reader").toBeDefined()
  })
})
