/**
 * Digest periods, in UTC: a day, or an ISO week starting Monday. Keys name the period the way
 * db's digest runs expect ("daily:2026-11-23", "weekly:2026-W48").
 */
export type Cadence = "daily" | "weekly"

export interface Period {
  readonly cadence: Cadence
  readonly key: string
  readonly start: Date
  readonly end: Date
}

const dayMillis = 86_400_000
const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))

const isoWeek = (monday: Date): { year: number; week: number } => {
  const thursday = new Date(monday.getTime() + 3 * dayMillis)
  const year = thursday.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * dayMillis)
  return { year, week: Math.round((monday.getTime() - firstMonday.getTime()) / (7 * dayMillis)) + 1 }
}

/** The period of `cadence` that contains `at`. */
export const periodContaining = (cadence: Cadence, at: Date): Period => {
  const day = startOfUtcDay(at)
  if (cadence === "daily") {
    return {
      cadence,
      key: `daily:${day.toISOString().slice(0, 10)}`,
      start: day,
      end: new Date(day.getTime() + dayMillis),
    }
  }
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * dayMillis)
  const { year, week } = isoWeek(monday)
  return {
    cadence,
    key: `weekly:${year}-W${String(week).padStart(2, "0")}`,
    start: monday,
    end: new Date(monday.getTime() + 7 * dayMillis),
  }
}

/** The last period of `cadence` that has ended by `now`. */
export const lastEndedPeriod = (cadence: Cadence, now: Date): Period =>
  periodContaining(cadence, new Date(periodContaining(cadence, now).start.getTime() - 1))

/** "2026-11" for a month's briefing. */
export const monthKey = (at: Date) => at.toISOString().slice(0, 7)
