import { type Language, UpdateId } from "@spridning/core"
import { Updates } from "@spridning/db"
import { Effect } from "effect"
import type { Context } from "hono"
import { Hono } from "hono"
import { html } from "hono/html"
import type { JSX } from "hono/jsx/jsx-runtime"
import {
  audienceOf,
  type ComposeValues,
  composeDraft,
  composeOffer,
  type FieldError,
  initialValues,
  kindOfSlug,
  slugOfKind,
  themeGroupOf,
  valuesOf,
} from "./compose-form.js"
import { composeMessages } from "./compose-messages.js"
import { ComposePage, PreviewBody } from "./compose-page.js"
import { type Preview, previewOf } from "./compose-preview.js"
import { officeActor } from "./office-kit.js"
import { MessagePage } from "./office-pages.js"
import type { OfficeDeps, SignedIn } from "./office-routes.js"
import { csrfMatches } from "./session.js"

/** What the compose pages borrow from the office's routes: the session, the menu, the runner. */
export interface ComposeDeps {
  readonly run: OfficeDeps["run"]
  readonly logError: OfficeDeps["logError"]
  readonly withSignedIn: (
    handle: (c: Context, who: SignedIn, language: Language) => Response | Promise<Response>,
  ) => (c: Context) => Promise<Response>
  readonly nav: (who: SignedIn, language: Language, current: string) => JSX.Element
  readonly now?: () => Date
}

type Status = 200 | 400 | 403 | 404 | 500

const page = (c: Context, node: JSX.Element, status: Status = 200) =>
  c.html(html`<!doctype html>${node}`, status)

/** The plan of a preview is never stored; its deliveries need an update id all the same. */
const previewId = UpdateId.make("forhandsgranskning")

/** The preview of what the form says now, or undefined while its audience cannot be read. */
const previewFor = (who: SignedIn, values: ComposeValues, language: Language) => {
  const audience = audienceOf(who.network, values, language)
  const group = themeGroupOf(who.network, values, language)
  const errors: ReadonlyArray<FieldError> = [
    ...(group.error === undefined ? [] : [group.error]),
    ...audience.errors,
  ]
  if (audience.audience === undefined || errors.length > 0) return { errors, preview: undefined }
  const preview: Preview = previewOf(who.network, who.rights, who.person.id, language, {
    updateId: previewId,
    kind: values.kind,
    title: values.title,
    themeGroupId: group.themeGroupId,
    audience: audience.audience,
  })
  return { errors, preview }
}

/**
 * `/kansli/skriv/{kind}`: compose an update of one kind, choose its audience, preview what core
 * would send (live with htmx, or with the "Förhandsgranska" button), then publish and land on
 * the update's page. Every choice the page offers and every POST it accepts is core's decision.
 */
export const composeRoutes = (deps: ComposeDeps) => {
  const app = new Hono()
  const now = deps.now ?? (() => new Date())

  const refusedPage = (c: Context, language: Language) =>
    page(
      c,
      <MessagePage
        language={language}
        title={composeMessages[language].refusedTitle}
        text={composeMessages[language].mayNotCompose}
      />,
      403,
    )

  app.get("/kansli/skriv", (c) => c.redirect(`/kansli/skriv/${slugOfKind("meetingNotes")}`, 303))

  app.get(
    "/kansli/skriv/:kind",
    deps.withSignedIn((c, who, language) => {
      const kind = kindOfSlug(c.req.param("kind"))
      if (kind === undefined) return c.notFound()
      if (who.rights.length === 0) return refusedPage(c, language)
      const offer = composeOffer(who.network, who.rights)
      const values = initialValues(kind, offer)
      const { preview } = previewFor(who, values, language)
      return page(
        c,
        <ComposePage
          language={language}
          network={who.network}
          offer={offer}
          values={values}
          errors={[]}
          preview={preview}
          csrf={who.csrf}
          nav={deps.nav(who, language, "/kansli/skriv")}
        />,
      )
    }),
  )

  /** The preview alone, for htmx to swap in as the form changes. */
  app.post(
    "/kansli/skriv/:kind/forhandsgranska",
    deps.withSignedIn(async (c, who, language) => {
      const kind = kindOfSlug(c.req.param("kind"))
      if (kind === undefined) return c.notFound()
      const body = await c.req.parseBody({ all: true })
      if (!csrfMatches(who.csrf, typeof body.csrf === "string" ? body.csrf : undefined)) {
        return c.html(<p role="alert">{composeMessages[language].notOffered}</p>, 403)
      }
      if (who.rights.length === 0) {
        return c.html(<p role="alert">{composeMessages[language].mayNotCompose}</p>, 403)
      }
      const { errors, preview } = previewFor(who, valuesOf(kind, body), language)
      const status = errors.length > 0 ? 400 : preview?._tag === "Refused" ? 403 : 200
      return c.html(<PreviewBody language={language} preview={preview} errors={errors} />, status)
    }),
  )

  app.post(
    "/kansli/skriv/:kind",
    deps.withSignedIn(async (c, who, language) => {
      const kind = kindOfSlug(c.req.param("kind"))
      if (kind === undefined) return c.notFound()
      const body = await c.req.parseBody({ all: true })
      if (!csrfMatches(who.csrf, typeof body.csrf === "string" ? body.csrf : undefined)) {
        const t = composeMessages[language]
        return page(c, <MessagePage language={language} title={t.refusedTitle} text={t.notOffered} />, 403)
      }
      if (who.rights.length === 0) return refusedPage(c, language)
      const offer = composeOffer(who.network, who.rights)
      const values = valuesOf(kind, body)
      const again = (
        errors: ReadonlyArray<FieldError>,
        preview: Preview | undefined,
        status: Status,
        refusal?: string,
      ) =>
        page(
          c,
          <ComposePage
            language={language}
            network={who.network}
            offer={offer}
            values={values}
            errors={errors}
            preview={preview}
            {...(refusal === undefined ? {} : { refusal })}
            csrf={who.csrf}
            nav={deps.nav(who, language, "/kansli/skriv")}
          />,
          status,
        )
      if (body.action !== "publish") {
        const { errors, preview } = previewFor(who, values, language)
        return again(errors, preview, errors.length > 0 ? 400 : 200)
      }
      const composed = composeDraft(who.network, values, language, now())
      const draft = composed.draft
      if (draft === undefined) {
        return again(composed.errors, previewFor(who, values, language).preview, 400)
      }
      // The same questions the API asks before it publishes, answered by core.
      const preview = previewOf(who.network, who.rights, who.person.id, language, {
        updateId: draft.updateId,
        kind,
        title: draft.update.title,
        themeGroupId: draft.themeGroupId,
        audience: draft.audience,
      })
      if (preview._tag === "Refused") return again([], preview, 403, preview.text)
      if (preview._tag === "Problem") {
        return again([{ field: "themeGroupId", message: preview.text }], preview, 400)
      }
      const actor = officeActor(who)
      let outcome: "published" | "taken"
      try {
        outcome = await deps.run(
          Effect.gen(function* () {
            const updates = yield* Updates
            return yield* updates.publish(draft.update, preview.plan, actor, now()).pipe(
              Effect.as("published" as const),
              // Sent twice (a double click, a reload): the first one published it; show that one.
              Effect.catchTag("Duplicate", () =>
                updates
                  .get(draft.updateId)
                  .pipe(Effect.map((stored) => (stored.createdBy === actor ? "published" : "taken"))),
              ),
            )
          }),
        )
      } catch (error) {
        deps.logError(`Office page ${c.req.path}: the update could not be published`, error)
        return again([], preview, 500, composeMessages[language].failed)
      }
      if (outcome === "taken") {
        return again([{ field: "id", message: composeMessages[language].notOffered }], preview, 400)
      }
      return c.redirect(`/kansli/uppdateringar/${encodeURIComponent(draft.updateId)}`, 303)
    }),
  )

  return app
}
