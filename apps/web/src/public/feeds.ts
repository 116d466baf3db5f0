import { catalogue, type ThemeGroup } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { Feed } from "feed"
import { createEvents, type EventAttributes } from "ics"
import { webMessages } from "../i18n/messages.js"
import { groupFeedPath, groupPath, updatePath } from "./pages.js"
import { type DigitalHour, isDigitalHourUpdate } from "./public-content.js"

const t = webMessages.sv

/** An Atom feed of public updates (feeds are read outside the site, so they speak Swedish). */
export const atomFeed = (
  baseUrl: string,
  updates: ReadonlyArray<StoredUpdate>,
  group?: ThemeGroup,
): string => {
  const self = `${baseUrl}${group === undefined ? "/flode.atom" : groupFeedPath(group.id)}`
  const newest = updates[0]?.publishedAt
  const feed = new Feed({
    id: self,
    title: t.feedTitle(group?.name ?? t.siteName),
    description: group === undefined ? t.siteTagline : t.group.worksOn(group.topic),
    link: `${baseUrl}${group === undefined ? "/" : groupPath(group.id)}`,
    language: "sv",
    feedLinks: { atom: self },
    generator: "Spridning",
    copyright: t.siteName,
    updated: newest ?? new Date(0),
  })
  for (const update of updates) {
    const link = `${baseUrl}${updatePath(update.id)}`
    feed.addItem({
      id: link,
      link,
      title: update.title,
      date: update.publishedAt ?? update.createdAt,
      description: catalogue("sv").updateKind[update.kind],
      ...(update.body === "" ? {} : { content: update.body }),
    })
  }
  return feed.atom1()
}

const eventOf = (baseUrl: string, hour: DigitalHour): EventAttributes => ({
  uid: `${hour.id}@spridning`,
  productId: "spridning/digitimme",
  title: hour.title,
  description: hour.body,
  url: hour.details.url ?? `${baseUrl}${updatePath(hour.id)}`,
  start: hour.details.startsAt.getTime(),
  end: hour.details.endsAt.getTime(),
  startInputType: "utc",
  startOutputType: "utc",
  endInputType: "utc",
  endOutputType: "utc",
  ...(hour.details.location === undefined ? {} : { location: hour.details.location }),
})

/** An iCalendar file of public digital hours; `undefined` when `ics` cannot write them. */
export const calendar = (baseUrl: string, updates: ReadonlyArray<StoredUpdate>): string | undefined => {
  const hours = updates.filter(isDigitalHourUpdate)
  const result = createEvents(
    hours.map((hour) => eventOf(baseUrl, hour)),
    { calName: t.calendarName },
  )
  if (result.error !== null && result.error !== undefined) return undefined
  // An empty calendar is still a calendar a subscribed app can read.
  return result.value ?? "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:spridning\r\nEND:VCALENDAR\r\n"
}
