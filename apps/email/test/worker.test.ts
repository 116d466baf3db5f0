import type { Network } from "@spridning/core"
import { Outbox, Suppressions } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { network, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const notes = updatesOfEveryKind[0]!

/** The small network plus `count` Swedish-speaking participants in Skåne (and a few English ones). */
const crowd = (count: number): Network => {
  const extra = Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    name: `Person ${index}`,
    email: `p${index}@skane.example`,
    function: "clinician",
    regionId: "skane",
    preferences: {
      channels: ["email"],
      language: index % 100 === 0 ? "en" : "sv",
      optedOutOfAll: false,
      optedOutOfThemeGroups: [],
    },
  }))
  return { ...network, people: [...network.people, ...extra] } as unknown as Network
}

describe("sending a published update", () => {
  let harness: Harness
  const clock = makeClock("2026-11-23T08:00:00Z")
  beforeAll(async () => {
    harness = await startHarness(crowd(2100))
  }, 180_000)
  afterAll(() => harness.close())

  it("sends same-content mail in requests of at most 1,000 personalizations, one per language", async () => {
    const people = Array.from({ length: 2100 }, (_, index) => `p${index}`)
    await harness.publish(
      { ...notes, id: "batch-1" },
      people.map((personId) => deliveryTo("batch-1", personId, "skane", [participant("skane")])),
      clock.now(),
    )
    const worker = await harness.worker({ clock: clock.now, claimLimit: 5000 })
    const report = await harness.run(worker.drain())

    expect(report).toMatchObject({ claimed: 2100, sent: 2100 })
    const requests = harness.sendGrid.accepted()
    const sizes = requests.map((request) => request.body!.personalizations.length).sort((a, b) => b - a)
    // 2,079 Swedish readers need 3 requests; 21 English readers 1.
    expect(sizes).toEqual([1000, 1000, 79, 21])
    const deliveryIds = requests.flatMap((request) =>
      request.body!.personalizations.map((personalization) => personalization.custom_args?.delivery_id),
    )
    expect(new Set(deliveryIds).size).toBe(2100)
    const counts = await harness.run(Outbox.use((outbox) => outbox.counts("batch-1")))
    expect(counts.sent).toBe(2100)

    const mails = harness.sendGrid.mails()
    const english = mails.find((mail) => mail.to.email === "p0@skane.example")!
    const swedish = mails.find((mail) => mail.to.email === "p1@skane.example")!
    expect(english.subject).toBe("Meeting notes – Tobaksprevention: Möte 12 november")
    expect(swedish.subject).toBe("Minnesanteckningar – Tobaksprevention: Möte 12 november")
    expect(swedish.text).toContain("Hej Person 1!")
    expect(swedish.text).toContain(
      "Du får detta eftersom du är med i temagruppen Tobaksprevention för Region Skåne.",
    )
    expect(swedish.headers["List-Unsubscribe"]).toMatch(
      /^<https:\/\/spridning\.example\/email\/unsubscribe\/[^>]+>$/,
    )
    expect(swedish.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
    expect(swedish.customArgs.delivery_id).toMatch(/^[0-9a-f-]{36}$/)
    // each reader's receipt links are their own
    expect(swedish.text).not.toBe(mails.find((mail) => mail.to.email === "p2@skane.example")!.text)
  })

  it("holds back mail to a suppressed address and marks the delivery suppressed", async () => {
    harness.sendGrid.reset()
    await harness.run(Suppressions.use((suppressions) => suppressions.add("p5@skane.example", "bounce")))
    await harness.publish(
      { ...notes, id: "suppressed-1" },
      [
        deliveryTo("suppressed-1", "p6", "skane", [participant("skane")]),
        deliveryTo("suppressed-1", "p7", "skane", [participant("skane")]),
      ],
      clock.now(),
    )
    // suppressed after publishing: only the worker can catch it
    await harness.run(Suppressions.use((suppressions) => suppressions.add("P7@skane.example", "spamReport")))
    const worker = await harness.worker({ clock: clock.now })
    const report = await harness.run(worker.drain())
    expect(report).toMatchObject({ sent: 1, suppressed: 1 })
    expect(harness.sendGrid.mails().map((mail) => mail.to.email)).toEqual(["p6@skane.example"])
    const states = await harness.run(
      Outbox.use((outbox) => outbox.forUpdate("suppressed-1")).pipe(
        Effect.map((rows) => Object.fromEntries(rows.map((row) => [row.personId, row.state]))),
      ),
    )
    expect(states).toEqual({ p6: "sent", p7: "suppressed" })
  })
})
