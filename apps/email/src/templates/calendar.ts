import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator"

export interface CalendarEvent {
  /** Stable across sends, so a second invitation updates the first in the reader's calendar. */
  readonly uid: string
  /** RFC 5545 SEQUENCE: 0 when first published, raised on every move or cancellation. */
  readonly sequence: number
  readonly title: string
  readonly description: string
  readonly startsAt: Date
  readonly endsAt: Date
  readonly location?: string
  readonly url?: string
  /** Absent on the public download, where no mailbox answers for the hour. */
  readonly organizer?: { readonly name: string; readonly email: string }
  /** A cancelled hour goes out as METHOD:CANCEL, so calendars remove it. */
  readonly cancelled?: boolean
  /** DTSTAMP; the moment the file is made unless a test pins it. */
  readonly stampedAt?: Date
}

/**
 * An RFC 5545 `.ics` for a digital hour, made by `ical-generator` (which folds long lines at
 * 75 octets, not characters, so Swedish letters never split a line wrongly).
 */
export const calendarFile = (event: CalendarEvent): string => {
  const calendar = ical({
    prodId: { company: "spridning", product: "hfs", language: "SV" },
    method: event.cancelled === true ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  })
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: event.stampedAt ?? new Date(),
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description: event.description,
    ...(event.location === undefined ? {} : { location: event.location }),
    ...(event.url === undefined ? {} : { url: event.url }),
    ...(event.organizer === undefined
      ? {}
      : { organizer: { name: event.organizer.name, email: event.organizer.email } }),
    status: event.cancelled === true ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return calendar.toString()
}
