import { deliveryCadence, indexNetwork, PlannedDelivery, ThemeGroupId } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { type LocalSendGrid, startLocalSendGrid } from "@spridning/email/testing"
import {
  buttonClickPayload,
  interactionBody,
  type SlackFake,
  signedRequest,
  startSlackFake,
} from "@spridning/slack/testing"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ComposedProcess, startComposedProcess } from "./composed-process.js"

const signingSecret = "e2e-signing-secret-0123456789"

const until = async <A>(
  what: string | (() => string),
  probe: () => A | undefined | Promise<A | undefined>,
  timeoutMs = 30_000,
): Promise<A> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting for ${typeof what === "string" ? what : what()}\n${spridning?.output() ?? ""}`,
      )
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

interface Plan {
  readonly deliveries: ReadonlyArray<{
    readonly personId: string
    readonly channel: "email" | "slack"
    readonly reasons: ReadonlyArray<{ readonly _tag: string }>
    readonly bridge?: { readonly regionId: string }
  }>
}

const databases: ReadonlyArray<{
  name: string
  url: () => Promise<{ url: string; drop: () => Promise<void> }> | undefined
}> = [
  { name: "embedded PGlite", url: () => undefined },
  ...(process.env.DATABASE_URL === undefined
    ? []
    : [
        {
          name: "PostgreSQL",
          url: () => freshPostgresDatabase(process.env.DATABASE_URL as string, "spridning_e2e"),
        },
      ]),
]

let spridning: ComposedProcess

describe.each(databases)("Spridning end to end on $name", ({ url }) => {
  let sendGrid: LocalSendGrid
  let slack: SlackFake

  let dropDatabase: (() => Promise<void>) | undefined
  const slackPeople = demoNetwork.people.filter((p) => p.preferences.channels.includes("slack"))

  beforeAll(async () => {
    sendGrid = await startLocalSendGrid()
    slack = await startSlackFake({
      users: slackPeople.map((person, i) => ({
        id: `U${String(i).padStart(6, "0")}`,
        email: person.email,
        name: person.name,
      })),
    })
    const database = await url()
    dropDatabase = database?.drop
    spridning = await startComposedProcess({
      SENDGRID_API_KEY: sendGrid.apiKey,
      SENDGRID_API_BASE_URL: sendGrid.url,
      SPRIDNING_LINK_SECRET: "e2e-link-secret-0123456789abcdef",
      SPRIDNING_MAIL_FROM: "HFS-nätverket <spridning@hfs-natverket.example>",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_ID: "B0SPRIDNING",
      SLACK_BOT_USER_ID: "U0SPRIDNING",
      SLACK_TEAM_ID: slack.teamId,
      ...(database === undefined ? {} : { DATABASE_URL: database.url, SPRIDNING_SEED_DEMO: "true" }),
    })
  })

  afterAll(async () => {
    if (spridning !== undefined) {
      // A clean stop on SIGTERM: workers finished, database closed.
      expect(await spridning.stop(), spridning.output()).toBe(0)
    }
    await sendGrid?.close()
    await slack?.close()
    await dropDatabase?.()
  })

  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${spridning.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it("publishes meeting notes and follows them from mail and Slack to action", async () => {
    expect((await fetch(`${spridning.baseUrl}/readyz`)).status).toBe(200)

    // The network office gives the Tobaksprevention chair a token for the group.
    const created = await api(spridning.adminToken, "POST", "/v1/tokens", {
      role: "group-editor",
      themeGroupId: "tg-tobak",
      name: "Ordförande Tobaksprevention",
    })
    expect(created.status).toBe(201)
    const chairToken = created.body.secret as string

    const published = await api(chairToken, "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Minnesanteckningar november",
        body: "Vi gick igenom snusavvänjning i primärvården och nya material för skolan.",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
      },
    })
    expect(published.status, JSON.stringify(published.body)).toBe(201)
    const updateId = (published.body.update as { id: string }).id
    const stored = published.body.plan as { byChannel: { email: number; slack: number } }

    const plan = (await api(chairToken, "GET", `/v1/updates/${updateId}/plan`)).body as unknown as Plan
    // Followers who chose a daily or weekly digest get this in their digest, not at once.
    const index = indexNetwork(demoNetwork)
    const atOnce = (d: (typeof plan.deliveries)[number]) =>
      deliveryCadence(index, Schema.decodeUnknownSync(PlannedDelivery)(d), {
        kind: "meetingNotes",
        themeGroupId: Schema.decodeUnknownSync(ThemeGroupId)("tg-tobak"),
      }) === "immediate"
    const byEmail = plan.deliveries.filter((d) => d.channel === "email" && atOnce(d))
    // In Slack too: a digest follower's DM waits for the period's digest.
    const bySlack = plan.deliveries.filter((d) => d.channel === "slack" && atOnce(d))
    expect(byEmail.length).toBeGreaterThan(0)
    expect(bySlack.length).toBeGreaterThan(0)
    const bridges = plan.deliveries.filter((d) => d.bridge !== undefined)
    expect(bridges.length).toBeGreaterThan(0)

    // One mail per email delivery at SendGrid, each to its own reader; bridges included.
    const emailOf = (personId: string) => demoNetwork.people.find((p) => p.id === personId)?.email
    const mails = await until(
      () =>
        `every mail at SendGrid (${sendGrid.requests.length} requests so far: ${JSON.stringify(sendGrid.requests.map((r) => [r.status, r.errors, r.body?.personalizations.length, r.body?.personalizations[0]?.custom_args]))})`,
      () => {
        const forUpdate = sendGrid.mails().filter((m) => m.customArgs.update_id === updateId)
        return forUpdate.length >= byEmail.length ? forUpdate : undefined
      },
    )
    expect(mails).toHaveLength(byEmail.length)
    expect(new Set(mails.map((m) => m.to.email))).toEqual(new Set(byEmail.map((d) => emailOf(d.personId))))
    expect(new Set(mails.map((m) => m.customArgs.delivery_id)).size).toBe(byEmail.length)
    for (const bridge of bridges.filter((d) => d.channel === "email")) {
      expect(mails.map((m) => m.to.email)).toContain(emailOf(bridge.personId))
    }

    // One Slack DM per Slack delivery, with the receipt buttons.
    const messages = await until("every Slack DM", () => {
      const posted = slack.callsTo("chat.postMessage").filter((call) => call.status === 200)
      return posted.length >= bySlack.length ? posted : undefined
    })
    expect(messages.length).toBeGreaterThanOrEqual(bySlack.length)
    expect(bySlack.length).toBeLessThan(stored.byChannel.slack)

    // A Slack reader clicks "Omsatt i handling" in the DM: a signed interaction.
    const slackDelivery = bySlack[0]!
    const slackUser = slackPeople.findIndex((p) => p.id === slackDelivery.personId)
    const click = buttonClickPayload({
      teamId: slack.teamId,
      userId: `U${String(slackUser).padStart(6, "0")}`,
      actionId: "receipt_acted",
      value: updateId,
      channelId: "D0DM",
      messageTs: "1700000000.000100",
      responseUrl: slack.responseUrl(),
    })
    const clicked = await fetch(
      `${spridning.baseUrl}/slack/events`,
      signedRequest(interactionBody(click), "application/x-www-form-urlencoded", { signingSecret }),
    )
    expect(clicked.status).toBe(200)

    // An email reader follows the signed "Omsatt i handling" link in their mail.
    const mail = mails[0]!
    const link = /https?:\/\/\S+\/email\/receipt\/\S+\/acted/.exec(mail.text)?.[0]
    expect(link, mail.text).toBeDefined()
    const path = new URL(link!).pathname
    const asked = await fetch(`${spridning.baseUrl}${path}`)
    expect(await asked.text()).toContain("Ja, bekräfta")
    const confirmed = await fetch(`${spridning.baseUrl}${path}`, { method: "POST" })
    expect(confirmed.status).toBe(200)

    const funnel = await until("both receipts in the funnel", async () => {
      const answer = await api(chairToken, "GET", `/v1/updates/${updateId}/funnel`)
      const total = answer.body.total as { delivered: number; read: number; acted: number }
      return total.acted >= 2 ? total : undefined
    })
    expect(funnel.read).toBeGreaterThanOrEqual(2)
    expect(funnel.delivered).toBeGreaterThanOrEqual(byEmail.length)
  })
})
