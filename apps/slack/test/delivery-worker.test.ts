import { Outbox, SlackLinks } from "@spridning/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeSlackDeliveryWorker } from "../src/notifications/slack-delivery-worker.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
let clockOffsetMs = 0
const now = () => new Date(Date.now() + clockOffsetMs)
let worker: ReturnType<typeof makeSlackDeliveryWorker>

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
  worker = makeSlackDeliveryWorker({
    client: makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }),
    teamId: kit.fake.teamId,
    batchSize: 500,
    maxAttempts: 3,
    backoffMillis: () => 60_000,
    now,
  })
}, 60_000)
afterAll(() => kit.close())

let published = 0
/** The chair (here also the network office) publishes notes to Tobaksprevention; returns the update id. */
const publishTobaccoNotes = async (): Promise<string> => {
  published += 1
  const viewId = `V0WORKER${published}`
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId,
      values: postValues({
        themeGroupId: "tg-tobak",
        title: `Anteckningar ${published}`,
        body: "Text",
        meetingDate: "2026-11-12",
      }),
    }),
  )
  expect(await response.json()).toEqual({ response_action: "clear" })
  return `slack-${viewId}`
}

const participantsDelivery = async (updateId: string) => {
  const deliveries = await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
  const mine = deliveries.find((d) => d.personId === cast.participant.personId && d.channel === "slack")
  if (mine === undefined) throw new Error("the participant has no Slack delivery")
  return mine
}

const dmsTo = (slackId: string) =>
  kit.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === slackId)

describe("the Slack delivery worker", () => {
  it("sends a Slack delivery as a DM to the person found by email, saying why, with the three buttons", async () => {
    const updateId = await publishTobaccoNotes()
    const tick = await kit.run(worker.runOnce)
    expect(tick.sent).toBeGreaterThanOrEqual(1)
    const [dm] = dmsTo(cast.participant.slackId)
    expect(dm).toBeDefined()
    const blocks = JSON.stringify(dm?.args.blocks)
    expect(blocks).toContain("Anteckningar 1")
    expect(blocks).toContain("Mötet hölls 2026-11-12")
    expect(blocks).toContain("Du får detta eftersom")
    expect(blocks).toContain("Sprid vidare till")
    for (const action of ["receipt_read", "receipt_passed_on", "receipt_acted"])
      expect(blocks).toContain(action)
    const delivery = await participantsDelivery(updateId)
    expect(delivery.state).toBe("sent")
    expect(delivery.providerMessageId).toMatch(/^D0HELENA:\d+\.\d{6}$/)
    const linked = await kit.run(
      SlackLinks.use((links) => links.personForSlackUser(kit.fake.teamId, cast.participant.slackId)),
    )
    expect(linked).toBe(cast.participant.personId)
  })

  it("ends deliveries to people with no Slack account, naming the email it looked for", async () => {
    const updateId = await publishTobaccoNotes()
    await kit.run(worker.runOnce)
    const deliveries = await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const dead = deliveries.filter((d) => d.channel === "slack" && d.state === "dead")
    expect(dead.length).toBeGreaterThan(0)
    expect(dead[0]?.lastError).toMatch(/^no Slack user has the email .+@.+/)
  })

  it("looks a person's Slack account up once, then uses the stored link", async () => {
    const lookupsBefore = kit.fake
      .callsTo("users.lookupByEmail")
      .filter((c) => c.args.email === cast.participant.email).length
    await publishTobaccoNotes()
    await kit.run(worker.runOnce)
    const lookupsAfter = kit.fake
      .callsTo("users.lookupByEmail")
      .filter((c) => c.args.email === cast.participant.email).length
    expect(lookupsAfter).toBe(lookupsBefore)
  })

  it("announces a new update once in its theme group's channel", async () => {
    await kit.run(
      SlackLinks.use((links) =>
        links.setThemeGroupChannel(
          { themeGroupId: "tg-tobak", teamId: kit.fake.teamId, channelId: "C0TOBAK" },
          "test",
        ),
      ),
    )
    await publishTobaccoNotes()
    await kit.run(worker.runOnce)
    await kit.run(worker.runOnce)
    const announcements = kit.fake
      .callsTo("chat.postMessage")
      .filter((call) => call.args.channel === "C0TOBAK")
    // Every recent Tobaksprevention update, each once, however many passes run.
    const titles = announcements.map((call) => String(call.args.text))
    expect(new Set(titles).size).toBe(titles.length)
    expect(titles.some((title) => title.includes(`Anteckningar ${published}`))).toBe(true)
  })

  it("honours Slack's 429 Retry-After: nothing is sent before it, then the delivery goes out", async () => {
    const updateId = await publishTobaccoNotes()
    kit.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 30 })
    const sentBefore = dmsTo(cast.participant.slackId).length
    const limited = await kit.run(worker.runOnce)
    expect(limited.rateLimitedUntil).toBeInstanceOf(Date)
    const waitMs = (limited.rateLimitedUntil?.getTime() ?? 0) - now().getTime()
    expect(waitMs).toBeGreaterThan(29_000)
    const waiting = await participantsDelivery(updateId)
    expect(waiting.state).toBe("failed")
    expect(waiting.lastError).toContain("rate limited")
    expect(waiting.nextAttemptAt.getTime()).toBe(limited.rateLimitedUntil?.getTime())

    clockOffsetMs += 29_000
    await kit.run(worker.runOnce)
    expect(dmsTo(cast.participant.slackId).length).toBe(sentBefore)

    clockOffsetMs += waitMs
    await kit.run(worker.runOnce)
    expect(dmsTo(cast.participant.slackId).length).toBe(sentBefore + 1)
    expect((await participantsDelivery(updateId)).state).toBe("sent")
  })

  it("retries when Slack is down (5xx) with backoff, and gives up after the maximum attempts", async () => {
    const updateId = await publishTobaccoNotes()
    const failAll = () => kit.fake.failNext("chat.postMessage", { status: 503 }, 100)
    failAll()
    await kit.run(worker.runOnce)
    const first = await participantsDelivery(updateId)
    expect(first.state).toBe("failed")
    expect(first.lastError).toContain("HTTP 503")
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      clockOffsetMs += 61_000
      await kit.run(worker.runOnce)
    }
    const last = await participantsDelivery(updateId)
    expect(last.attempts).toBe(3)
    expect(last.state).toBe("dead")
    expect(last.lastError).toMatch(/^gave up after 3 attempts: .*HTTP 503/)
    kit.fake.reset()
  })

  it("ends a delivery Slack refuses for good, with Slack's reason", async () => {
    const updateId = await publishTobaccoNotes()
    kit.fake.failNext("chat.postMessage", { error: "user_disabled" }, 100)
    clockOffsetMs += 61_000
    await kit.run(worker.runOnce)
    const delivery = await participantsDelivery(updateId)
    expect(delivery.state).toBe("dead")
    expect(delivery.lastError).toContain("user_disabled")
    kit.fake.reset()
  })
})
