import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { makeEmailScheduler } from "../src/schedule/email-scheduler.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { links, organizer, updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, makeClock, participant, startHarness } from "./support/harness.js"

const [, , hour, round] = updatesOfEveryKind
let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
}, 180_000)
afterAll(() => harness.close())
beforeEach(() => harness.sendGrid.reset())

const tick = async (at: string | Date) => {
  const clock = makeClock(at)
  const scheduler = await harness.run(
    makeEmailScheduler({ links, organizer, clock: clock.now }).pipe(
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
  return harness.run(scheduler.tick)
}

/** Publishes `update` to Anna and Cleo in Skåne at `at` and lets the worker send the invitations. */
const invite = async (update: NonNullable<typeof hour>, at: string) => {
  await harness.publish(
    update,
    [
      deliveryTo(update.id, "anna", "skane", [participant("skane")]),
      deliveryTo(update.id, "cleo", "skane", [participant("skane")]),
    ],
    new Date(at),
  )
  const worker = await harness.worker({ clock: () => new Date(at) })
  await harness.run(worker.drain())
  harness.sendGrid.reset()
}

const reminders = () => harness.sendGrid.mails().filter((mail) => /^(Påminnelse|Reminder)/.test(mail.subject))

describe("reminders by rule, not by tick", () => {
  it("sends no 'i morgon' reminder for an hour less than a day away: the invitation is enough", async () => {
    // Thursday 3 December 14:00 Stockholm; invited Wednesday 2 December at 15:00 (UTC+1).
    const late = { ...hour!, id: "hour-late" }
    await invite(late, "2026-12-02T14:00:00Z")
    expect((await tick("2026-12-02T14:00:13Z")).digitalHourReminders).toBe(0)
    expect((await tick("2026-12-03T07:00:00Z")).digitalHourReminders).toBe(0)
    expect(reminders()).toEqual([])
  })

  it("reminds those invited in good time at 08:00 Stockholm time on the day before, once each", async () => {
    const early = { ...hour!, id: "hour-early" }
    await invite(early, "2026-11-25T09:00:00Z")
    // Wednesday 2 December 07:59 Stockholm: not yet.
    expect((await tick("2026-12-02T06:59:00Z")).digitalHourReminders).toBe(0)
    expect((await tick("2026-12-02T07:00:00Z")).digitalHourReminders).toBe(2)
    expect(
      reminders()
        .map((mail) => `${mail.to.email} ${mail.subject}`)
        .sort(),
    ).toEqual([
      "anna@skane.example Påminnelse: digitimme i morgon – Digitimme: Tobaksprevention presenterar sig",
      "cleo@skane.example Reminder: digital hour tomorrow – Digitimme: Tobaksprevention presenterar sig",
    ])
    harness.sendGrid.reset()
    expect((await tick("2026-12-02T12:00:00Z")).digitalHourReminders).toBe(0)
    expect(reminders()).toEqual([])
  })

  it("says 'en vecka kvar' only to those invited a week before the reminder", async () => {
    // Deadline Tuesday 15 December 23:59 Stockholm; the week reminder is due 8 December 08:00.
    const recent = { ...round!, id: "round-recent" }
    await invite(recent, "2026-12-02T09:00:00Z")
    expect((await tick("2026-12-08T07:30:00Z")).proposalReminders).toBe(0)
    const timely = { ...round!, id: "round-timely" }
    await invite(timely, "2026-11-30T09:00:00Z")
    expect((await tick("2026-12-08T07:30:00Z")).proposalReminders).toBe(2)
    expect(reminders().map((mail) => mail.customArgs.update_id)).toEqual(["round-timely", "round-timely"])
    // The reminder carries the reader's own proposal link, as the invitation did.
    const anna = reminders().find((mail) => mail.to.email === "anna@skane.example")!
    expect(anna.text).toMatch(
      /\* Skicka in förslag: https:\/\/spridning\.example\/proposals\/[\w-]+\.[\w-]+\n/,
    )
  })
})
