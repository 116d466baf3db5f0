import type { Language } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { Effect } from "effect"
import type { Context } from "hono"
import { Hono } from "hono"
import { html } from "hono/html"
import type { JSX } from "hono/jsx/jsx-runtime"
import { assetRoutes } from "./http/assets.js"
import { pageSecurityHeaders } from "./http/security.js"
import { languageOf, languageRoutes } from "./i18n/language.js"
import { type OfficeServices, officeRoutes } from "./office/office-routes.js"
import { atomFeed, calendar } from "./public/feeds.js"
import {
  FailurePage,
  GoodExamplesPage,
  GroupPage,
  HomePage,
  NotFoundPage,
  UpdatePage,
} from "./public/pages.js"
import {
  allTags,
  filterGoodExamples,
  goodExamples,
  groupById,
  isDigitalHourUpdate,
  loadPublicNetwork,
  loadPublicUpdate,
  loadPublicUpdates,
  type PublicServices,
} from "./public/public-content.js"

/** The repositories the pages read, and the mail sender the office's sign-in uses. */
export type WebServices = PublicServices | OfficeServices

export interface WebDeps {
  /** Runs a repository effect, e.g. a ManagedRuntime's `runPromise`. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, WebServices>) => Promise<A>
  /** The site's address as readers reach it, for feeds; the request's origin when absent. */
  readonly publicUrl?: string
  readonly now?: () => Date
  /** One line per failure a reader was shown; Effect's default logger when absent. */
  readonly logError?: (message: string, error: unknown) => void
  /** Emails of the network office (admins) in its workspace at `/kansli`; none when absent. */
  readonly officeAdmins?: ReadonlyArray<string>
}

const sitePaths = [
  "/",
  "/grupper/*",
  "/uppdateringar/*",
  "/goda-exempel",
  "/flode.atom",
  "/kalender.ics",
  "/digitimmar/*",
  "/assets/*",
  "/sprak",
  "/kansli",
  "/kansli/*",
] as const

/** How many entries a feed carries. */
const feedLength = 50

const page = (c: Context, node: JSX.Element, status: 200 | 404 | 500 = 200) =>
  c.html(html`<!doctype html>${node}`, status)

/**
 * The web pages, mounted by the composed server before the API: the public site at `/`
 * (only what core's `isOnPublicSite` lets through), its feeds and calendar, and the assets.
 */
export const webRoutes = (deps: WebDeps) => {
  const now = deps.now ?? (() => new Date())
  const logError = deps.logError ?? ((message, error) => Effect.runFork(Effect.logError(message, error)))
  const baseUrl = (c: Context) => (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "")
  const app = new Hono()
  // Only on these paths: mounted at `/` beside the API, a `*` middleware would reach its routes too.
  for (const path of sitePaths) app.use(path, pageSecurityHeaders())
  app.route("/", assetRoutes())
  app.route("/", languageRoutes())
  app.route("/", officeRoutes({ run: deps.run, adminEmails: deps.officeAdmins ?? [], baseUrl, logError }))

  /** Loads what a page needs, or answers with the failure page and one log line. */
  const withLoaded =
    <T,>(
      load: (c: Context) => Effect.Effect<T, unknown, WebServices>,
      render: (c: Context, loaded: T, language: Language) => Response | Promise<Response>,
    ) =>
    async (c: Context) => {
      const language = languageOf(c)
      let loaded: T
      try {
        loaded = await deps.run(load(c))
      } catch (error) {
        logError(`Web page ${c.req.path}: the public content could not be loaded`, error)
        return page(c, <FailurePage language={language} path={c.req.path} />, 500)
      }
      return render(c, loaded, language)
    }

  const notFound = (c: Context, language: Language) =>
    page(c, <NotFoundPage language={language} path={c.req.path} />, 404)

  app.get(
    "/",
    withLoaded(
      () =>
        Effect.all({
          network: loadPublicNetwork,
          hours: loadPublicUpdates({ kind: "digitalHour" }),
          rounds: loadPublicUpdates({ kind: "proposalRound" }),
          latest: loadPublicUpdates({}, 10),
        }),
      (c, loaded, language) =>
        page(
          c,
          <HomePage
            language={language}
            path="/"
            now={now()}
            network={loaded.network}
            updates={[...loaded.hours, ...loaded.rounds]}
            latest={loaded.latest}
          />,
        ),
    ),
  )
  app.get(
    "/grupper/:id",
    withLoaded(
      (c) =>
        Effect.all({
          network: loadPublicNetwork,
          updates: loadPublicUpdates({ themeGroupId: c.req.param("id") ?? "" }),
        }),
      (c, loaded, language) => {
        const group = groupById(loaded.network, c.req.param("id"))
        if (group === undefined) return notFound(c, language)
        return page(
          c,
          <GroupPage
            language={language}
            path={c.req.path}
            now={now()}
            network={loaded.network}
            group={group}
            updates={loaded.updates}
          />,
        )
      },
    ),
  )
  app.get(
    "/grupper/:id/flode.atom",
    withLoaded(
      (c) =>
        Effect.all({
          network: loadPublicNetwork,
          updates: loadPublicUpdates({ themeGroupId: c.req.param("id") ?? "" }, feedLength),
        }),
      (c, loaded, language) => {
        const group = groupById(loaded.network, c.req.param("id"))
        if (group === undefined) return notFound(c, language)
        return c.body(atomFeed(baseUrl(c), loaded.updates, group), 200, {
          "content-type": "application/atom+xml; charset=utf-8",
        })
      },
    ),
  )
  app.get(
    "/flode.atom",
    withLoaded(
      () => loadPublicUpdates({}, feedLength),
      (c, updates) =>
        c.body(atomFeed(baseUrl(c), updates), 200, { "content-type": "application/atom+xml; charset=utf-8" }),
    ),
  )
  app.get(
    "/uppdateringar/:id",
    withLoaded(
      (c) => Effect.all({ network: loadPublicNetwork, update: loadPublicUpdate(c.req.param("id") ?? "") }),
      (c, loaded, language) => {
        if (loaded.update === undefined) return notFound(c, language)
        return page(
          c,
          <UpdatePage
            language={language}
            path={c.req.path}
            now={now()}
            network={loaded.network}
            update={loaded.update}
          />,
        )
      },
    ),
  )
  app.get(
    "/goda-exempel",
    withLoaded(
      () => loadPublicUpdates({ kind: "goodExample" }),
      (c, updates, language) => {
        const all = goodExamples(updates)
        const tag = c.req.query("tagg") ?? ""
        const search = c.req.query("q") ?? ""
        return page(
          c,
          <GoodExamplesPage
            language={language}
            path="/goda-exempel"
            now={now()}
            examples={filterGoodExamples(all, { tag, search })}
            tags={allTags(all)}
            tag={tag}
            search={search}
          />,
        )
      },
    ),
  )
  const calendarResponse = (
    c: Context,
    updates: ReadonlyArray<StoredUpdate>,
    language: Language,
    download?: string,
  ) => {
    if (download !== undefined && !updates.some(isDigitalHourUpdate)) return notFound(c, language)
    const ics = calendar(baseUrl(c), updates)
    if (ics === undefined) {
      logError(`Web page ${c.req.path}: a digital hour could not be written as iCalendar`, undefined)
      return page(c, <FailurePage language={language} path={c.req.path} />, 500)
    }
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      ...(download === undefined
        ? {}
        : { "content-disposition": `attachment; filename="${download.replace(/[^\w.-]/g, "_")}.ics"` }),
    })
  }
  app.get(
    "/kalender.ics",
    withLoaded(
      () => loadPublicUpdates({ kind: "digitalHour" }),
      (c, updates, language) => calendarResponse(c, updates, language),
    ),
  )
  const icsId = (c: Context) => {
    const file = c.req.param("file") ?? ""
    return file.endsWith(".ics") ? file.slice(0, -".ics".length) : undefined
  }
  app.get(
    "/digitimmar/:file",
    withLoaded(
      (c) => {
        const id = icsId(c)
        return id === undefined ? Effect.succeed(undefined) : loadPublicUpdate(id)
      },
      (c, update, language) => {
        const id = icsId(c)
        if (id === undefined || update === undefined) return notFound(c, language)
        return calendarResponse(c, [update], language, id)
      },
    ),
  )
  return app
}
