import { Updates } from "@spridning/db"
import { Effect } from "effect"
import { Hono } from "hono"
import { calendarFile } from "../templates/calendar.js"
import { page } from "./pages.js"

/** Where anyone downloads a public digital hour's calendar file: `/digitimmar/{id}.ics`. */
export const publicCalendarPath = "/digitimmar"

const notFoundPage = () =>
  page(
    "Digitimmen finns inte",
    "Det finns ingen öppen digitimme med den adressen. Den kan vara bara för nätverket, eller borttagen.",
    "There is no public digital hour at this address. It may be for the network only, or removed.",
  )

/**
 * "HFS hemsida – borde vara till för alla": a public hour's `.ics` downloads without a token. A
 * network-only hour, a draft or anything that is not a digital hour answers 404, as if absent,
 * so the address says nothing about what exists.
 */
export const calendarRoutes = (deps: {
  readonly run: <A, E>(effect: Effect.Effect<A, E, Updates>) => Promise<A>
}) => {
  const app = new Hono()
  app.get(`${publicCalendarPath}/:file`, async (c) => {
    const file = c.req.param("file")
    if (!file.endsWith(".ics")) return c.html(notFoundPage(), 404)
    const id = file.slice(0, -".ics".length)
    const hour = await deps.run(
      Updates.use((updates) => updates.get(id)).pipe(
        Effect.map((update) => (update.details.kind === "digitalHour" ? update : undefined)),
        Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
      ),
    )
    if (
      hour === undefined ||
      hour.details.kind !== "digitalHour" ||
      hour.publishedAt === undefined ||
      hour.audience.scope !== "public"
    ) {
      return c.html(notFoundPage(), 404)
    }
    const details = hour.details
    const cancelled = details.cancelledAt !== undefined
    const ics = calendarFile({
      uid: `${hour.id}@spridning`,
      sequence: details.sequence ?? 0,
      cancelled,
      title: hour.title,
      description: [hour.body, details.url]
        .filter((part) => part !== undefined && part.length > 0)
        .join("\n\n"),
      startsAt: details.startsAt,
      endsAt: details.endsAt,
      ...(details.location === undefined ? {} : { location: details.location }),
      ...(details.url === undefined ? {} : { url: details.url }),
    })
    return c.body(ics, 200, {
      "content-type": `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "PUBLISH"}`,
      "content-disposition": `attachment; filename="digitimme-${hour.id.replace(/[^\w.-]/g, "_")}.ics"`,
    })
  })
  return app
}
