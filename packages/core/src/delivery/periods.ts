import { DateTime } from "luxon"
import type { DigestCadence } from "./model.js"

/**
 * The network works on Swedish time: a daily digest closes at local midnight and a weekly one
 * at midnight between Sunday and Monday, in summer and winter time alike. Luxon does the zone
 * arithmetic (a day is 23 or 25 hours at the DST changes).
 */
export const networkTimeZone = "Europe/Stockholm"

export interface Period {
  readonly cadence: DigestCadence
  /** Names the period the way db's digest runs expect ("daily:2026-11-23", "weekly:2026-W48"). */
  readonly key: string
  readonly start: Date
  /** Exclusive: the local midnight that closes the period. */
  readonly end: Date
}

const local = (at: Date) => DateTime.fromJSDate(at, { zone: networkTimeZone })

/** The period of `cadence` that contains `at`; weeks are ISO weeks, Monday to Sunday. */
export const periodContaining = (cadence: DigestCadence, at: Date): Period => {
  if (cadence === "daily") {
    const start = local(at).startOf("day")
    return {
      cadence,
      key: `daily:${start.toISODate()}`,
      start: start.toJSDate(),
      end: start.plus({ days: 1 }).toJSDate(),
    }
  }
  const start = local(at).startOf("week")
  return {
    cadence,
    key: `weekly:${start.weekYear}-W${String(start.weekNumber).padStart(2, "0")}`,
    start: start.toJSDate(),
    end: start.plus({ weeks: 1 }).toJSDate(),
  }
}

/** The last period of `cadence` that has ended by `now`. */
export const lastEndedPeriod = (cadence: DigestCadence, now: Date): Period =>
  periodContaining(cadence, new Date(periodContaining(cadence, now).start.getTime() - 1))

/** A calendar month in Swedish time, for the monthly briefing. */
export interface Month {
  /** "2026-11" */
  readonly key: string
  readonly start: Date
  readonly end: Date
}

export const monthContaining = (at: Date): Month => {
  const start = local(at).startOf("month")
  return {
    key: start.toFormat("yyyy-MM"),
    start: start.toJSDate(),
    end: start.plus({ months: 1 }).toJSDate(),
  }
}

/** The month before the one that contains `now`: the one a briefing sent in `now`'s month covers. */
export const lastEndedMonth = (now: Date): Month =>
  monthContaining(new Date(monthContaining(now).start.getTime() - 1))

/** "2026-11" for a month's briefing. */
export const monthKey = (at: Date): string => monthContaining(at).key
