import type { KeyObject } from "node:crypto"
import { DeliveryEvents, Organisation, Outbox, Receipts, Suppressions, Updates } from "@spridning/db"
import { Effect } from "effect"
import { Hono } from "hono"
import { html } from "hono/html"
import type { UnsubscribeScope } from "../links/signed-links.js"
import {
  InvalidLink,
  type LinkSigner,
  preferencesPath,
  preferencesUrlFromUnsubscribeUrl,
  proposalPath,
  receiptPath,
  unsubscribePath,
} from "../links/signed-links.js"
import { type UnsubscribeOutcome, unsubscribe } from "../unsubscribe/unsubscribe.js"
import {
  decodeEvents,
  makeReplayGuard,
  requestMessageId,
  settleFromEvents,
  signatureHeader,
  suppressionFor,
  timestampHeader,
  verifyWebhook,
} from "../webhook/event-webhook.js"
import { calendarRoutes } from "./calendar-route.js"
import { page, pageStylesheet, pageStylesheetPath, readerPageHeaders } from "./pages.js"
import { type PreferencesPageServices, preferencesRoutes } from "./preferences-routes.js"
import { type ProposalPageServices, proposalRoutes } from "./proposal-page.js"

/** The repositories the routes use. */
export type EmailRouteServices =
  | Organisation
  | Receipts
  | Suppressions
  | DeliveryEvents
  | Outbox
  | ProposalPageServices
  | PreferencesPageServices

export interface EmailRouteDeps {
  /** Runs a repository effect, e.g. a ManagedRuntime's `runPromise`. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, EmailRouteServices>) => Promise<A>
  readonly links: LinkSigner
  /** SendGrid's verification key; without it the webhook answers 503 (it cannot trust anything). */
  readonly webhookKey?: KeyObject
  /**
   * The replay guard every instance shares (PostgreSQL): true the first time a signature is
   * offered anywhere. Without it each process remembers only what it saw itself.
   */
  readonly firstSeen?: (signature: string) => Promise<boolean>
  readonly now?: () => Date
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const receiptWords = {
  read: { sv: "att du har läst utskicket", en: "that you have read the mailing" },
  passedOn: { sv: "att du har spridit det vidare", en: "that you have passed it on" },
  acted: { sv: "att ni har agerat på det", en: "that you have acted on it" },
} as const

const linkProblemPage = (problem: InvalidLink["problem"]) =>
  problem === "expired"
    ? page(
        "Länken har gått ut",
        "Länken är för gammal. Öppna ett nyare utskick, eller hör av dig till nätverkets kansli.",
        "This link has expired. Use a more recent mailing, or contact the network office.",
      )
    : page(
        "Länken fungerar inte",
        "Länken är ofullständig eller har ändrats. Kopiera hela länken från mejlet och försök igen.",
        "This link is incomplete or was changed. Copy the whole link from the mail and try again.",
      )

const outcomeText = (outcome: UnsubscribeOutcome) => {
  switch (outcome._tag) {
    case "Unfollowed":
      return {
        sv: "Du följer inte längre gruppen och får inga fler utskick från den.",
        en: "You no longer follow the group and will get no more of its mail.",
      }
    case "OptedOutOfThemeGroup":
      return {
        sv: "Du får inga fler utskick från temagruppen.",
        en: "You will get no more mail from the theme group.",
      }
    case "EmailTurnedOff":
      return { sv: "Du får inga fler mejl från Spridning.", en: "You will get no more email from Spridning." }
    case "AlreadyDone":
      return {
        sv: "Det var redan gjort – du får inga fler sådana utskick.",
        en: "That was already done – you get no more such mail.",
      }
  }
}

/** What a link is about, named on its page: the update and its theme group. */
interface About {
  readonly title?: string
  readonly groupName?: string
}

const aboutDelivery = (deliveryId: string | undefined, themeGroupId?: string) =>
  Effect.gen(function* () {
    const organisation = yield* Organisation
    const delivery = deliveryId === undefined ? undefined : yield* Outbox.use((o) => o.get(deliveryId))
    const update = delivery === undefined ? undefined : yield* Updates.use((u) => u.get(delivery.updateId))
    const groupId = themeGroupId ?? update?.themeGroupId
    const group = groupId === undefined ? undefined : yield* organisation.themeGroups.find(groupId)
    return {
      ...(update === undefined ? {} : { title: update.title }),
      ...(group === undefined ? {} : { groupName: group.name }),
    } satisfies About
  }).pipe(Effect.catch(() => Effect.succeed({} satisfies About)))

const aboutLine = (about: About) =>
  about.title === undefined && about.groupName === undefined
    ? ""
    : html`<p>Utskicket: ${about.title === undefined ? "" : html`<strong>${about.title}</strong>`}${
        about.groupName === undefined
          ? ""
          : html`${about.title === undefined ? "" : " från "}temagruppen <strong>${about.groupName}</strong>`
      }.</p>`

const aboutLineEn = (about: About) =>
  about.title === undefined && about.groupName === undefined
    ? ""
    : `The mailing: ${about.title === undefined ? "" : `"${about.title}"`}${
        about.groupName === undefined
          ? ""
          : `${about.title === undefined ? "" : " from "}the theme group ${about.groupName}`
      }. `

/** What an unsubscribe link takes away, in words. */
const scopeWords = (scope: UnsubscribeScope, about: About) => {
  switch (scope._tag) {
    case "ThemeGroup":
      return {
        sv: `utskicken från temagruppen ${about.groupName ?? scope.themeGroupId}`,
        en: `the mail from the theme group ${about.groupName ?? scope.themeGroupId}`,
      }
    case "Digest":
      return scope.cadence === "daily"
        ? { sv: "den dagliga sammanfattningen", en: "the daily digest" }
        : { sv: "veckosammanfattningen", en: "the weekly digest" }
    case "AllEmail":
      return { sv: "alla mejl från Spridning", en: "all email from Spridning" }
  }
}

/**
 * The email channel's HTTP side, mounted by the composed server: SendGrid's signed event
 * webhook, one-click unsubscribe (RFC 8058) and the receipt links in every mail.
 */
export const emailRoutes = (deps: EmailRouteDeps) => {
  const now = deps.now ?? (() => new Date())
  const replayGuard = makeReplayGuard()
  /** The reader's own page, as a path on this server (pages link within the site). */
  const settingsPath = (personId: string) => new URL(deps.links.preferencesUrl(personId, now())).pathname
  const app = new Hono()
  for (const path of [receiptPath, unsubscribePath, proposalPath, preferencesPath]) {
    app.use(`${path}/*`, readerPageHeaders())
  }
  app.get(pageStylesheetPath, (c) =>
    c.body(pageStylesheet, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
    }),
  )
  app.route("/", proposalRoutes({ run: deps.run, links: deps.links, now }))
  app.route("/", preferencesRoutes({ run: deps.run, links: deps.links, now }))
  app.route("/", calendarRoutes({ run: deps.run }))

  // A GET only asks. Hospital mail filters open every link in a mail to scan it; recording on
  // GET would mark every delivery "Omsatt i handling" and make the reach funnel a lie.
  app.get(`${receiptPath}/:token/:kind`, async (c) => {
    const link = deps.links.verify(c.req.param("token"), now())
    if (link instanceof InvalidLink) {
      return c.html(linkProblemPage(link.problem), link.problem === "expired" ? 410 : 400)
    }
    const kind = c.req.param("kind")
    if (link.purpose !== "receipt" || !(kind === "read" || kind === "passedOn" || kind === "acted")) {
      return c.html(linkProblemPage("malformed"), 400)
    }
    const words = receiptWords[kind]
    const about = await deps.run(aboutDelivery(link.deliveryId))
    return c.html(
      page(
        "Bekräfta",
        html`${aboutLine(about)}<p>Vill du meddela nätverket ${words.sv}?</p>
          <form method="post" action="${c.req.path}"><button type="submit">Ja, bekräfta</button></form>
          <p><a href="${settingsPath(link.personId)}">Dina inställningar</a>: kanaler, språk, hur ofta, vilka grupper.</p>`,
        html`${aboutLineEn(about)}Do you want to tell the network ${words.en}? Use the button above.`,
      ),
    )
  })

  app.post(`${receiptPath}/:token/:kind`, async (c) => {
    const link = deps.links.verify(c.req.param("token"), now())
    if (link instanceof InvalidLink) {
      return c.html(linkProblemPage(link.problem), link.problem === "expired" ? 410 : 400)
    }
    const kind = c.req.param("kind")
    if (link.purpose !== "receipt" || !(kind === "read" || kind === "passedOn" || kind === "acted")) {
      return c.html(linkProblemPage("malformed"), 400)
    }
    const recorded = await deps.run(
      Receipts.use((receipts) =>
        receipts.record({ deliveryId: link.deliveryId, kind, personId: link.personId }, now()),
      ).pipe(
        Effect.as(true),
        // the delivery is gone (a foreign key the store names, or one it cannot)
        Effect.catchTags({
          NotFound: () => Effect.succeed(false),
          InvalidRecord: () => Effect.succeed(false),
        }),
      ),
    )
    if (!recorded) {
      return c.html(
        page(
          "Utskicket finns inte längre",
          "Utskicket har tagits bort, så det går inte att registrera något på det.",
          "The mailing has been removed, so nothing can be recorded for it.",
        ),
        404,
      )
    }
    const words = receiptWords[kind]
    const about = await deps.run(aboutDelivery(link.deliveryId))
    return c.html(
      page(
        "Tack!",
        html`${aboutLine(about)}<p>Vi har noterat ${words.sv}. Det hjälper nätverket att se hur informationen blir till handling.</p>
          <p><a href="${settingsPath(link.personId)}">Dina inställningar</a>: kanaler, språk, hur ofta, vilka grupper.</p>`,
        `${aboutLineEn(about)}We have noted ${words.en}. It helps the network see how information turns into action.`,
      ),
    )
  })

  const unsubscribeLink = (token: string) => {
    const link = deps.links.verify(token, now())
    if (link instanceof InvalidLink) return link
    return link.purpose === "unsubscribe" ? link : new InvalidLink({ problem: "malformed" })
  }

  // A GET only asks: mail scanners follow links, and RFC 8058 wants the change on POST.
  app.get(`${unsubscribePath}/:token`, async (c) => {
    const link = unsubscribeLink(c.req.param("token"))
    if (link instanceof InvalidLink)
      return c.html(linkProblemPage(link.problem), link.problem === "expired" ? 410 : 400)
    const action = c.req.path
    const about = await deps.run(
      aboutDelivery(link.deliveryId, link.scope._tag === "ThemeGroup" ? link.scope.themeGroupId : undefined),
    )
    const what = scopeWords(link.scope, about)
    return c.html(
      page(
        "Avsluta utskick?",
        html`${aboutLine(about)}<p>Vill du sluta få ${what.sv}? Du kan börja följa igen när du vill.</p>
          <form method="post" action="${action}">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Ja, avsluta</button>
          </form>
          <p>Eller välj mer precist på <a href="${preferencesUrlFromUnsubscribeUrl(c.req.path)}">Dina inställningar</a>: hur ofta, vilka grupper, vilken kanal.</p>`,
        `${aboutLineEn(about)}Do you want to stop ${what.en}? You can follow again whenever you like.`,
      ),
    )
  })

  app.post(`${unsubscribePath}/:token`, async (c) => {
    const link = unsubscribeLink(c.req.param("token"))
    if (link instanceof InvalidLink)
      return c.html(linkProblemPage(link.problem), link.problem === "expired" ? 410 : 400)
    const outcome = await deps.run(unsubscribe(link))
    const about = await deps.run(
      aboutDelivery(link.deliveryId, link.scope._tag === "ThemeGroup" ? link.scope.themeGroupId : undefined),
    )
    const what = scopeWords(link.scope, about)
    const text = outcomeText(outcome)
    // The way back: the reader's own page, opened with the same signed token.
    const back = preferencesUrlFromUnsubscribeUrl(c.req.path)
    return c.html(
      page(
        "Klart",
        html`${aboutLine(about)}<p>${text.sv}</p>
          <p>Ångrar du dig? Du kan få ${what.sv} igen på <a href="${back}">Dina inställningar</a>, där du också kan välja en sammanfattning per dag eller vecka i stället.</p>`,
        `${aboutLineEn(about)}${text.en} Changed your mind? Turn it back on in your settings (the link above), where you can also choose a daily or weekly digest instead.`,
      ),
    )
  })

  app.post("/webhooks/sendgrid", async (c) => {
    if (deps.webhookKey === undefined) {
      return c.json({ error: "SENDGRID_WEBHOOK_PUBLIC_KEY is not configured" }, 503)
    }
    const rawBody = await c.req.text()
    const rejection = verifyWebhook({
      key: deps.webhookKey,
      signature: c.req.header(signatureHeader),
      timestamp: c.req.header(timestampHeader),
      rawBody,
      now: now(),
      replayGuard,
    })
    if (rejection !== undefined) return c.json({ error: rejection }, 401)
    if (deps.firstSeen !== undefined && !(await deps.firstSeen(c.req.header(signatureHeader) ?? ""))) {
      return c.json({ error: "replayed" }, 401)
    }
    const decoded = decodeEvents(rawBody)
    if (decoded._tag === "Failure") {
      return c.json(
        { error: "body is not an array of SendGrid events", detail: String(decoded.failure) },
        400,
      )
    }
    const events = decoded.success
    const recorded = await deps.run(
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const inputs = yield* Effect.forEach(events, (event) =>
          Effect.gen(function* () {
            const messageId = requestMessageId(event.sg_message_id)
            const ours =
              event.delivery_id !== undefined && uuidPattern.test(event.delivery_id)
                ? event.delivery_id
                : undefined
            const deliveryId =
              ours ??
              (messageId === undefined ? undefined : (yield* outbox.findByProviderMessageId(messageId))?.id)
            return {
              providerEventId: event.sg_event_id,
              ...(deliveryId === undefined ? {} : { deliveryId }),
              ...(messageId === undefined ? {} : { providerMessageId: messageId }),
              event: event.event,
              ...(event.email === undefined ? {} : { email: event.email }),
              at: new Date(event.timestamp * 1000),
              payload: event as unknown as Record<string, unknown>,
            }
          }),
        )
        const deliveryEvents = yield* DeliveryEvents
        // A delivery deleted since (its update was removed) must not make SendGrid retry forever.
        const fresh = yield* deliveryEvents.record(inputs).pipe(
          Effect.catchTags({
            NotFound: () => deliveryEvents.record(inputs.map(({ deliveryId: _, ...rest }) => rest)),
            InvalidRecord: () => deliveryEvents.record(inputs.map(({ deliveryId: _, ...rest }) => rest)),
          }),
        )
        yield* settleFromEvents(events)
        const suppressions = yield* Suppressions
        for (const event of events) {
          const reason = suppressionFor(event)
          if (reason !== undefined && event.email !== undefined) yield* suppressions.add(event.email, reason)
        }
        return fresh.length
      }),
    )
    return c.json({ received: events.length, recorded })
  })

  return app
}
