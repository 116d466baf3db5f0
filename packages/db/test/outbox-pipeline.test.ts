import type { DisseminationPlan, PersonId, RegionId, UpdateId } from "@spridning/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { Organisation } from "../src/organisation/organisation.js"
import { Outbox } from "../src/outbox/outbox.js"
import type { NewUpdate } from "../src/updates/model.js"
import { Updates } from "../src/updates/updates.js"
import { describeEachDatabase, smallNetwork, type TestDatabase } from "./support.js"

const planFor = (
  updateId: string,
  recipients: ReadonlyArray<{ personId: string; regionId: string; channel?: "email" | "slack" }>,
): DisseminationPlan => ({
  updateId: updateId as UpdateId,
  deliveries: recipients.map((recipient) => ({
    updateId: updateId as UpdateId,
    personId: recipient.personId as PersonId,
    regionId: recipient.regionId as RegionId,
    channel: recipient.channel ?? "email",
    reasons: [{ _tag: "InTargetedRegion", regionId: recipient.regionId as RegionId, scope: "network" }],
  })),
  unreachableRegions: [],
  skipped: [],
  passOnLine: { sv: "Sprid vidare till: processledare", en: "Pass on to: process leaders" },
})

const notes = (id: string, themeGroupId: string): NewUpdate => ({
  id,
  themeGroupId,
  title: "Minnesanteckningar november",
  body: "Vi pratade om tobaksfria skolgårdar.",
  audience: { scope: "network", themeGroups: [themeGroupId] as never },
  details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
})

const publish = async (
  database: TestDatabase,
  prefix: string,
  updateId: string,
  recipients: Parameters<typeof planFor>[1],
  now: Date,
) => {
  await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork(prefix), "test")))
  await database.run(
    Effect.flatMap(Updates, (updates) =>
      updates.publish(notes(updateId, `${prefix}-tobak`), planFor(updateId, recipients), "test", now),
    ),
  )
}

const minutes = (at: Date, count: number) => new Date(at.getTime() + count * 60_000)

describeEachDatabase("outbox: the delivery pipeline", (database) => {
  it("does not hand a delivery whose lease ran out to another dispatcher: it becomes uncertain", async () => {
    const now = new Date("2040-01-01T10:00:00Z")
    await publish(database, "unc", "unc-u1", [{ personId: "unc-anna", regionId: "unc-skane" }], now)
    const outbox = await database.run(Outbox)
    const [claimed] = await database.run(
      outbox.claim({ channel: "email", workerId: "dies", limit: 10, leaseMillis: 60_000, now }),
    )
    if (claimed === undefined) throw new Error("one claimed")
    const afterLease = minutes(now, 2)
    expect(
      await database.run(
        outbox.claim({
          channel: "email",
          workerId: "lives",
          limit: 10,
          leaseMillis: 60_000,
          now: afterLease,
        }),
      ),
    ).toEqual([])
    expect(await database.run(outbox.expireLeases({ now: afterLease, resendAfterMillis: 10 * 60_000 }))).toBe(
      1,
    )
    expect(await database.run(outbox.get(claimed.id))).toMatchObject({ state: "uncertain", resends: 0 })
    expect(
      await database.run(
        outbox.claimUncertain({
          channel: "email",
          workerId: "lives",
          limit: 10,
          leaseMillis: 60_000,
          now: minutes(now, 11),
        }),
      ),
    ).toEqual([])
    const again = await database.run(
      outbox.claimUncertain({
        channel: "email",
        workerId: "lives",
        limit: 10,
        leaseMillis: 60_000,
        now: minutes(now, 13),
      }),
    )
    expect(again.map((delivery) => delivery.id)).toEqual([claimed.id])
    expect(await database.run(outbox.countResends("lives", [claimed.id]))).toBe(1)
    expect(await database.run(outbox.get(claimed.id))).toMatchObject({ state: "sending", resends: 1 })
  })

  it("settles an uncertain delivery as sent on the provider's evidence, and never sends it again", async () => {
    const now = new Date("2040-02-01T10:00:00Z")
    await publish(database, "evi", "evi-u1", [{ personId: "evi-anna", regionId: "evi-skane" }], now)
    const outbox = await database.run(Outbox)
    const [claimed] = await database.run(
      outbox.claim({ channel: "email", workerId: "dies", limit: 10, leaseMillis: 60_000, now }),
    )
    if (claimed === undefined) throw new Error("one claimed")
    await database.run(outbox.expireLeases({ now: minutes(now, 2), resendAfterMillis: 10 * 60_000 }))
    expect(
      await database.run(outbox.settleSent([{ id: claimed.id, providerMessageId: "sg-9" }], minutes(now, 3))),
    ).toEqual([claimed.id])
    expect(await database.run(outbox.get(claimed.id))).toMatchObject({
      state: "sent",
      providerMessageId: "sg-9",
      resends: 0,
    })
    // (other tests' deliveries share this database: only this one's id matters)
    const later = await database.run(
      outbox.claimUncertain({
        channel: "email",
        workerId: "lives",
        limit: 10,
        leaseMillis: 60_000,
        now: minutes(now, 30),
      }),
    )
    expect(later.map((delivery) => delivery.id)).not.toContain(claimed.id)
  })

  it("holds a delivery for its digest period without using an attempt, and claims the period's others with it", async () => {
    const now = new Date("2040-03-01T10:00:00Z")
    await publish(database, "dig", "dig-u1", [{ personId: "dig-anna", regionId: "dig-skane" }], now)
    await database.run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(
          notes("dig-u2", "dig-tobak"),
          planFor("dig-u2", [{ personId: "dig-anna", regionId: "dig-skane" }]),
          "test",
          now,
        ),
      ),
    )
    const outbox = await database.run(Outbox)
    const claimed = await database.run(
      outbox.claim({ channel: "email", workerId: "w", limit: 10, leaseMillis: 60_000, now }),
    )
    expect(claimed).toHaveLength(2)
    const periodEnd = new Date("2040-03-01T23:00:00Z")
    for (const delivery of claimed) {
      expect(
        await database.run(
          outbox.hold("w", delivery.id, { until: periodEnd, periodKey: "daily:2040-03-01" }),
        ),
      ).toBe(true)
    }
    const [first] = await database.run(outbox.forUpdate("dig-u1"))
    expect(first).toMatchObject({ state: "held", attempts: 0, digestPeriod: "daily:2040-03-01" })
    expect(
      await database.run(
        outbox.claim({
          channel: "email",
          workerId: "w",
          limit: 10,
          leaseMillis: 60_000,
          now: minutes(now, 60),
        }),
      ),
    ).toEqual([])
    const due = await database.run(
      outbox.claim({
        channel: "email",
        workerId: "w",
        limit: 1,
        leaseMillis: 60_000,
        now: minutes(periodEnd, 1),
      }),
    )
    expect(due).toHaveLength(1)
    const rest = await database.run(
      outbox.claimDigest({
        workerId: "w",
        personId: "dig-anna",
        channel: "email",
        periodKey: "daily:2040-03-01",
        leaseMillis: 60_000,
      }),
    )
    expect(rest).toHaveLength(1)
    expect(rest[0]?.id).not.toBe(due[0]?.id)
  })

  it("reroutes in one transaction, and leaves the delivery alone when the person already has one on the target channel", async () => {
    const now = new Date("2040-04-01T10:00:00Z")
    await publish(
      database,
      "rer",
      "rer-u1",
      [
        { personId: "rer-anna", regionId: "rer-skane", channel: "slack" },
        { personId: "rer-bo", regionId: "rer-halland", channel: "slack" },
        { personId: "rer-bo", regionId: "rer-halland", channel: "email" },
      ],
      now,
    )
    const outbox = await database.run(Outbox)
    const claimed = await database.run(
      outbox.claim({ channel: "slack", workerId: "w", limit: 10, leaseMillis: 60_000, now }),
    )
    const anna = claimed.find((delivery) => delivery.personId === "rer-anna")
    const bo = claimed.find((delivery) => delivery.personId === "rer-bo")
    if (anna === undefined || bo === undefined) throw new Error("two claimed")
    const rerouted = await database.run(outbox.reroute("w", anna.id, "email", "Slack is not configured", now))
    expect(rerouted._tag).toBe("Rerouted")
    expect(await database.run(outbox.reroute("w", bo.id, "email", "Slack is not configured", now))).toEqual({
      _tag: "TargetExists",
    })
    const stored = await database.run(outbox.forUpdate("rer-u1"))
    expect(
      stored.map((delivery) => [
        delivery.personId,
        delivery.channel,
        delivery.state,
        delivery.reroutedFrom ?? null,
      ]),
    ).toEqual([
      ["rer-anna", "slack", "rerouted", null],
      ["rer-anna", "email", "pending", anna.id],
      ["rer-bo", "email", "pending", null],
      ["rer-bo", "slack", "sending", null],
    ])
  })

  it("bumps the network version in the same transaction as an organisation write", async () => {
    const outbox = await database.run(Outbox)
    const before = await database.run(outbox.networkVersion)
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("ver"), "test")))
    const afterImport = await database.run(outbox.networkVersion)
    expect(afterImport).toBeGreaterThan(before)
    await database.run(
      Effect.flatMap(Organisation, (org) =>
        org.people.update(
          "ver-anna",
          (anna) => ({ ...anna, preferences: { ...anna.preferences, optedOutOfAll: true } }),
          "test",
        ),
      ),
    )
    expect(await database.run(outbox.networkVersion)).toBe(afterImport + 1)
    expect(await database.run(outbox.networkVersion)).toBe(afterImport + 1)
  })

  it("lets exactly one dispatcher announce an update in a channel", async () => {
    const now = new Date("2040-05-01T10:00:00Z")
    await publish(database, "ann", "ann-u1", [], now)
    const outbox = await database.run(Outbox)
    const input = { updateId: "ann-u1", slackChannelId: "C1" }
    expect(await database.run(outbox.claimAnnouncement({ ...input, workerId: "a" }))).toBe(true)
    expect(await database.run(outbox.claimAnnouncement({ ...input, workerId: "b" }))).toBe(false)
  })

  it("gives an announcement claimed by a stopped dispatcher to exactly one other, and never a posted one", async () => {
    const now = new Date("2040-05-01T10:00:00Z")
    await publish(database, "stale1", "stale-u1", [], now)
    await publish(database, "stale2", "stale-u2", [], now)
    const outbox = await database.run(Outbox)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 10))
    expect(
      await database.run(
        outbox.claimAnnouncement({ updateId: "stale-u1", slackChannelId: "C9", workerId: "a" }),
      ),
    ).toBe(true)
    expect(
      await database.run(
        outbox.claimAnnouncement({ updateId: "stale-u2", slackChannelId: "C9", workerId: "a" }),
      ),
    ).toBe(true)
    await database.run(outbox.recordAnnouncement({ updateId: "stale-u2", slackChannelId: "C9", ts: "1.2" }))
    await pause()
    const cut = new Date()
    await pause()
    const before = new Date(cut.getTime() - 60_000)
    // Earlier tests in this file leave their own claims in other channels; this one looks at C9.
    const retake = async (workerId: string, claimedBefore: Date) =>
      (await database.run(outbox.retakeStaleAnnouncements({ workerId, claimedBefore }))).filter(
        (announcement) => announcement.slackChannelId === "C9",
      )
    expect(await retake("b", before)).toEqual([])
    expect(await retake("b", cut)).toEqual([{ updateId: "stale-u1", slackChannelId: "C9" }])
    expect(await retake("c", cut)).toEqual([])
  })
})
