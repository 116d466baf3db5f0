import { lastEndedPeriod, periodContaining } from "@spridning/core"
import { Outbox, Updates } from "@spridning/db"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeEmailScheduler } from "../src/schedule/email-scheduler.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { links, organizer, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, follows, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const [notes, work, hour, round] = updatesOfEveryKind
let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
}, 180_000)
afterAll(() => harness.close())
beforeEach(() => harness.sendGrid.reset())

const scheduler = (clock: () => Date) =>
  harness.run(
    // The network began before the periods these tests brief on, whatever today's date is.
    makeEmailScheduler({ links, organizer, clock, networkSince: new Date("2026-10-01T00:00:00Z") }).pipe(
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

describe("digest periods", () => {
  it("names days and ISO weeks the way digest runs are keyed", () => {
    expect(periodContaining("daily", new Date("2026-11-23T08:00:00Z")).key).toBe("daily:2026-11-23")
    expect(periodContaining("weekly", new Date("2026-11-23T08:00:00Z")).key).toBe("weekly:2026-W48")
    expect(periodContaining("weekly", new Date("2027-01-01T08:00:00Z")).key).toBe("weekly:2026-W53")
    expect(lastEndedPeriod("weekly", new Date("2026-11-23T08:00:00Z")).key).toBe("weekly:2026-W47")
  })
})

describe("daily and weekly digests", () => {
  it("holds a follower's mail for the digest and sends one digest per period, even with two workers", async () => {
    const clock = makeClock("2026-11-23T09:00:00Z")
    const first = { ...notes!, id: "digest-notes" }
    const second = { ...work!, id: "digest-work" }
    await harness.publish(
      first,
      [
        deliveryTo(first.id, "dag", "skane", [follows()]),
        deliveryTo(first.id, "anna", "skane", [participant("skane")]),
      ],
      clock.now(),
    )
    clock.advance(3_600_000)
    await harness.publish(second, [deliveryTo(second.id, "dag", "skane", [follows()])], clock.now())

    const a = await harness.worker({ clock: clock.now, claimLimit: 1 })
    const b = await harness.worker({ clock: clock.now, claimLimit: 1 })
    const during = await harness.run(Effect.all([a.drain(), b.drain()], { concurrency: 2 }))
    expect(during[0].held + during[1].held).toBe(2)
    // the participant got hers at once; the follower nothing yet
    expect(harness.sendGrid.mails().map((mail) => mail.to.email)).toEqual(["anna@skane.example"])
    const held = await harness.run(Outbox.use((o) => o.forPerson("dag")))
    // waiting for a digest is `held` (not a failure, no attempt used), with the period it waits for
    expect(held.map((d) => [d.state, d.attempts, d.digestPeriod])).toEqual([
      ["held", 0, "daily:2026-11-23"],
      ["held", 0, "daily:2026-11-23"],
    ])

    harness.sendGrid.reset()
    clock.set("2026-11-24T00:00:01Z")
    const after = await harness.run(Effect.all([a.drain(), b.drain()], { concurrency: 2 }))
    expect(after.reduce((sum, report) => sum + report.digests, 0)).toBe(1)
    // the worker that lost the race waits a lease, then sees the digest went out
    clock.advance(5 * 60_000 + 2000)
    await harness.run(Effect.all([a.drain(), b.drain()], { concurrency: 2 }))
    const mails = harness.sendGrid.mails()
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to.email).toBe("dag@skane.example")
    expect(mails[0]!.subject).toBe("Dagens sammanfattning: 2 nyheter från temagrupperna")
    expect(mails[0]!.text).toContain("Möte 12 november")
    expect(mails[0]!.text).toContain("Kartläggning av rökfria arbetsplatser")
    expect(mails[0]!.text).toContain(
      "Du får detta eftersom du följer Tobaksprevention och har valt att få en sammanfattning.",
    )
    expect(mails[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
    const states = (await harness.run(Outbox.use((o) => o.forPerson("dag")))).map((d) => d.state)
    expect(states).toEqual(["sent", "sent"])

    // later drains find nothing more for that period
    expect(await harness.run(a.drain())).toMatchObject({ claimed: 0 })
  })

  it("sends a weekly follower's digest after the week ends", async () => {
    const clock = makeClock("2026-11-25T10:00:00Z")
    const update = { ...notes!, id: "weekly-notes" }
    await harness.publish(update, [deliveryTo(update.id, "eva", "gotland", [follows()])], clock.now())
    const worker = await harness.worker({ clock: clock.now })
    expect(await harness.run(worker.drain())).toMatchObject({ held: 1, sent: 0 })
    // The week ends at local midnight in Stockholm: Sunday 23:00 UTC in November.
    clock.set("2026-11-29T22:59:00Z")
    expect(await harness.run(worker.drain())).toMatchObject({ claimed: 0 })
    clock.set("2026-11-29T23:05:00Z")
    expect(await harness.run(worker.drain())).toMatchObject({ digests: 1, sent: 1 })
    expect(harness.sendGrid.mails()[0]!.subject).toBe("Veckans sammanfattning: 1 nyhet från temagrupperna")
  })
})

describe("reminders and briefings", () => {
  const deadline = new Date(round!.details.kind === "proposalRound" ? round!.details.deadline : 0)
  beforeAll(async () => {
    const publishedAt = new Date("2026-11-20T09:00:00Z")
    await harness.publish(
      round!,
      [
        deliveryTo(round!.id, "anna", "skane", [participant("skane")]),
        deliveryTo(
          round!.id,
          "bo",
          "gotland",
          [{ _tag: "HoldsRole", role: "processLeader", regionId: "gotland" } as never],
          { regionId: "gotland" as never, via: "processLeader" },
        ),
      ],
      publishedAt,
    )
    await harness.publish(
      hour!,
      [
        deliveryTo(hour!.id, "anna", "skane", [participant("skane")]),
        deliveryTo(hour!.id, "cleo", "skane", [participant("skane")]),
      ],
      publishedAt,
    )
    const worker = await harness.worker({ clock: () => publishedAt })
    await harness.run(worker.drain())
  })

  it("briefs each region's management once a month on last month's work, gaps and what waits", async () => {
    const clock = makeClock("2026-12-01T06:00:00Z")
    const report = await harness.run((await scheduler(clock.now)).tick)
    expect(report.briefings).toBe(1)
    const briefing = harness.sendGrid.mails().find((mail) => mail.to.email === "fia@skane.example")!
    expect(briefing.subject).toBe("Lägesrapport för Region Skåne, november 2026")
    expect(briefing.text).toContain("Matvanor – utskicken går till Anna Berg")
    expect(briefing.text).toContain("presidieledamot")
    expect(briefing.text).toContain("Förslag inför handlingsplan 2027 – förslag senast 15 december 2026")
    expect(briefing.text).toContain("Du får detta eftersom du är med i ledningen för Region Skåne.")
    harness.sendGrid.reset()
    clock.advance(86_400_000)
    expect((await harness.run((await scheduler(clock.now)).tick)).briefings).toBe(0)
  })

  it("reminds a week before a proposal deadline, once, and not regions that already answered", async () => {
    await harness.run(
      Updates.use((u) =>
        u.submitProposal({ roundId: round!.id, regionId: "skane", text: "Snus i skolan" }, "test"),
      ),
    )
    harness.sendGrid.reset()
    const clock = makeClock(new Date(deadline.getTime() - 7 * 86_400_000 + 3_600_000))
    const [one, two] = [await scheduler(clock.now), await scheduler(clock.now)]
    const reports = await harness.run(Effect.all([one.tick, two.tick], { concurrency: 2 }))
    expect(reports[0].proposalReminders + reports[1].proposalReminders).toBe(1)
    const reminders = harness.sendGrid.mails().filter((mail) => mail.subject.startsWith("Påminnelse"))
    expect(reminders.map((mail) => mail.to.email)).toEqual(["bo@gotland.example"])
    expect(reminders[0]!.subject).toBe("Påminnelse: en vecka kvar – Förslag inför handlingsplan 2027")
    expect(reminders[0]!.text).toContain("Region Gotland saknar deltagare i temagruppen Tobaksprevention")
    // the reminder's receipt links count for the round's delivery
    expect(reminders[0]!.customArgs.update_id).toBe(round!.id)
  })

  it("reminds again the day before the deadline", async () => {
    const clock = makeClock(new Date(deadline.getTime() - 20 * 3_600_000))
    const report = await harness.run((await scheduler(clock.now)).tick)
    expect(report.proposalReminders).toBe(1)
    expect(harness.sendGrid.mails().find((mail) => mail.subject.startsWith("Påminnelse"))!.subject).toBe(
      "Påminnelse: sista dag i morgon – Förslag inför handlingsplan 2027",
    )
  })

  it("reminds of a digital hour the day before, in each reader's language, with the calendar file", async () => {
    const clock = makeClock("2026-12-02T18:00:00Z")
    const report = await harness.run((await scheduler(clock.now)).tick)
    expect(report.digitalHourReminders).toBe(2)
    const mails = harness.sendGrid.mails().filter((mail) => mail.customArgs.update_id === hour!.id)
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      "Påminnelse: digitimme i morgon – Digitimme: Tobaksprevention presenterar sig",
      "Reminder: digital hour tomorrow – Digitimme: Tobaksprevention presenterar sig",
    ])
    expect(mails[0]!.attachments[0]!.filename).toBe("digitimme.ics")
    expect(Buffer.from(mails[0]!.attachments[0]!.content, "base64").toString("utf8")).toContain(
      "BEGIN:VCALENDAR",
    )
    // a second tick the same evening sends nothing new
    harness.sendGrid.reset()
    expect((await harness.run((await scheduler(clock.now)).tick)).digitalHourReminders).toBe(0)
  })
})
