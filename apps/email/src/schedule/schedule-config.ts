import {
  type BriefingSchedule,
  defaultBriefingSchedule,
  defaultReminderTime,
  type ReminderTime,
} from "@spridning/core"
import { Config, Schema } from "effect"

const wholeNumberIn = (minimum: number, maximum: number) =>
  Schema.NumberFromString.pipe(
    Schema.check(
      Schema.makeFilter((n: number) => Number.isInteger(n) && n >= minimum && n <= maximum, {
        message: `must be a whole number from ${minimum} to ${maximum}`,
      }),
    ),
  )

/** When reminders and briefings go, from the environment (see .env.example). */
export const scheduleConfig: Config.Config<{
  readonly reminderTime: ReminderTime
  readonly briefingSchedule: BriefingSchedule
}> = Config.all({
  timeZone: Config.String("SPRIDNING_TIME_ZONE").pipe(Config.withDefault(defaultBriefingSchedule.timeZone)),
  reminderHour: Config.schema(wholeNumberIn(0, 23), "SPRIDNING_REMINDER_HOUR").pipe(
    Config.withDefault(defaultReminderTime.hour),
  ),
  cadence: Config.Literals(["monthly", "weekly"], "SPRIDNING_BRIEFING_CADENCE").pipe(
    Config.withDefault(defaultBriefingSchedule.cadence),
  ),
  // Day 1–28 of the month (every month has it) for monthly briefings; weekday 1–7 for weekly.
  day: Config.schema(wholeNumberIn(1, 28), "SPRIDNING_BRIEFING_DAY").pipe(
    Config.withDefault(defaultBriefingSchedule.day),
  ),
  briefingHour: Config.schema(wholeNumberIn(0, 23), "SPRIDNING_BRIEFING_HOUR").pipe(
    Config.withDefault(defaultBriefingSchedule.hour),
  ),
}).pipe(
  Config.map((config) => ({
    reminderTime: { timeZone: config.timeZone, hour: config.reminderHour },
    briefingSchedule: {
      cadence: config.cadence,
      day: config.cadence === "weekly" ? Math.min(config.day, 7) : config.day,
      hour: config.briefingHour,
      timeZone: config.timeZone,
    },
  })),
)
