import { describe, expect, it } from "vitest"
import {
  acceptsProposals,
  briefingPeriodDue,
  explainReason,
  proposalAnswerPlan,
  publishProblems,
  reminderDue,
  reminderDueAt,
  type UpdateId,
} from "../src/index.js"
import { buildNetwork, id } from "./fixtures.js"

const answerId = "answer-1" as UpdateId

describe("the answer to a proposal", () => {
  const network = buildNetwork([
    { id: "kalmar-pl", region: "kalmar", roles: [{ role: "processLeader" }], channels: ["email", "slack"] },
    { id: "kalmar-writer", region: "kalmar", channels: [] },
    { id: "kalmar-other", region: "kalmar", roles: [{ role: "participant", group: "tobak" }] },
    { id: "skane-pl", region: "skane", roles: [{ role: "processLeader" }] },
    { id: "halland-pl", region: "halland", roles: [{ role: "processLeader" }], optedOutOfAll: true },
  ])

  it("goes to the person who sent it and the region's process leader, and to nobody else", () => {
    const plan = proposalAnswerPlan(network, answerId, {
      regionId: id.region("kalmar"),
      submittedBy: id.person("kalmar-writer"),
    })
    expect(plan.deliveries).toEqual([
      {
        updateId: "answer-1",
        personId: "kalmar-writer",
        regionId: "kalmar",
        channel: "email",
        reasons: [{ _tag: "SubmittedProposal", regionId: "kalmar" }],
      },
      {
        updateId: "answer-1",
        personId: "kalmar-pl",
        regionId: "kalmar",
        channel: "email",
        reasons: [{ _tag: "HoldsRole", role: "processLeader", regionId: "kalmar" }],
      },
      {
        updateId: "answer-1",
        personId: "kalmar-pl",
        regionId: "kalmar",
        channel: "slack",
        reasons: [{ _tag: "HoldsRole", role: "processLeader", regionId: "kalmar" }],
      },
    ])
    expect(plan.unreachableRegions).toEqual([])
  })

  it("gives a process leader who also sent it one delivery per channel with both reasons", () => {
    const plan = proposalAnswerPlan(network, answerId, {
      regionId: id.region("skane"),
      submittedBy: id.person("skane-pl"),
    })
    expect(plan.deliveries).toEqual([
      {
        updateId: "answer-1",
        personId: "skane-pl",
        regionId: "skane",
        channel: "email",
        reasons: [
          { _tag: "SubmittedProposal", regionId: "skane" },
          { _tag: "HoldsRole", role: "processLeader", regionId: "skane" },
        ],
      },
    ])
  })

  it("skips someone who opted out of everything and says the region could not be reached", () => {
    const plan = proposalAnswerPlan(network, answerId, { regionId: id.region("halland") })
    expect(plan.deliveries).toEqual([])
    expect(plan.skipped).toEqual([{ personId: "halland-pl", reason: "optedOutOfAll" }])
    expect(plan.unreachableRegions).toEqual([
      { regionId: "halland", reason: "noContactPersonOrProcessLeader" },
    ])
  })

  it("tells the sender why, in Swedish and English", () => {
    const reason = { _tag: "SubmittedProposal", regionId: id.region("kalmar") } as const
    expect(explainReason(network, reason, "sv")).toBe("du skickade in förslaget för Region Kalmar län")
    expect(explainReason(network, reason, "en")).toBe("you sent in the proposal for Region Kalmar län")
  })
})

describe("a proposal round's deadline", () => {
  const deadline = new Date("2026-12-15T23:00:00Z")
  it("takes proposals up to and including the deadline, not after", () => {
    expect(acceptsProposals(deadline, new Date("2026-12-15T23:00:00Z"))).toBe(true)
    expect(acceptsProposals(deadline, new Date("2026-12-15T23:00:00.001Z"))).toBe(false)
  })
})

describe("what must lie ahead at publish", () => {
  const now = new Date("2026-11-30T12:00:00Z")
  it("refuses a digital hour that has started or ends before it starts, naming the fields", () => {
    expect(
      publishProblems(
        {
          kind: "digitalHour",
          startsAt: new Date("2026-11-30T11:00:00Z"),
          endsAt: new Date("2026-11-30T10:00:00Z"),
        },
        now,
      ),
    ).toEqual([
      { path: "details.startsAt", message: "must lie ahead (it is now 2026-11-30T12:00:00.000Z)" },
      { path: "details.endsAt", message: "must be after startsAt" },
    ])
    expect(
      publishProblems(
        {
          kind: "digitalHour",
          startsAt: new Date("2026-12-01T09:00:00Z"),
          endsAt: new Date("2026-12-01T10:00:00Z"),
        },
        now,
      ),
    ).toEqual([])
  })
  it("refuses a proposal round whose deadline has passed", () => {
    expect(
      publishProblems({ kind: "proposalRound", deadline: new Date("2020-01-01T00:00:00Z") }, now),
    ).toEqual([{ path: "details.deadline", message: "must lie ahead (it is now 2026-11-30T12:00:00.000Z)" }])
    expect(
      publishProblems({ kind: "proposalRound", deadline: new Date("2026-12-30T00:00:00Z") }, now),
    ).toEqual([])
  })
})

describe("reminders by rule", () => {
  // Wednesday 2 December 2026, 10:00 in Stockholm (UTC+1).
  const hourStarts = new Date("2026-12-02T09:00:00Z")

  it("are due at 08:00 Stockholm time on the day before, across the change to summer time", () => {
    expect(reminderDueAt("digitalHourTomorrow", hourStarts).toISOString()).toBe("2026-12-01T07:00:00.000Z")
    // Monday 30 March 2026, 10:00 CEST: the day before is Sunday 29 March, the day clocks go forward.
    expect(reminderDueAt("digitalHourTomorrow", new Date("2026-03-30T08:00:00Z")).toISOString()).toBe(
      "2026-03-29T06:00:00.000Z",
    )
    expect(reminderDueAt("proposalWeekLeft", new Date("2026-12-15T22:59:00Z")).toISOString()).toBe(
      "2026-12-08T07:00:00.000Z",
    )
    expect(
      reminderDueAt("digitalHourTomorrow", hourStarts, {
        timeZone: "Europe/Stockholm",
        hour: 14,
      }).toISOString(),
    ).toBe("2026-12-01T13:00:00.000Z")
  })

  it("does not remind someone invited less than a day before the reminder, even a second after", () => {
    const invitedAt = new Date("2026-11-30T14:00:00Z")
    expect(
      reminderDue({
        kind: "digitalHourTomorrow",
        eventAt: hourStarts,
        invitedAt,
        now: new Date("2026-12-01T07:00:00Z"),
      }),
    ).toBe(false)
    expect(
      reminderDue({
        kind: "digitalHourTomorrow",
        eventAt: hourStarts,
        invitedAt,
        now: new Date("2026-11-30T14:00:13Z"),
      }),
    ).toBe(false)
  })

  it("reminds someone invited earlier, from the hour it is due until the event", () => {
    const invitedAt = new Date("2026-11-29T10:00:00Z")
    const due = (now: string) =>
      reminderDue({ kind: "digitalHourTomorrow", eventAt: hourStarts, invitedAt, now: new Date(now) })
    expect(due("2026-12-01T06:59:59Z")).toBe(false)
    expect(due("2026-12-01T07:00:00Z")).toBe(true)
    expect(due("2026-12-02T08:59:59Z")).toBe(true)
    expect(due("2026-12-02T09:00:00Z")).toBe(false)
  })

  it("says 'en vecka kvar' only to those invited a week before it, and only on that day", () => {
    const deadline = new Date("2026-12-15T22:59:00Z")
    const due = (invitedAt: string, now: string) =>
      reminderDue({
        kind: "proposalWeekLeft",
        eventAt: deadline,
        invitedAt: new Date(invitedAt),
        now: new Date(now),
      })
    expect(due("2026-12-01T07:00:00Z", "2026-12-08T07:00:00Z")).toBe(true)
    expect(due("2026-12-01T07:00:01Z", "2026-12-08T07:00:00Z")).toBe(false)
    expect(due("2026-12-01T07:00:00Z", "2026-12-09T06:59:59Z")).toBe(true)
    expect(due("2026-12-01T07:00:00Z", "2026-12-09T07:00:00Z")).toBe(false)
  })
})

describe("when a briefing is due", () => {
  it("briefs last month from the set day and hour in Stockholm, not before", () => {
    const since = new Date("2026-09-15T10:00:00Z")
    expect(briefingPeriodDue(new Date("2026-12-01T05:59:59Z"), since)).toBeUndefined()
    expect(briefingPeriodDue(new Date("2026-12-01T06:00:00Z"), since)).toEqual({
      key: "briefing:2026-11",
      start: new Date("2026-10-31T23:00:00Z"),
      end: new Date("2026-11-30T23:00:00Z"),
    })
    expect(briefingPeriodDue(new Date("2026-12-17T12:00:00Z"), since)?.key).toBe("briefing:2026-11")
  })

  it("never briefs on a period that ended before the network existed", () => {
    // First start on 30 November: October ended before the network was there.
    const since = new Date("2026-11-30T14:00:00Z")
    expect(briefingPeriodDue(new Date("2026-11-30T14:05:00Z"), since)).toBeUndefined()
    expect(briefingPeriodDue(new Date("2026-12-01T06:00:00Z"), since)?.key).toBe("briefing:2026-11")
  })

  it("takes another day, hour and a weekly cadence", () => {
    const weekly = { cadence: "weekly", day: 1, hour: 9, timeZone: "Europe/Stockholm" } as const
    // Monday 30 November 2026, 09:00 Stockholm = 08:00 UTC.
    expect(briefingPeriodDue(new Date("2026-11-30T07:59:00Z"), undefined, weekly)).toBeUndefined()
    expect(briefingPeriodDue(new Date("2026-11-30T08:00:00Z"), undefined, weekly)).toEqual({
      key: "briefing:2026-W48",
      start: new Date("2026-11-22T23:00:00Z"),
      end: new Date("2026-11-29T23:00:00Z"),
    })
    const fifteenth = { cadence: "monthly", day: 15, hour: 14, timeZone: "Europe/Stockholm" } as const
    expect(briefingPeriodDue(new Date("2026-12-15T12:59:00Z"), undefined, fifteenth)).toBeUndefined()
    expect(briefingPeriodDue(new Date("2026-12-15T13:00:00Z"), undefined, fifteenth)?.key).toBe(
      "briefing:2026-11",
    )
  })
})
