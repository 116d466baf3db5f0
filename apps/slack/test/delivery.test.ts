import { indexNetwork, makeLinkSigner } from "@spridning/core"
import { Outbox, SlackLinks, Updates } from "@spridning/db"
import {
  ChannelSenders,
  DispatchSettings,
  makeDispatcher,
  makeDispatchSettings,
  withClock,
} from "@spridning/dispatch"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackIdentity } from "../src/config/slack-identity.js"
import { makeSlackChannelSender } from "../src/notifications/slack-channel.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
let clockOffsetMs = 0
const now = () => new Date(Date.now() + clockOffsetMs)
const links = makeLinkSigner(Redacted.make("slack-delivery-link-secret-0123"), "https://spridning.example")

/** A dispatcher with only the Slack sender (as apps/slack runs it), on the test's clock. */
const makeWorker = (workerId: string) =>
  kit.run(
    Effect.gen(function* () {
      const client = makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl })
      const sender = yield* makeSlackChannelSender({
        client,
        // All three ids given: Slack's auth.test is never asked.
        identity: slackIdentity(
          { botToken: kit.fake.token },
          { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
        ),
        workerId,
        preferencesUrl: (personId) => links.preferencesUrl(personId, now()),
      })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(
          DispatchSettings,
          makeDispatchSettings({
            workerId,
            configuredChannels: new Set(["email", "slack"]),
            claimLimit: 500,
            random: () => 0.5,
            retryPolicy: {
              maxAttempts: 3,
              baseDelayMillis: 40_000,
              maxDelayMillis: 60_000,
              uncertainResendAfterMillis: 10 * 60_000,
            },
          }),
        ),
      )
      return { sender, runPass: withClock(now)(dispatcher.runPass) }
    }),
  )
let worker: Awaited<ReturnType<typeof makeWorker>>

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
  worker = await makeWorker("slack-1")
}, 180_000)
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

describe("Slack deliveries through the dispatcher", () => {
  it("sends a Slack delivery as a DM to the person found by email, saying why, with the three buttons and the delivery id", async () => {
    const updateId = await publishTobaccoNotes()
    const report = await kit.run(worker.runPass)
    expect(report.sent).toBeGreaterThanOrEqual(1)
    const [dm] = dmsTo(cast.participant.slackId)
    expect(dm).toBeDefined()
    const blocks = JSON.stringify(dm?.args.blocks)
    expect(blocks).toContain("Anteckningar 1")
    expect(blocks).toContain("Mötet hölls 2026-11-12")
    expect(blocks).toContain("Du får detta eftersom")
    expect(blocks).toContain("Sprid vidare till")
    for (const action of ["receipt_read", "receipt_passed_on", "receipt_acted"])
      expect(blocks).toContain(action)
    // The reader's own settings page, signed for them alone.
    const settings =
      /<(https:\/\/spridning\.example\/preferences\/([^|>]+))\|Dina inställningar: kanaler, språk, hur ofta, vilka grupper>/.exec(
        blocks,
      )
    expect(settings, blocks).not.toBeNull()
    expect(links.verify(settings![2]!, now())).toMatchObject({
      purpose: "preferences",
      personId: cast.participant.personId,
    })
    const delivery = await participantsDelivery(updateId)
    expect(dm?.args.metadata).toEqual({
      event_type: "spridning_delivery",
      event_payload: { delivery_id: delivery.id },
    })
    expect(delivery.state).toBe("sent")
    expect(delivery.providerMessageId).toMatch(/^D0HELENA:\d+\.\d{6}$/)
    const linked = await kit.run(
      SlackLinks.use((links) => links.personForSlackUser(kit.fake.teamId, cast.participant.slackId)),
    )
    expect(linked).toBe(cast.participant.personId)
  })

  it("ends deliveries to people with no Slack account, naming the email it looked for", async () => {
    const updateId = await publishTobaccoNotes()
    await kit.run(worker.runPass)
    const deliveries = await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const dead = deliveries.filter((d) => d.channel === "slack" && d.state === "dead")
    expect(dead.length).toBeGreaterThan(0)
    expect(dead[0]?.lastError).toMatch(/^no Slack user has the email .+@.+/)
  })

  it("looks a person's Slack account up once, then uses the stored link", async () => {
    const lookups = () =>
      kit.fake.callsTo("users.lookupByEmail").filter((c) => c.args.email === cast.participant.email).length
    const before = lookups()
    await publishTobaccoNotes()
    await kit.run(worker.runPass)
    expect(lookups()).toBe(before)
  })

  it("announces a new update once in its theme group's channel, even with two dispatchers", async () => {
    await kit.run(
      SlackLinks.use((links) =>
        links.setThemeGroupChannel(
          { themeGroupId: "tg-tobak", teamId: kit.fake.teamId, channelId: "C0TOBAK" },
          "test",
        ),
      ),
    )
    const updateId = await publishTobaccoNotes()
    const other = await makeWorker("slack-2")
    await kit.run(
      Effect.all([worker.runPass, other.runPass, worker.runPass, other.runPass], { concurrency: 4 }),
    )
    const title = `Anteckningar ${published}`
    const announcements = kit.fake
      .callsTo("chat.postMessage")
      .filter((call) => call.args.channel === "C0TOBAK" && String(call.args.text).includes(title))
    expect(announcements).toHaveLength(1)
    expect(updateId).toMatch(/^slack-/)
  })

  it("honours Slack's 429 Retry-After from its answer: nothing is sent before it, then the delivery goes out", async () => {
    const updateId = await publishTobaccoNotes()
    kit.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 30 })
    const sentBefore = dmsTo(cast.participant.slackId).length
    const before = now().getTime()
    await kit.run(worker.runPass)
    const waiting = await participantsDelivery(updateId)
    expect(waiting.state).toBe("failed")
    expect(waiting.lastError).toContain("rate limited")
    expect(waiting.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(30_000)

    clockOffsetMs += 29_000
    await kit.run(worker.runPass)
    expect(dmsTo(cast.participant.slackId).length).toBe(sentBefore)

    clockOffsetMs += 2_000
    await kit.run(worker.runPass)
    expect(dmsTo(cast.participant.slackId).length).toBe(sentBefore + 1)
    expect((await participantsDelivery(updateId)).state).toBe("sent")
  })

  it("retries when Slack is down (5xx) with backoff, and gives up after the maximum attempts", async () => {
    const updateId = await publishTobaccoNotes()
    kit.fake.failNext("chat.postMessage", { status: 503 }, 100)
    await kit.run(worker.runPass)
    const first = await participantsDelivery(updateId)
    expect(first.state).toBe("failed")
    expect(first.lastError).toContain("HTTP 503")
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      clockOffsetMs += 61_000
      await kit.run(worker.runPass)
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
    await kit.run(worker.runPass)
    const delivery = await participantsDelivery(updateId)
    expect(delivery.state).toBe("dead")
    expect(delivery.lastError).toContain("user_disabled")
    kit.fake.reset()
  })
})

describe("a Slack dispatcher killed during a send", () => {
  /** kill -9 after the claim (and, when `posted`, after Slack took the message): nothing marked. */
  const crash = async (updateId: string, posted: boolean) => {
    const claimed = await kit.run(
      Outbox.use((outbox) =>
        outbox.claim({ channel: "slack", workerId: "killed", limit: 500, leaseMillis: 60_000, now: now() }),
      ),
    )
    const mine = claimed.filter((d) => d.updateId === updateId && d.personId === cast.participant.personId)
    if (posted) {
      const update = await kit.run(Updates.use((updates) => updates.get(updateId)))
      const index = indexNetwork(kit.network)
      for (const delivery of mine) {
        await kit.run(
          worker.sender.send({
            _tag: "Update",
            update,
            language: "sv",
            recipients: [{ delivery, person: index.personById.get(delivery.personId)! }],
            network: index,
          }),
        )
      }
    }
    return mine
  }

  it("finds the message by its metadata in the DM and does not post it again", async () => {
    const updateId = await publishTobaccoNotes()
    const [delivery] = await crash(updateId, true)
    expect(
      dmsTo(cast.participant.slackId).filter((call) =>
        JSON.stringify(call.args.metadata).includes(delivery!.id),
      ),
    ).toHaveLength(1)
    clockOffsetMs += 61_000
    await kit.run(worker.runPass)
    expect((await participantsDelivery(updateId)).state).toBe("uncertain")
    clockOffsetMs += 10 * 60_000
    const report = await kit.run(worker.runPass)
    expect(report.settledByEvidence).toBeGreaterThanOrEqual(1)
    const settled = await participantsDelivery(updateId)
    expect([settled.state, settled.resends]).toEqual(["sent", 0])
    expect(
      dmsTo(cast.participant.slackId).filter((call) =>
        JSON.stringify(call.args.metadata).includes(delivery!.id),
      ),
    ).toHaveLength(1)
  })

  it("posts again, once and counted, when the channel shows no such message after the window", async () => {
    const updateId = await publishTobaccoNotes()
    const [delivery] = await crash(updateId, false)
    clockOffsetMs += 61_000
    await kit.run(worker.runPass)
    clockOffsetMs += 10 * 60_000
    await kit.run(worker.runPass)
    const resent = await participantsDelivery(updateId)
    expect([resent.state, resent.resends]).toEqual(["sent", 1])
    expect(
      dmsTo(cast.participant.slackId).filter((call) =>
        JSON.stringify(call.args.metadata).includes(delivery!.id),
      ),
    ).toHaveLength(1)
  })
})
