import { defaultRetryPolicy, indexNetwork, type Network } from "@spridning/core"
import { Outbox } from "@spridning/db"
import { Effect, Logger, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeEmailChannelSender } from "../src/delivery/email-channel.js"
import { emailRoutes } from "../src/routes/email-routes.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { webhookPublicKey } from "../src/webhook/event-webhook.js"
import { links, network, organizer, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const notes = updatesOfEveryKind[0]!

/** The small network plus `count` Swedish-speaking participants in Skåne. */
const crowd = (count: number): Network =>
  ({
    ...network,
    people: [
      ...network.people,
      ...Array.from({ length: count }, (_, index) => ({
        id: `p${index}`,
        name: `Person ${index}`,
        email: `p${index}@skane.example`,
        function: "clinician",
        regionId: "skane",
        preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
      })),
    ],
  }) as unknown as Network

let harness: Harness
let sequence = 0
const clock = makeClock("2026-11-23T08:00:00Z")
// Backoff short enough that a provider's Retry-After decides the wait.
const shortBackoff = { ...defaultRetryPolicy, baseDelayMillis: 1_000, maxDelayMillis: 60_000 }

beforeAll(async () => {
  harness = await startHarness(crowd(3000))
}, 180_000)
afterAll(() => harness.close())
beforeEach(() => harness.sendGrid.reset())

/** Publishes meeting notes to Anna and Cleo (both participants in Skåne); returns the update id. */
const publishToTwo = async () => {
  sequence += 1
  const id = `reliable-${sequence}`
  await harness.publish(
    { ...notes, id },
    [
      deliveryTo(id, "anna", "skane", [participant("skane")]),
      deliveryTo(id, "cleo", "skane", [participant("skane")]),
    ],
    clock.now(),
  )
  return id
}

/** Publishes meeting notes to the crowd's first `count` people; returns the update id. */
const publishToCrowd = async (count: number) => {
  sequence += 1
  const id = `crowd-${sequence}`
  await harness.publish(
    { ...notes, id },
    Array.from({ length: count }, (_, index) => deliveryTo(id, `p${index}`, "skane", [participant("skane")])),
    clock.now(),
  )
  return id
}

const deliveriesOf = (updateId: string) => harness.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))

/** How many mails each address got, of one update. */
const mailsPerRecipient = (updateId: string) => {
  const counts = new Map<string, number>()
  for (const mail of harness.sendGrid.mails()) {
    if (mail.customArgs.update_id !== updateId) continue
    counts.set(mail.to.email, (counts.get(mail.to.email) ?? 0) + 1)
  }
  return counts
}

describe("when SendGrid fails", () => {
  it("retries a 429 no sooner than SendGrid's Retry-After, then sends", async () => {
    const id = await publishToTwo()
    harness.sendGrid.script({ status: 429, retryAfterSeconds: 600 })
    const worker = await harness.worker({ clock: clock.now })
    const first = await harness.run(worker.runPass)
    // Anna reads Swedish, Cleo English: two requests were due; the second waits with the first.
    expect(first).toMatchObject({ retried: 2, sent: 0, requests: 1 })
    for (const delivery of await deliveriesOf(id)) {
      expect(delivery.state).toBe("failed")
      expect(delivery.lastError).toContain("429")
      expect(delivery.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 600_000)
    }
    clock.advance(300_000)
    expect((await harness.run(worker.runPass)).claimed).toBe(0)
    clock.advance(301_000)
    expect(await harness.run(worker.drain())).toMatchObject({ sent: 2 })
    expect((await deliveriesOf(id)).map((delivery) => delivery.state)).toEqual(["sent", "sent"])
  })

  it("honours a 429 that arrives late in a drain from its own answer, not from the start of the pass", async () => {
    const id = await publishToCrowd(3000)
    // Two slow requests go through; the third is refused 3 s into the pass with Retry-After 15 s.
    harness.sendGrid.script(
      { status: 202, delayMillis: 1_500 },
      { status: 202, delayMillis: 1_500 },
      { status: 429, retryAfterSeconds: 15 },
    )
    const worker = await harness.worker({ claimLimit: 5_000, sendConcurrency: 1, retryPolicy: shortBackoff })
    const report = await harness.run(worker.runPass)
    expect(report).toMatchObject({ requests: 3, sent: 2000, retried: 1000 })
    const refused = harness.sendGrid.requests.find((request) => request.status === 429)!
    const failed = (await deliveriesOf(id)).filter((delivery) => delivery.state === "failed")
    expect(failed).toHaveLength(1000)
    const waits = new Set(
      failed.map((delivery) => delivery.nextAttemptAt.getTime() - refused.answeredAt.getTime()),
    )
    expect(waits.size).toBe(1)
    const [wait] = [...waits]
    expect(wait).toBeGreaterThanOrEqual(15_000)
    expect(wait).toBeLessThan(15_500)
  })

  it("retries a 1,028-recipient batch whole after one transient failure: exactly 2 requests again", async () => {
    const id = await publishToCrowd(1028)
    harness.sendGrid.script({ status: 503 })
    const worker = await harness.worker({ clock: clock.now, claimLimit: 5_000 })
    expect(await harness.run(worker.runPass)).toMatchObject({ requests: 1, retried: 1028, sent: 0 })
    const failed = await deliveriesOf(id)
    const retryTimes = new Set(failed.map((delivery) => delivery.nextAttemptAt.getTime()))
    expect(retryTimes.size).toBe(1)
    harness.sendGrid.reset()
    clock.set(new Date([...retryTimes][0]!))
    expect(await harness.run(worker.drain())).toMatchObject({ sent: 1028, requests: 2 })
    expect(harness.sendGrid.requests.map((request) => request.body!.personalizations.length)).toEqual([
      1000, 28,
    ])
  })

  it("backs off exponentially on 5xx and gives up after the last attempt, keeping the reason", async () => {
    const id = await publishToTwo()
    harness.sendGrid.answerAlways({ status: 500 })
    const worker = await harness.worker({
      clock: clock.now,
      retryPolicy: {
        maxAttempts: 3,
        baseDelayMillis: 60_000,
        maxDelayMillis: 3_600_000,
        uncertainResendAfterMillis: 600_000,
      },
    })
    const delays: Array<number> = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = clock.now().getTime()
      await harness.run(worker.runPass)
      const [delivery] = await deliveriesOf(id)
      if (delivery!.state === "failed") {
        delays.push(delivery!.nextAttemptAt.getTime() - before)
        clock.set(delivery!.nextAttemptAt)
      }
    }
    // random() = 0.5 → three quarters of 60 s, then of 120 s
    expect(delays).toEqual([45_000, 90_000])
    const dead = await deliveriesOf(id)
    expect(dead.map((delivery) => delivery.state)).toEqual(["dead", "dead"])
    expect(dead[0]!.lastError).toMatch(/gave up after 3 attempts: SendGrid 500/)
    expect(await harness.run(Outbox.use((outbox) => outbox.counts(id)))).toMatchObject({ dead: 2 })
  })

  it("fails a delivery at once with SendGrid's reason on another 4xx", async () => {
    const id = await publishToTwo()
    harness.sendGrid.script({ status: 400 }, { status: 400 })
    const worker = await harness.worker({ clock: clock.now })
    expect(await harness.run(worker.runPass)).toMatchObject({ dead: 2, retried: 0 })
    const [delivery] = await deliveriesOf(id)
    expect(delivery!.state).toBe("dead")
    expect(delivery!.lastError).toContain(
      "SendGrid 400: from.email: The from address does not match a verified Sender Identity.",
    )
  })
})

describe("what a failure tells the operator", () => {
  it("logs one warning with the provider's status and count for a refused request, and one error per dead delivery", async () => {
    const id = await publishToCrowd(2)
    harness.sendGrid.script({ status: 400 })
    const lines: Array<{ level: string; message: unknown; annotations: Record<string, unknown> }> = []
    const capture = Logger.make((options) => {
      lines.push(JSON.parse(Logger.formatJson.log(options)))
    })
    const worker = await harness.worker({ clock: clock.now })
    await harness.run(worker.runPass.pipe(Effect.provide(Logger.layer([capture]))))
    const warnings = lines.filter((line) => line.level === "WARN")
    const errors = lines.filter((line) => line.level === "ERROR")
    expect(warnings.map((line) => [line.annotations.status, line.annotations.count])).toEqual([[400, 2]])
    expect(errors).toHaveLength(2)
    expect(errors.map((line) => line.message)).toEqual(["delivery dead", "delivery dead"])
    expect(new Set(errors.map((line) => line.annotations.deliveryId)).size).toBe(2)
    expect((await deliveriesOf(id)).map((delivery) => delivery.state)).toEqual(["dead", "dead"])
  })
})

describe("a dispatcher killed during a send (kill -9)", () => {
  /**
   * What kill -9 leaves behind: the claim was taken and the request reached SendGrid, but the
   * process died before it could mark anything (the claim's lease is all that remains).
   */
  const crashDuringSend = async (updateId: string) => {
    const claimed = await harness.run(
      Outbox.use((outbox) =>
        outbox.claim({
          channel: "email",
          workerId: "killed",
          limit: 5_000,
          leaseMillis: 60_000,
          now: clock.now(),
        }),
      ),
    )
    const ours = claimed.filter((delivery) => delivery.updateId === updateId)
    const index = indexNetwork(crowd(3000))
    const update = {
      ...notes,
      id: updateId,
      kind: notes.details.kind,
      createdBy: "test",
      createdAt: clock.now(),
    }
    await harness.run(
      Effect.gen(function* () {
        const sender = yield* makeEmailChannelSender({ links, organizer })
        for (let start = 0; start < ours.length; start += 1000) {
          yield* Effect.result(
            sender.send({
              _tag: "Update",
              update,
              language: "sv",
              recipients: ours
                .slice(start, start + 1000)
                .map((delivery) => ({ delivery, person: index.personById.get(delivery.personId)! })),
              network: index,
            }),
          )
        }
      }).pipe(
        Effect.provideService(
          MailSender,
          makeSendGridSender({
            apiKey: Redacted.make(harness.sendGrid.apiKey),
            baseUrl: harness.sendGrid.url,
            from: organizer,
          }),
        ),
      ),
    )
    return ours
  }

  const webhook = () =>
    emailRoutes({
      run: harness.run,
      links,
      webhookKey: webhookPublicKey(harness.sendGrid.webhookPublicKey),
      now: () => new Date(),
    })

  it("does not send again when the webhook's events show SendGrid had the request: no recipient twice", async () => {
    const id = await publishToCrowd(1200)
    const inFlight = await crashDuringSend(id)
    expect(inFlight).toHaveLength(1200)
    expect(harness.sendGrid.accepted()).toHaveLength(2)

    const survivor = await harness.worker({ clock: clock.now, claimLimit: 5_000 })
    clock.advance(61_000)
    // The lease ran out: uncertain, not re-sent blindly.
    expect(await harness.run(survivor.runPass)).toMatchObject({ requests: 0, sent: 0 })
    expect((await harness.run(Outbox.use((outbox) => outbox.counts(id)))).uncertain).toBe(1200)

    const body = JSON.stringify(harness.sendGrid.events("processed"))
    const answer = await webhook().request("/webhooks/sendgrid", {
      method: "POST",
      headers: harness.sendGrid.signWebhook(body, Math.floor(Date.now() / 1000)),
      body,
    })
    expect(answer.status).toBe(200)

    clock.advance(11 * 60_000)
    expect(await harness.run(survivor.drain())).toMatchObject({ requests: 0, resent: 0 })
    const perRecipient = mailsPerRecipient(id)
    expect(perRecipient.size).toBe(1200)
    expect([...new Set(perRecipient.values())]).toEqual([1])
    const counts = await harness.run(Outbox.use((outbox) => outbox.counts(id)))
    expect(counts).toMatchObject({ sent: 1200, uncertain: 0, sending: 0 })
  })

  it("sends an uncertain delivery again only after the window without evidence, and counts the re-send", async () => {
    const id = await publishToTwo()
    await crashDuringSend(id)
    harness.sendGrid.reset()
    const survivor = await harness.worker({ clock: clock.now })
    clock.advance(61_000)
    expect(await harness.run(survivor.runPass)).toMatchObject({ requests: 0 })
    clock.advance(9 * 60_000)
    expect(await harness.run(survivor.runPass)).toMatchObject({ requests: 0 })
    clock.advance(2 * 60_000)
    expect(await harness.run(survivor.drain())).toMatchObject({ requests: 2, sent: 2, resent: 2 })
    const rows = await deliveriesOf(id)
    expect(rows.map((delivery) => [delivery.state, delivery.resends])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ])
  })
})

describe("dispatchers side by side", () => {
  it("never sends a delivery twice when two live dispatchers drain together", async () => {
    const ids = [await publishToTwo(), await publishToTwo(), await publishToTwo()]
    const [a, b] = [
      await harness.worker({ clock: clock.now, claimLimit: 1 }),
      await harness.worker({ clock: clock.now, claimLimit: 1 }),
    ]
    const reports = await harness.run(Effect.all([a.drain(), b.drain()], { concurrency: 2 }))
    expect(reports[0].sent + reports[1].sent).toBe(6)
    const sentIds = harness.sendGrid.mails().map((mail) => mail.customArgs.delivery_id)
    expect(sentIds).toHaveLength(6)
    expect(new Set(sentIds).size).toBe(6)
    for (const id of ids)
      expect((await deliveriesOf(id)).every((delivery) => delivery.state === "sent")).toBe(true)
  })
})
