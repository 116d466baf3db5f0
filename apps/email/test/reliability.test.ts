import { Outbox } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const notes = updatesOfEveryKind[0]!
let harness: Harness
let sequence = 0
const clock = makeClock("2026-11-23T08:00:00Z")

beforeAll(async () => {
  harness = await startHarness()
}, 60_000)
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

const deliveriesOf = (updateId: string) => harness.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))

describe("when SendGrid fails", () => {
  it("retries a 429 no sooner than SendGrid's Retry-After, then sends", async () => {
    const id = await publishToTwo()
    harness.sendGrid.script({ status: 429, retryAfterSeconds: 600 })
    const worker = await harness.worker({ clock: clock.now })
    const first = await harness.run(worker.drainOnce)
    expect(first).toMatchObject({ retried: 2, sent: 0 })
    for (const delivery of await deliveriesOf(id)) {
      expect(delivery.state).toBe("failed")
      expect(delivery.lastError).toContain("429")
      expect(delivery.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 600_000)
    }
    clock.advance(300_000)
    expect((await harness.run(worker.drainOnce)).claimed).toBe(0)
    clock.advance(301_000)
    expect(await harness.run(worker.drain())).toMatchObject({ sent: 2 })
    expect((await deliveriesOf(id)).map((delivery) => delivery.state)).toEqual(["sent", "sent"])
  })

  it("backs off exponentially on 5xx and gives up after the last attempt, keeping the reason", async () => {
    const id = await publishToTwo()
    harness.sendGrid.answerAlways({ status: 500 })
    const worker = await harness.worker({
      clock: clock.now,
      retry: {
        maxAttempts: 3,
        baseDelayMillis: 60_000,
        maxDelayMillis: 3_600_000,
        uncertainResendAfterMillis: 600_000,
      },
    })
    const delays: Array<number> = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = clock.now().getTime()
      await harness.run(worker.drainOnce)
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
    expect(await harness.run(worker.drainOnce)).toMatchObject({ dead: 2, retried: 0 })
    const [delivery] = await deliveriesOf(id)
    expect(delivery!.state).toBe("dead")
    expect(delivery!.lastError).toContain(
      "SendGrid 400: from.email: The from address does not match a verified Sender Identity.",
    )
  })
})

describe("workers that die or run side by side", () => {
  it("sends later what a dead worker had claimed, once its lease runs out", async () => {
    const id = await publishToTwo()
    // a worker claims and dies before sending
    const claimed = await harness.run(
      Outbox.use((outbox) =>
        outbox.claim({
          channel: "email",
          workerId: "crashed",
          limit: 10,
          leaseMillis: 60_000,
          now: clock.now(),
        }),
      ),
    )
    expect(claimed.map((delivery) => delivery.updateId)).toEqual([id, id])
    const survivor = await harness.worker({ clock: clock.now })
    expect((await harness.run(survivor.drainOnce)).claimed).toBe(0)
    clock.advance(61_000)
    expect(await harness.run(survivor.drain())).toMatchObject({ claimed: 2, sent: 2 })
    // and the dead worker, should it come back, can no longer mark them
    expect(
      await harness.run(
        Outbox.use((outbox) =>
          outbox.markSent(
            "crashed",
            claimed.map((d) => ({ id: d.id })),
          ),
        ),
      ),
    ).toBe(0)
    expect(harness.sendGrid.mails()).toHaveLength(2)
  })

  it("never sends a delivery twice when two live workers drain together", async () => {
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
