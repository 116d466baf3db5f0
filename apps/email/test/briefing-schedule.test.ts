import { BriefingRequests } from "@spridning/db"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { type EmailSchedulerOptions, makeEmailScheduler } from "../src/schedule/email-scheduler.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { links, organizer } from "./support/fixtures.js"
import { type Harness, makeClock, startHarness } from "./support/harness.js"

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
}, 180_000)
afterAll(() => harness.close())
beforeEach(() => harness.sendGrid.reset())

const tick = async (at: string, options: Partial<EmailSchedulerOptions> = {}) => {
  const clock = makeClock(at)
  const scheduler = await harness.run(
    makeEmailScheduler({ links, organizer, clock: clock.now, ...options }).pipe(
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

const briefingMails = () =>
  harness.sendGrid
    .mails()
    .filter((mail) => mail.subject.startsWith("Lägesrapport") || mail.subject.startsWith("Briefing"))
    .map((mail) => `${mail.to.email} ${mail.subject}`)

describe("briefings on a schedule", () => {
  it("sends no briefing for a month before the network existed, on first start", async () => {
    const report = await tick("2026-11-30T15:00:00Z", { networkSince: new Date("2026-11-30T14:00:00Z") })
    expect(report.briefings).toBe(0)
    expect(briefingMails()).toEqual([])
  })

  it("reads when the network began from storage", async () => {
    const since = await harness.run(BriefingRequests.use((r) => r.networkSince))
    expect(since).toBeInstanceOf(Date)
    // Briefing on a month that ended a year before the network was stored: nothing.
    const yearBefore = new Date(since!.getTime() - 365 * 86_400_000)
    const first = new Date(Date.UTC(yearBefore.getUTCFullYear(), yearBefore.getUTCMonth(), 2, 12))
    expect((await tick(first.toISOString())).briefings).toBe(0)
  })

  it("sends on the configured day and local hour, not before", async () => {
    const schedule = { cadence: "monthly", day: 15, hour: 14, timeZone: "Europe/Stockholm" } as const
    const since = new Date("2026-10-01T00:00:00Z")
    expect(
      (await tick("2027-01-15T12:59:00Z", { briefingSchedule: schedule, networkSince: since })).briefings,
    ).toBe(0)
    expect(
      (await tick("2027-01-15T13:00:00Z", { briefingSchedule: schedule, networkSince: since })).briefings,
    ).toBe(1)
    expect(briefingMails()).toEqual(["fia@skane.example Lägesrapport för Region Skåne, december 2026"])
  })

  it("sends one region's briefing now when the office asks, once", async () => {
    const request = await harness.run(BriefingRequests.use((r) => r.request("skane", "token:admin")))
    const at = "2027-02-10T10:00:00Z"
    // The scheduled briefing for January is not due before the 1st at 07:00, so only the asked one goes.
    const schedule = { cadence: "monthly", day: 28, hour: 7, timeZone: "Europe/Stockholm" } as const
    expect((await tick(at, { briefingSchedule: schedule })).briefings).toBe(1)
    expect(briefingMails()).toEqual(["fia@skane.example Lägesrapport för Region Skåne, januari 2027"])
    expect(await harness.run(BriefingRequests.use((r) => r.pending))).toEqual([])
    harness.sendGrid.reset()
    expect((await tick(at, { briefingSchedule: schedule })).briefings).toBe(0)
    expect(request.regionId).toBe("skane")
  })
})
