import { createEvent } from "ics"

export interface CalendarEvent {
  /** Stable across sends, so a second invitation updates the first in the reader's calendar. */
  readonly uid: string
  readonly title: string
  readonly description: string
  readonly startsAt: Date
  readonly endsAt: Date
  readonly location?: string
  readonly url?: string
  readonly organizer: { readonly name: string; readonly email: string }
}

export class CalendarFileError extends Error {}

/** An RFC 5545 `.ics` (METHOD:PUBLISH) for a digital hour, built by the `ics` library. */
export const calendarFile = (event: CalendarEvent): string => {
  const { error, value } = createEvent({
    uid: event.uid,
    productId: "spridning/hfs",
    method: "PUBLISH",
    title: event.title,
    description: event.description,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    ...(event.location === undefined ? {} : { location: event.location }),
    ...(event.url === undefined ? {} : { url: event.url }),
    organizer: { name: event.organizer.name, email: event.organizer.email },
    status: "CONFIRMED",
    busyStatus: "BUSY",
  })
  if (error || !value) {
    throw new CalendarFileError(`cannot build the calendar file for "${event.title}": ${String(error)}`)
  }
  return value
}
