import {
  DeliveryId,
  DeliveryState,
  deliveryFunnel,
  isNetworkOffice,
  type Language,
  mayPublish,
  mayRetryDeliveries,
  type Network,
  NetworkStore,
  officeRightsOf,
  type Person,
  PersonId,
  type Publisher,
  Receipt,
  RegionId,
  ThemeGroupId,
  UpdateId,
} from "@spridning/core"
import {
  type ApiTokens,
  type AuditLog,
  type ContentChanges,
  type Database,
  DeliveryQueries,
  type DeliveryRecord,
  OfficeSignIn,
  type Organisation,
  type Outbox,
  Receipts,
  type StoredPlan,
  StoredPlans,
  type StoredUpdate,
  Updates,
} from "@spridning/db"
import { MailSender } from "@spridning/email"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import { Hono } from "hono"
import { html } from "hono/html"
import type { JSX } from "hono/jsx/jsx-runtime"
import { languageOf } from "../i18n/language.js"
import { registerAdminRoutes } from "./admin-routes.js"
import { composeRoutes } from "./compose-routes.js"
import { CoveragePage, HealthcareRegionCoveragePage, knownHealthcareRegion } from "./coverage-page.js"
import { currentNetwork } from "./current-network.js"
import { officeActor, type PageStatus } from "./office-kit.js"
import { officeMessages } from "./office-messages.js"
import { ConfirmSignInPage, MessagePage, OfficeHomePage, OfficeNav, SignInPage } from "./office-pages.js"
import {
  clearSessionCookie,
  csrfMatches,
  formTokenMatches,
  issueFormToken,
  postedToken,
  sessionIdOf,
  setSessionCookie,
} from "./session.js"
import { OfficeUpdatePage, UpdateListPage } from "./update-pages.js"

/** What the office's pages read and write. */
export type OfficeServices =
  | OfficeSignIn
  | NetworkStore
  | MailSender
  | Updates
  | StoredPlans
  | DeliveryQueries
  | Receipts
  | Organisation
  | ContentChanges
  | ApiTokens
  | AuditLog
  | Database
  | Outbox

export interface OfficeDeps {
  readonly run: <A, E>(effect: Effect.Effect<A, E, OfficeServices>) => Promise<A>
  /** Emails of the network office (admins), from `SPRIDNING_OFFICE_ADMINS`. */
  readonly adminEmails: ReadonlyArray<string>
  readonly baseUrl: (c: Context) => string
  readonly logError: (message: string, error: unknown) => void
  /** The sign-in mail's sender. */
  readonly from?: string
}

/** Who is signed in, and what core's rights rule lets them do. */
export interface SignedIn {
  readonly person: Person
  readonly network: Network
  readonly rights: ReadonlyArray<Publisher>
  readonly csrf: string
}

const page = (c: Context, node: JSX.Element, status: PageStatus = 200) =>
  c.html(html`<!doctype html>${node}`, status)

/** The funnel's input decoded as the API decodes it, so core gets branded ids. */
const FunnelInput = Schema.Struct({
  deliveries: Schema.Array(
    Schema.Struct({
      id: DeliveryId,
      updateId: UpdateId,
      personId: PersonId,
      publishedBy: Schema.String,
      regionId: RegionId,
      state: DeliveryState,
      resends: Schema.Int,
    }),
  ),
  receipts: Schema.Array(Receipt),
})

/** Core's one publishing rule: whoever may publish an update may follow it (as the API's reads). */
const mayFollow = (network: Network, rights: ReadonlyArray<Publisher>, update: StoredUpdate) =>
  mayPublish(network, rights, {
    ...(update.themeGroupId === undefined
      ? {}
      : { themeGroupId: Schema.decodeUnknownSync(ThemeGroupId)(update.themeGroupId) }),
    audience: update.audience,
  })._tag === "Allowed"

const findByEmail = (network: Network, email: string): Person | undefined => {
  const wanted = email.trim().toLowerCase()
  return network.people.find((person) => person.email.toLowerCase() === wanted)
}

const signInMail = (language: Language, person: Person, link: string) => {
  const t = officeMessages[language].signIn
  const text = t.mailText(person.name, link)
  const escapeHtml = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
  return {
    content: {
      subject: t.mailSubject,
      text,
      html: `<p>${text
        .split("\n\n")
        .map((paragraph) =>
          paragraph === link
            ? `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`
            : escapeHtml(paragraph),
        )
        .join("</p><p>")}</p>`,
      attachments: [],
      category: "officeSignIn",
    },
    recipients: [{ email: person.email, name: person.name, substitutions: {}, headers: {}, customArgs: {} }],
  }
}

/**
 * The office's workspace at `/kansli`: sign-in by a one-time mailed link, a session cookie, a
 * CSRF token on every form, and pages for what core's rights rule lets the person do.
 */
export const officeRoutes = (deps: OfficeDeps) => {
  const app = new Hono()
  const network = currentNetwork()

  const forbidden = (c: Context) => {
    const t = officeMessages[languageOf(c)].signIn
    return page(c, <MessagePage language={languageOf(c)} title={t.forbiddenTitle} text={t.forbidden} />, 403)
  }
  const failure = (c: Context, message: string, error: unknown, text?: string) => {
    deps.logError(`Office page ${c.req.path}: ${message}`, error)
    const language = languageOf(c)
    return page(
      c,
      <MessagePage
        language={language}
        title={officeMessages[language].failedTitle}
        text={text ?? officeMessages[language].failed}
      />,
      500,
    )
  }

  app.get("/kansli/logga-in", (c) =>
    page(c, <SignInPage language={languageOf(c)} formToken={issueFormToken(c)} />),
  )

  app.post("/kansli/logga-in", async (c) => {
    const language = languageOf(c)
    const body = await c.req.parseBody()
    if (!formTokenMatches(c, typeof body.csrf === "string" ? body.csrf : undefined)) return forbidden(c)
    const email = typeof body.epost === "string" ? body.epost.trim() : ""
    const t = officeMessages[language].signIn
    if (email === "") {
      return page(
        c,
        <SignInPage language={language} formToken={issueFormToken(c)} error={t.missingEmail} />,
        400,
      )
    }
    try {
      await deps.run(
        Effect.gen(function* () {
          const network = yield* (yield* NetworkStore).load
          const person = findByEmail(network, email)
          // The same answer whether or not the address is known: the page must not tell who is in the network.
          if (person === undefined) return
          const token = yield* (yield* OfficeSignIn).issueLink(person.id)
          const link = `${deps.baseUrl(c)}/kansli/inloggning/${token}`
          yield* (yield* MailSender).send(signInMail(person.preferences.language, person, link))
        }),
      )
    } catch (error) {
      return failure(
        c,
        "the sign-in link could not be sent",
        error,
        officeMessages[language].signIn.mailFailed,
      )
    }
    return page(c, <MessagePage language={language} title={t.sentTitle} text={t.sent(email)} />)
  })

  app.get("/kansli/inloggning/:token", (c) =>
    page(
      c,
      <ConfirmSignInPage
        language={languageOf(c)}
        token={c.req.param("token")}
        formToken={issueFormToken(c)}
      />,
    ),
  )

  app.post("/kansli/inloggning", async (c) => {
    const language = languageOf(c)
    const body = await c.req.parseBody()
    if (!formTokenMatches(c, typeof body.csrf === "string" ? body.csrf : undefined)) return forbidden(c)
    const token = typeof body.token === "string" ? body.token : ""
    let started: { sessionId: string; expiresAt: Date } | undefined
    try {
      started = await deps.run(
        Effect.gen(function* () {
          const signIn = yield* OfficeSignIn
          const personId = token === "" ? undefined : yield* signIn.redeemLink(token)
          if (personId === undefined) return undefined
          const { sessionId, session } = yield* signIn.startSession(personId)
          return { sessionId, expiresAt: session.expiresAt }
        }),
      )
    } catch (error) {
      return failure(c, "the sign-in link could not be checked", error)
    }
    if (started === undefined) {
      const t = officeMessages[language].signIn
      return page(
        c,
        <MessagePage
          language={language}
          title={t.refusedTitle}
          text={t.refused}
          link={{ href: "/kansli/logga-in", label: t.again }}
        />,
        403,
      )
    }
    setSessionCookie(c, started.sessionId, started.expiresAt)
    return c.redirect("/kansli", 303)
  })

  /** The signed-in person, or undefined (no, unknown or expired session; or removed from the network). */
  const signedIn = async (c: Context): Promise<SignedIn | undefined> => {
    const sessionId = sessionIdOf(c)
    if (sessionId === undefined) return undefined
    return deps.run(
      Effect.gen(function* () {
        const session = yield* (yield* OfficeSignIn).session(sessionId)
        if (session === undefined) return undefined
        const current = yield* network
        const person = current.people.find((p) => p.id === session.personId)
        if (person === undefined) return undefined
        return {
          person,
          network: current,
          rights: officeRightsOf(current, person, deps.adminEmails),
          csrf: session.csrfToken,
        }
      }),
    )
  }

  /** Runs `handle` for a signed-in person; others are sent to sign in. */
  const withSignedIn =
    (handle: (c: Context, who: SignedIn, language: Language) => Response | Promise<Response>) =>
    async (c: Context) => {
      let who: SignedIn | undefined
      try {
        who = await signedIn(c)
      } catch (error) {
        return failure(c, "the session could not be read", error)
      }
      if (who === undefined) return c.redirect("/kansli/logga-in", 303)
      return handle(c, who, languageOf(c))
    }

  const nav = (who: SignedIn, language: Language, current: string) => (
    <OfficeNav
      language={language}
      csrf={who.csrf}
      current={current}
      mayWork={who.rights.length > 0}
      isAdmin={isNetworkOffice(who.rights)}
    />
  )

  app.route("/", composeRoutes({ run: deps.run, logError: deps.logError, withSignedIn, nav }))

  app.get(
    "/kansli",
    withSignedIn((c, who, language) =>
      page(
        c,
        <OfficeHomePage
          language={language}
          network={who.network}
          name={who.person.name}
          rights={who.rights}
          nav={nav(who, language, "/kansli")}
        />,
      ),
    ),
  )

  app.get(
    "/kansli/tackning",
    withSignedIn((c, who, language) =>
      who.rights.length === 0
        ? c.redirect("/kansli", 303)
        : page(
            c,
            <CoveragePage
              language={language}
              network={who.network}
              nav={nav(who, language, "/kansli/tackning")}
            />,
          ),
    ),
  )

  app.get(
    "/kansli/tackning/sjukvardsregion/:id",
    withSignedIn((c, who, language) => {
      if (who.rights.length === 0) return c.redirect("/kansli", 303)
      const id = c.req.param("id") ?? ""
      if (!knownHealthcareRegion(who.network, id)) {
        const t = officeMessages[language].coverage
        return page(
          c,
          <MessagePage
            language={language}
            title={t.title}
            text={t.unknownHealthcareRegion}
            link={{ href: "/kansli/tackning", label: t.backToNetwork }}
          />,
          404,
        )
      }
      return page(
        c,
        <HealthcareRegionCoveragePage
          language={language}
          network={who.network}
          healthcareRegionId={id}
          nav={nav(who, language, "/kansli/tackning")}
        />,
      )
    }),
  )

  app.get(
    "/kansli/uppdateringar",
    withSignedIn(async (c, who, language) => {
      if (who.rights.length === 0) return c.redirect("/kansli", 303)
      let updates: ReadonlyArray<StoredUpdate>
      try {
        updates = await deps.run(
          Effect.gen(function* () {
            const page = yield* (yield* Updates).list({ filter: { published: true }, limit: 200 })
            return page.items
          }),
        )
      } catch (error) {
        return failure(c, "the updates could not be read", error)
      }
      return page(
        c,
        <UpdateListPage
          language={language}
          updates={updates.filter((update) => mayFollow(who.network, who.rights, update))}
          nav={nav(who, language, "/kansli/uppdateringar")}
        />,
      )
    }),
  )

  app.get(
    "/kansli/uppdateringar/:id",
    withSignedIn(async (c, who, language) => {
      const t = officeMessages[language].updates
      const id = c.req.param("id") ?? ""
      let loaded:
        | {
            update: StoredUpdate
            plan: StoredPlan | undefined
            deliveries: ReadonlyArray<DeliveryRecord>
            funnel: ReturnType<typeof deliveryFunnel>
          }
        | undefined
      try {
        loaded = await deps.run(
          Effect.gen(function* () {
            const update = yield* (yield* Updates)
              .get(id)
              .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
            if (update === undefined || update.publishedAt === undefined) return undefined
            const plan = yield* (yield* StoredPlans)
              .get(id)
              .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
            const queries = yield* DeliveryQueries
            const deliveries: Array<DeliveryRecord> = []
            let cursor: string | undefined
            do {
              const found = yield* queries.ofUpdate(id, {
                limit: 1000,
                ...(cursor === undefined ? {} : { cursor }),
              })
              deliveries.push(...found.items)
              cursor = found.nextCursor
            } while (cursor !== undefined)
            const input = yield* Schema.decodeUnknownEffect(FunnelInput)({
              deliveries: yield* queries.funnelRowsOfUpdate(id),
              receipts: yield* (yield* Receipts).forUpdate(id),
            })
            return { update, plan, deliveries, funnel: deliveryFunnel(input.deliveries, input.receipts) }
          }),
        )
      } catch (error) {
        return failure(c, "the update's deliveries could not be read", error)
      }
      if (loaded === undefined) {
        const nf = language === "sv" ? "Sidan finns inte" : "Page not found"
        return page(c, <MessagePage language={language} title={nf} text={nf} />, 404)
      }
      if (!mayFollow(who.network, who.rights, loaded.update)) {
        return page(c, <MessagePage language={language} title={t.notAllowedTitle} text={t.notAllowed} />, 403)
      }
      const regionNames = new Map(who.network.regions.map((region) => [region.id as string, region.name]))
      return page(
        c,
        <OfficeUpdatePage
          language={language}
          update={loaded.update}
          plan={loaded.plan}
          deliveries={loaded.deliveries}
          funnel={loaded.funnel}
          regionName={(regionId) => regionNames.get(regionId) ?? regionId}
          mayRetry={mayRetryDeliveries(who.rights)}
          csrf={who.csrf}
          nav={nav(who, language, "/kansli/uppdateringar")}
        />,
      )
    }),
  )

  app.post(
    "/kansli/leveranser/:id/forsok-igen",
    withSignedIn(async (c, who, language) => {
      if (!csrfMatches(who.csrf, await postedToken(c))) return forbidden(c)
      const t = officeMessages[language].updates
      if (!mayRetryDeliveries(who.rights)) {
        return page(c, <MessagePage language={language} title={t.retry} text={t.retryRefused} />, 403)
      }
      const id = c.req.param("id") ?? ""
      try {
        const delivery = await deps.run(
          Effect.gen(function* () {
            return yield* (yield* DeliveryQueries).retry(id, officeActor(who))
          }),
        )
        return c.redirect(`/kansli/uppdateringar/${encodeURIComponent(delivery.updateId)}`, 303)
      } catch (error) {
        return failure(c, "the delivery could not be sent again", error)
      }
    }),
  )

  registerAdminRoutes(app, { deps, withSignedIn, page, failure, forbidden, nav })

  app.post(
    "/kansli/logga-ut",
    withSignedIn(async (c, who) => {
      if (!csrfMatches(who.csrf, await postedToken(c))) return forbidden(c)
      const sessionId = sessionIdOf(c)
      if (sessionId !== undefined) {
        try {
          await deps.run(
            Effect.gen(function* () {
              yield* (yield* OfficeSignIn).endSession(sessionId)
            }),
          )
        } catch (error) {
          return failure(c, "the session could not be ended", error)
        }
      }
      clearSessionCookie(c)
      return c.redirect("/kansli/logga-in", 303)
    }),
  )

  return app
}
