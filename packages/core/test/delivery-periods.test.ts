import { describe, expect, it } from "vitest"
import { lastEndedMonth, lastEndedPeriod, monthContaining, periodContaining } from "../src/index.js"

const at = (iso: string) => new Date(iso)

describe("digest periods in Swedish time", () => {
  it("keeps the period keys db's digest runs expect", () => {
    expect(periodContaining("daily", at("2026-11-23T08:00:00Z")).key).toBe("daily:2026-11-23")
    expect(periodContaining("weekly", at("2026-11-23T08:00:00Z")).key).toBe("weekly:2026-W48")
    expect(periodContaining("weekly", at("2027-01-01T08:00:00Z")).key).toBe("weekly:2026-W53")
    expect(lastEndedPeriod("weekly", at("2026-11-23T08:00:00Z")).key).toBe("weekly:2026-W47")
    expect(monthContaining(at("2026-11-23T08:00:00Z")).key).toBe("2026-11")
  })

  it("closes a winter day at 23:00 UTC, so half past midnight in Stockholm is the next day", () => {
    expect(periodContaining("daily", at("2026-11-23T12:00:00Z"))).toEqual({
      cadence: "daily",
      key: "daily:2026-11-23",
      start: at("2026-11-22T23:00:00Z"),
      end: at("2026-11-23T23:00:00Z"),
    })
    expect(periodContaining("daily", at("2026-11-23T23:30:00Z")).key).toBe("daily:2026-11-24")
  })

  it("closes a summer day at 22:00 UTC", () => {
    expect(periodContaining("daily", at("2026-07-01T21:59:59Z")).end).toEqual(at("2026-07-01T22:00:00Z"))
    expect(periodContaining("daily", at("2026-07-01T22:00:00Z")).key).toBe("daily:2026-07-02")
  })

  it("gives the day summer time starts (29 March 2026) 23 hours", () => {
    expect(periodContaining("daily", at("2026-03-29T10:00:00Z"))).toEqual({
      cadence: "daily",
      key: "daily:2026-03-29",
      start: at("2026-03-28T23:00:00Z"),
      end: at("2026-03-29T22:00:00Z"),
    })
    // 23:30 winter time on the 28th is still the 28th
    expect(periodContaining("daily", at("2026-03-28T22:30:00Z")).key).toBe("daily:2026-03-28")
    expect(periodContaining("daily", at("2026-03-29T22:00:00Z")).key).toBe("daily:2026-03-30")
  })

  it("gives the day summer time ends (25 October 2026) 25 hours", () => {
    expect(periodContaining("daily", at("2026-10-25T12:00:00Z"))).toEqual({
      cadence: "daily",
      key: "daily:2026-10-25",
      start: at("2026-10-24T22:00:00Z"),
      end: at("2026-10-25T23:00:00Z"),
    })
    // 00:30 winter time on the 26th
    expect(periodContaining("daily", at("2026-10-25T23:30:00Z")).key).toBe("daily:2026-10-26")
  })

  it("runs a week from Monday's midnight to the next, across the change to summer time", () => {
    expect(periodContaining("weekly", at("2026-03-25T12:00:00Z"))).toEqual({
      cadence: "weekly",
      key: "weekly:2026-W13",
      start: at("2026-03-22T23:00:00Z"),
      end: at("2026-03-29T22:00:00Z"),
    })
  })

  it("runs a week from Monday's midnight to the next, across the change to winter time", () => {
    expect(periodContaining("weekly", at("2026-10-21T12:00:00Z"))).toEqual({
      cadence: "weekly",
      key: "weekly:2026-W43",
      start: at("2026-10-18T22:00:00Z"),
      end: at("2026-10-25T23:00:00Z"),
    })
    // Sunday 23:30 winter time is still that week; Monday 00:30 the next
    expect(periodContaining("weekly", at("2026-10-25T22:30:00Z")).key).toBe("weekly:2026-W43")
    expect(periodContaining("weekly", at("2026-10-25T23:30:00Z")).key).toBe("weekly:2026-W44")
  })

  it("finds the last ended day and month at local midnight", () => {
    expect(lastEndedPeriod("daily", at("2026-03-29T22:00:00Z")).key).toBe("daily:2026-03-29")
    expect(lastEndedMonth(at("2026-11-30T23:30:00Z"))).toEqual({
      key: "2026-11",
      start: at("2026-10-31T23:00:00Z"),
      end: at("2026-11-30T23:00:00Z"),
    })
    expect(lastEndedMonth(at("2026-11-01T00:00:00Z"))).toEqual({
      key: "2026-10",
      start: at("2026-09-30T22:00:00Z"),
      end: at("2026-10-31T23:00:00Z"),
    })
  })
})
