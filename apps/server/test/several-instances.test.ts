import {
  Bridge,
  Channel,
  deliveryCadence,
  InclusionReason,
  indexNetwork,
  PersonId,
  ThemeGroupId,
} from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { type LocalSendGrid, startLocalSendGrid } from "@spridning/email/testing"
import { type SlackFake, startSlackFake } from "@spridning/slack/testing"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type ComposedProcess, startComposedProcess } from "./composed-process.js"

/**
 * Three copies of the built server (dist/main.js) on one fresh PostgreSQL database, as
 * compose.yaml runs them: they must act as one.
 */
const serverUrl = process.env.DATABASE_URL

const decodeDeliveries = Schema.decodeUnknownSync(
  Schema.Array(
    Schema.Struct({
      personId: PersonId,
      channel: Channel,
      reasons: Schema.Array(InclusionReason),
      // A bridge's mail goes at once whatever the follow's cadence: keep it in what is read.
      bridge: Schema.optionalKey(Bridge),
    }),
  ),
)

describe.skipIf(serverUrl === undefined)("three instances on one PostgreSQL", () => {
  let sendGrid: LocalSendGrid
  let slack: SlackFake
  let drop: (() => Promise<void>) | undefined
  const instances: Array<ComposedProcess> = []
  const slackPeople = demoNetwork.people.filter((p) => p.preferences.channels.includes("slack"))

  beforeAll(async () => {
    sendGrid = await startLocalSendGrid()
    slack = await startSlackFake({
      users: slackPeople.map((person, i) => ({ id: `U${String(i).padStart(6, "0")}`, email: person.email })),
    })
    const database = await freshPostgresDatabase(serverUrl as string, "spridning_instances")
    drop = database.drop
    const env = {
      DATABASE_URL: database.url,
      SENDGRID_API_KEY: sendGrid.apiKey,
      SENDGRID_API_BASE_URL: sendGrid.url,
      SPRIDNING_LINK_SECRET: "instances-link-secret-0123456789",
      SPRIDNING_MAIL_FROM: "HFS-nätverket <spridning@hfs-natverket.example>",
      SLACK_SIGNING_SECRET: "instances-signing-secret",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      SPRIDNING_RATE_LIMIT: "30",
      SPRIDNING_ENV_FILE: "",
    }
    // The first seeds the demo network and makes the admin token; the others join it.
    instances.push(await startComposedProcess({ ...env, SPRIDNING_SEED_DEMO: "true" }))
    const others = await Promise.all(
      [1, 2].map(() =>
        startComposedProcess({ ...env, SPRIDNING_SEED_DEMO: "false" }, undefined, { adminToken: false }),
      ),
    )
    instances.push(...others)
  }, 240_000)

  afterAll(async () => {
    for (const instance of instances) expect(await instance.stop(), instance.output()).toBe(0)
    await sendGrid?.close()
    await slack?.close()
    await drop?.()
  }, 300_000)

  const call = async (instance: number, token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${instances[instance]!.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: (text === "" ? {} : JSON.parse(text)) as Record<string, unknown>,
    }
  }
  const newToken = async (request: Record<string, string>) => {
    const created = await call(0, instances[0]!.adminToken, "POST", "/v1/tokens", request)
    expect(created.status).toBe(201)
    return { secret: created.body.secret as string, id: (created.body.token as { id: string }).id }
  }

  it("publishes through all three and drains through all three: every mail sent, none twice", async () => {
    const chair = await newToken({ role: "group-editor", themeGroupId: "tg-tobak", name: "Ordförande" })
    const index = indexNetwork(demoNetwork)
    const expected = new Map<string, ReadonlyArray<string>>()
    for (let n = 0; n < 6; n++) {
      const published = await call(n % 3, chair.secret, "POST", "/v1/updates", {
        update: {
          themeGroupId: "tg-tobak",
          title: `Minnesanteckningar ${n + 1}`,
          body: "Snusavvänjning i primärvården och nya material för skolan.",
          audience: { scope: "network", themeGroups: ["tg-tobak"] },
          details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
        },
      })
      expect(published.status, JSON.stringify(published.body)).toBe(201)
      const updateId = (published.body.update as { id: string }).id
      const plan = await call((n + 1) % 3, chair.secret, "GET", `/v1/updates/${updateId}/plan`)
      const immediate = decodeDeliveries(plan.body.deliveries).filter(
        (d) =>
          d.channel === "email" &&
          // core's cadence rule has its own specs; here it only says which mails go at once.
          deliveryCadence(index, d, { kind: "meetingNotes", themeGroupId: ThemeGroupId.make("tg-tobak") }) ===
            "immediate",
      )
      expected.set(
        updateId,
        immediate.map((d) => demoNetwork.people.find((p) => p.id === d.personId)!.email).sort(),
      )
    }
    const total = [...expected.values()].reduce((sum, emails) => sum + emails.length, 0)
    expect(total).toBeGreaterThan(6)

    const mailsFor = () => sendGrid.mails().filter((mail) => expected.has(mail.customArgs.update_id ?? ""))
    await expect
      .poll(() => mailsFor().length, { timeout: 60_000, interval: 250 })
      .toBeGreaterThanOrEqual(total)
    // Several more passes of every instance's workers: nothing more may go out.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const mails = mailsFor()
    expect(mails.length).toBe(total)
    for (const [updateId, emails] of expected) {
      expect(
        mails
          .filter((mail) => mail.customArgs.update_id === updateId)
          .map((mail) => mail.to.email)
          .sort(),
      ).toEqual(emails)
    }
    expect(new Set(mails.map((mail) => mail.customArgs.delivery_id)).size).toBe(total)
  }, 300_000)

  it("holds one token's rate limit across all three", async () => {
    const reader = await newToken({ role: "reader", name: "Instrumentpanel" })
    const statuses: Array<number> = []
    for (let n = 0; n < 30; n++)
      statuses.push((await call(n % 3, reader.secret, "GET", "/v1/regions?limit=1")).status)
    expect(statuses).toEqual(Array.from({ length: 30 }, () => 200))
    for (const instance of [0, 1, 2]) {
      const refused = await call(instance, reader.secret, "GET", "/v1/regions?limit=1")
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0)
    }
  }, 300_000)

  it("refuses a revoked token on every instance within a second", async () => {
    const leaked = await newToken({ role: "reader", name: "Läckt" })
    for (const instance of [0, 1, 2]) {
      expect((await call(instance, leaked.secret, "GET", "/v1/regions?limit=1")).status).toBe(200)
    }
    expect((await call(1, instances[0]!.adminToken, "DELETE", `/v1/tokens/${leaked.id}`)).status).toBe(204)
    const revokedAt = Date.now()
    const refusedAfter = await Promise.all(
      [0, 1, 2].map(async (instance) => {
        for (;;) {
          const { status } = await call(instance, leaked.secret, "GET", "/v1/regions?limit=1")
          if (status === 401) return Date.now() - revokedAt
          if (Date.now() - revokedAt > 5_000) return Number.POSITIVE_INFINITY
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }),
    )
    for (const millis of refusedAfter) expect(millis).toBeLessThan(1_000)
  }, 300_000)
})
