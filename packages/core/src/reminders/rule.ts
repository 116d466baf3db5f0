import { DateTime } from "luxon"

/**
 * "i morgon" before a digital hour; "en vecka kvar" and "i morgon" before a proposal round's
 * deadline. Each is due on a calendar day counted back from the event's local date.
 */
export type ReminderKind = "digitalHourTomorrow" | "proposalWeekLeft" | "proposalDayLeft"

export interface ReminderRule {
  /** Calendar days before the event's local date. */
  readonly daysBefore: number
  /**
   * The reader's invitation must have gone out at least this long before the reminder: someone
   * invited yesterday needs no "en vecka kvar", and an invitation never arrives with its reminder.
   */
  readonly minimumNoticeMillis: number
  /** A reminder that could not go when due is still worth sending until then (millis after it is due). */
  readonly lateUntil: "event" | "nextDay"
}

const hour = 3_600_000
const day = 24 * hour

export const reminderRules: Readonly<Record<ReminderKind, ReminderRule>> = {
  digitalHourTomorrow: { daysBefore: 1, minimumNoticeMillis: day, lateUntil: "event" },
  proposalWeekLeft: { daysBefore: 7, minimumNoticeMillis: 7 * day, lateUntil: "nextDay" },
  proposalDayLeft: { daysBefore: 1, minimumNoticeMillis: day, lateUntil: "event" },
}

export interface ReminderTime {
  /** IANA zone the readers live in. */
  readonly timeZone: string
  /** Local hour (0–23) at which reminders go. */
  readonly hour: number
}

export const defaultReminderTime: ReminderTime = { timeZone: "Europe/Stockholm", hour: 8 }

/** The moment a reminder is due: `hour` local time, `daysBefore` days before the event's local date. */
export const reminderDueAt = (
  kind: ReminderKind,
  eventAt: Date,
  time: ReminderTime = defaultReminderTime,
): Date =>
  DateTime.fromJSDate(eventAt, { zone: time.timeZone })
    .startOf("day")
    .minus({ days: reminderRules[kind].daysBefore })
    .set({ hour: time.hour })
    .toJSDate()

export interface ReminderQuestion {
  readonly kind: ReminderKind
  /** The digital hour's start, or the round's deadline. */
  readonly eventAt: Date
  /** When this reader's invitation went out (the delivery's `sentAt`). */
  readonly invitedAt: Date
  readonly now: Date
  readonly time?: ReminderTime
}

/**
 * Whether one reader's reminder is due now: it is the reminder's day and hour (or later, while
 * it still makes sense), and the reader was invited long enough before it. The once-key that
 * keeps it to one mail per person is the adapter's (see {@link reminderOnceKey}).
 */
export const reminderDue = (question: ReminderQuestion): boolean => {
  const rule = reminderRules[question.kind]
  const dueAt = reminderDueAt(question.kind, question.eventAt, question.time)
  const until =
    rule.lateUntil === "event"
      ? question.eventAt.getTime()
      : Math.min(question.eventAt.getTime(), dueAt.getTime() + day)
  return (
    question.now.getTime() >= dueAt.getTime() &&
    question.now.getTime() < until &&
    question.invitedAt.getTime() <= dueAt.getTime() - rule.minimumNoticeMillis
  )
}

/** One reminder of each kind per person and event, whichever process sends it. */
export const reminderOnceKey = (kind: ReminderKind, updateId: string): string =>
  `reminder:${updateId}:${kind}`
