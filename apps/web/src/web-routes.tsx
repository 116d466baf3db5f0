import type { Language } from "@spridning/core"
import type { Effect } from "effect"
import type { Context } from "hono"
import { Hono } from "hono"
import { html } from "hono/html"
import type { JSX } from "hono/jsx/jsx-runtime"
import { assetRoutes } from "./http/assets.js"
import { pageSecurityHeaders } from "./http/security.js"
import { languageOf, languageRoutes } from "./i18n/language.js"
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
  loadPublicContent,
  ofGroup,
  type PublicContent,
  type PublicServices,
} from "./public/public-content.js"

/** The repositories the pages read. */
export type WebServices = PublicServices

export interface WebDeps {
  /** Runs a repository effect, e.g. a ManagedRuntime's `runPromise`. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, WebServices>) => Promise<A>
  /** The site's address as readers reach it, for feeds; the request's origin when absent. */
  readonly publicUrl?: string
  readonly now?: () => Date
  /** One line per failure a reader was shown; `console.error` when absent. */
  readonly logError?: (message: string, error: unknown) => void
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
] as const

const page = (c: Context, node: JSX.Element, status: 200 | 404 | 500 = 200) =>
  c.html(html`<!doctype html>${node}`, status)

/**
 * The web pages, mounted by the composed server before the API: the public site at `/`
 * (only what core's `isOnPublicSite` lets through), its feeds and calendar, and the assets.
 */
export const webRoutes = (deps: WebDeps) => {
  const now = deps.now ?? (() => new Date())
  const logError = deps.logError ?? ((message, error) => console.error(message, error))
  const baseUrl = (c: Context) => (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "")
  const app = new Hono()
  // Only on these paths: mounted at `/` beside the API, a `*` middleware would reach its routes too.
  for (const path of sitePaths) app.use(path, pageSecurityHeaders())
  app.route("/", assetRoutes())
  app.route("/", languageRoutes())

  /** Loads the public content, or answers with the failure page and one log line. */
  const withContent =
    (render: (c: Context, content: PublicContent, language: Language) => Response | Promise<Response>) =>
    async (c: Context) => {
      const language = languageOf(c)
      let content: PublicContent
      try {
        content = await deps.run(loadPublicContent)
      } catch (error) {
        logError(`Web page ${c.req.path}: the public content could not be loaded`, error)
        return page(c, <FailurePage language={language} path={c.req.path} />, 500)
      }
      return render(c, content, language)
    }

  const notFound = (c: Context, language: Language) =>
    page(c, <NotFoundPage language={language} path={c.req.path} />, 404)

  app.get(
    "/",
    withContent((c, content, language) =>
      page(
        c,
        <HomePage
          language={language}
          path="/"
          now={now()}
          network={content.network}
          updates={content.updates}
        />,
      ),
    ),
  )
  app.get(
    "/grupper/:id",
    withContent((c, content, language) => {
      const group = groupById(content.network, c.req.param("id"))
      if (group === undefined) return notFound(c, language)
      return page(
        c,
        <GroupPage
          language={language}
          path={c.req.path}
          now={now()}
          network={content.network}
          group={group}
          updates={content.updates}
        />,
      )
    }),
  )
  app.get(
    "/grupper/:id/flode.atom",
    withContent((c, content, language) => {
      const group = groupById(content.network, c.req.param("id"))
      if (group === undefined) return notFound(c, language)
      return c.body(atomFeed(baseUrl(c), ofGroup(content.updates, group.id), group), 200, {
        "content-type": "application/atom+xml; charset=utf-8",
      })
    }),
  )
  app.get(
    "/flode.atom",
    withContent((c, content) =>
      c.body(atomFeed(baseUrl(c), content.updates), 200, {
        "content-type": "application/atom+xml; charset=utf-8",
      }),
    ),
  )
  app.get(
    "/uppdateringar/:id",
    withContent((c, content, language) => {
      const update = content.updates.find((candidate) => candidate.id === c.req.param("id"))
      if (update === undefined) return notFound(c, language)
      return page(
        c,
        <UpdatePage
          language={language}
          path={c.req.path}
          now={now()}
          network={content.network}
          update={update}
        />,
      )
    }),
  )
  app.get(
    "/goda-exempel",
    withContent((c, content, language) => {
      const all = goodExamples(content.updates)
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
    }),
  )
  const calendarResponse = (c: Context, content: PublicContent, language: Language, only?: string) => {
    const updates = only === undefined ? content.updates : content.updates.filter((u) => u.id === only)
    if (only !== undefined && !updates.some(isDigitalHourUpdate)) return notFound(c, language)
    const ics = calendar(baseUrl(c), updates)
    if (ics === undefined) {
      logError(`Web page ${c.req.path}: a digital hour could not be written as iCalendar`, undefined)
      return page(c, <FailurePage language={language} path={c.req.path} />, 500)
    }
    return c.body(ics, 200, {
      "content-type": "text/calendar; charset=utf-8",
      ...(only === undefined
        ? {}
        : { "content-disposition": `attachment; filename="${only.replace(/[^\w.-]/g, "_")}.ics"` }),
    })
  }
  app.get(
    "/kalender.ics",
    withContent((c, content, language) => calendarResponse(c, content, language)),
  )
  app.get(
    "/digitimmar/:file",
    withContent((c, content, language) => {
      const file = c.req.param("file") ?? ""
      if (!file.endsWith(".ics")) return notFound(c, language)
      return calendarResponse(c, content, language, file.slice(0, -".ics".length))
    }),
  )
  return app
}
