import { DateTime } from "luxon"

/**
 * "regelbundna möten med hälso- och sjukvårdsdirektören om vad som är på gång": how often each
 * region's management is briefed, and when the briefing goes.
 */
export interface BriefingSchedule {
  readonly cadence: "monthly" | "weekly"
  /** Day of the month (1–28) for monthly briefings; ISO weekday (1 Monday … 7 Sunday) for weekly. */
  readonly day: number
  /** Local hour (0–23). */
  readonly hour: number
  readonly timeZone: string
}

export const defaultBriefingSchedule: BriefingSchedule = {
  cadence: "monthly",
  day: 1,
  hour: 7,
  timeZone: "Europe/Stockholm",
}

/** A period a briefing covers: "briefing:2026-11" or "briefing:2026-W48". */
export interface BriefingPeriod {
  readonly key: string
  readonly start: Date
  readonly end: Date
}

/**
 * The period whose briefing is due at `now`: the last full month (or week) once this month's
 * (week's) send day and hour have come. Undefined before then, and for a period that ended
 * before the network existed (`networkSince`): a first start never briefs on a month nobody
 * could have worked in.
 */
export const briefingPeriodDue = (
  now: Date,
  networkSince: Date | undefined,
  schedule: BriefingSchedule = defaultBriefingSchedule,
): BriefingPeriod | undefined => {
  const local = DateTime.fromJSDate(now, { zone: schedule.timeZone })
  const unit = schedule.cadence === "monthly" ? "month" : "week"
  const current = local.startOf(unit)
  const sendAt =
    schedule.cadence === "monthly"
      ? current.set({ day: schedule.day, hour: schedule.hour })
      : current.plus({ days: schedule.day - 1 }).set({ hour: schedule.hour })
  if (local < sendAt) return undefined
  const start = current.minus(schedule.cadence === "monthly" ? { months: 1 } : { weeks: 1 })
  if (networkSince !== undefined && current.toMillis() <= networkSince.getTime()) return undefined
  return {
    key:
      schedule.cadence === "monthly"
        ? `briefing:${start.toFormat("yyyy-MM")}`
        : `briefing:${start.toFormat("kkkk-'W'WW")}`,
    start: start.toJSDate(),
    end: current.toJSDate(),
  }
}
