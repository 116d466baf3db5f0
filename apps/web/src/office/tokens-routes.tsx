import { isNetworkOffice, type Language, tokenBindingProblems } from "@spridning/core"
import { type ApiToken, ApiTokens, type TokenRole } from "@spridning/db"
import { Effect } from "effect"
import type { Context, Hono } from "hono"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  type FormFields,
  formatTime,
  notFoundPage,
  type OfficeKit,
  officeActor,
  optional,
  postedForm,
  refusedPage,
  SelectField,
  TextField,
} from "./office-kit.js"
import type { SignedIn } from "./office-routes.js"
import { namesIn } from "./people-pages.js"

const tokenRoles: ReadonlyArray<TokenRole> = ["reader", "region-editor", "group-editor", "admin"]

const TokensPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly who: SignedIn
  readonly tokens: ReadonlyArray<ApiToken>
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly notice?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].tokens
  const names = namesIn(props.who.network)
  const scopeOf = (token: ApiToken) =>
    token.regionId !== undefined
      ? names.region(token.regionId)
      : token.themeGroupId !== undefined
        ? names.group(token.themeGroupId)
        : "–"
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.tokens.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.scope}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((token) => (
                <tr>
                  <th scope="row">{token.name}</th>
                  <td>{t.roleWord[token.role]}</td>
                  <td>{scopeOf(token)}</td>
                  <td>{formatTime(token.createdAt)}</td>
                  <td>
                    {token.revokedAt === undefined ? (
                      <>
                        {`${t.active} `}
                        <form
                          method="post"
                          action={`/kansli/nycklar/${encodeURIComponent(token.id)}/aterkalla`}
                          class="inline-form"
                        >
                          <CsrfField csrf={props.csrf} />
                          <button type="submit" class="secondary" aria-label={t.revokeLabel(token.name)}>
                            {t.revoke}
                          </button>
                        </form>
                      </>
                    ) : (
                      t.revokedAt(formatTime(token.revokedAt))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-nyckel">
        <h2 id="ny-nyckel">{t.createTitle}</h2>
        <ErrorSummary language={props.language} errors={props.errors} />
        <form method="post" action="/kansli/nycklar" class="stacked-form" novalidate>
          <CsrfField csrf={props.csrf} />
          <TextField
            id="namn"
            label={t.name}
            hint={t.nameHint}
            value={props.values.namn}
            required
            {...optional("error", props.errors.namn)}
          />
          <SelectField
            id="behorighet"
            label={t.role}
            value={props.values.behorighet ?? "reader"}
            options={tokenRoles.map((role) => ({ value: role, label: t.roleWord[role] }))}
            {...optional("error", props.errors.behorighet)}
          />
          <SelectField
            id="region"
            label={adminMessages[props.language].people.region}
            hint={t.regionHint}
            value={props.values.region}
            options={[
              { value: "", label: "–" },
              ...props.who.network.regions.map((r) => ({ value: r.id as string, label: r.name })),
            ]}
            {...optional("error", props.errors.region)}
          />
          <SelectField
            id="temagrupp"
            label={adminMessages[props.language].people.themeGroup}
            hint={t.themeGroupHint}
            value={props.values.temagrupp}
            options={[
              { value: "", label: "–" },
              ...props.who.network.themeGroups
                .filter((g) => g.status === "active")
                .map((g) => ({ value: g.id as string, label: g.name })),
            ]}
            {...optional("error", props.errors.temagrupp)}
          />
          <button type="submit">{t.create}</button>
        </form>
      </section>
    </OfficeLayout>
  )
}

const CreatedPage = (props: {
  readonly language: Language
  readonly name: string
  readonly secret: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].tokens
  return (
    <OfficeLayout language={props.language} title={t.shownOnceTitle} nav={props.nav}>
      <h1>{t.shownOnceTitle}</h1>
      <p role="status">{t.shownOnce}</p>
      <div class="field">
        <label for="nyckel">{`${t.secretLabel}: ${props.name}`}</label>
        <input id="nyckel" type="text" readonly value={props.secret} autocomplete="off" spellcheck={false} />
      </div>
      <p>
        <a href="/kansli/nycklar">{t.back}</a>
      </p>
    </OfficeLayout>
  )
}

const isAdmin = (who: SignedIn) => isNetworkOffice(who.rights)

/** API tokens: the network office's alone, as in the API (`/v1/tokens` is admin only). */
export const registerTokenRoutes = (app: Hono, kit: OfficeKit) => {
  const show = async (
    c: Context,
    who: SignedIn,
    language: Language,
    extra: { readonly values?: FormFields; readonly errors?: FieldErrors; readonly notice?: string },
    status: 200 | 400 = 200,
  ) => {
    let tokens: ReadonlyArray<ApiToken>
    try {
      tokens = await kit.deps.run(
        Effect.gen(function* () {
          return yield* (yield* ApiTokens).list()
        }),
      )
    } catch (error) {
      return kit.failure(c, "the tokens could not be listed", error)
    }
    return kit.page(
      c,
      <TokensPage
        language={language}
        csrf={who.csrf}
        who={who}
        tokens={tokens}
        values={extra.values ?? {}}
        errors={extra.errors ?? {}}
        {...optional("notice", extra.notice)}
        nav={kit.nav(who, language, "/kansli/nycklar")}
      />,
      status,
    )
  }

  app.get(
    "/kansli/nycklar",
    kit.withSignedIn((c, who, language) => {
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const revoked = c.req.query("aterkallad")
      return show(
        c,
        who,
        language,
        revoked === undefined ? {} : { notice: adminMessages[language].tokens.revoked(revoked) },
      )
    }),
  )

  app.post(
    "/kansli/nycklar",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const t = adminMessages[language].tokens.errors
      const f = form.fields
      const role = tokenRoles.find((r) => r === f.behorighet)
      const regionId = f.region ?? ""
      const themeGroupId = f.temagrupp ?? ""
      const errors: Record<string, string> = {}
      if ((f.namn ?? "") === "") errors.namn = t.name
      if (role === undefined) errors.behorighet = t.role
      // A token's binding matches its role: core's rule, the one `POST /v1/tokens` asks too.
      if (role !== undefined) {
        for (const { field, problem } of tokenBindingProblems(role, { regionId, themeGroupId })) {
          if (field === "regionId")
            errors.region = problem === "required" ? t.regionNeeded : t.scopeNotAllowed
          else errors.temagrupp = problem === "required" ? t.themeGroupNeeded : t.scopeNotAllowed
        }
        if (
          role === "region-editor" &&
          regionId !== "" &&
          !who.network.regions.some((r) => r.id === regionId)
        )
          errors.region = t.regionNeeded
        if (
          role === "group-editor" &&
          themeGroupId !== "" &&
          !who.network.themeGroups.some((g) => g.id === themeGroupId && g.status === "active")
        )
          errors.temagrupp = t.themeGroupNeeded
      }
      if (role === undefined || Object.keys(errors).length > 0)
        return show(c, who, language, { values: f, errors }, 400)
      let created: { readonly token: string; readonly apiToken: ApiToken }
      try {
        created = await kit.deps.run(
          Effect.flatMap(ApiTokens, (store) =>
            store.create(
              {
                role,
                name: f.namn ?? "",
                ...(regionId === "" ? {} : { regionId }),
                ...(themeGroupId === "" ? {} : { themeGroupId }),
              },
              officeActor(who),
            ),
          ),
        )
      } catch (error) {
        return kit.failure(c, "the token could not be created", error)
      }
      // Shown once, in this answer only: never kept in a cache or the history.
      c.header("Cache-Control", "no-store")
      return kit.page(
        c,
        <CreatedPage
          language={language}
          name={created.apiToken.name}
          secret={created.token}
          nav={kit.nav(who, language, "/kansli/nycklar")}
        />,
        201,
      )
    }),
  )

  app.post(
    "/kansli/nycklar/:id/aterkalla",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const id = c.req.param("id") ?? ""
      let revoked: ApiToken | undefined
      try {
        revoked = await kit.deps.run(
          Effect.flatMap(ApiTokens, (store) => store.revoke(id, officeActor(who))).pipe(
            Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
          ),
        )
      } catch (error) {
        return kit.failure(c, "the token could not be revoked", error)
      }
      if (revoked === undefined) return notFoundPage(kit, c, who, language)
      return c.redirect(`/kansli/nycklar?aterkallad=${encodeURIComponent(revoked.name)}`, 303)
    }),
  )
}
