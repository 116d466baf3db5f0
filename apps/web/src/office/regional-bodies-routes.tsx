import { randomUUID } from "node:crypto"
import {
  catalogue,
  type Language,
  mayChangeIn,
  RegionalBody,
  RegionalBodyKind,
  type RegionalBody as RegionalBodyRecord,
  regionalBodyMembers,
  regionalBodyScope,
} from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect, Result, Schema } from "effect"
import type { Context, Hono } from "hono"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  type FormFields,
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

const BodiesPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly who: SignedIn
  readonly bodies: ReadonlyArray<RegionalBodyRecord>
  readonly regions: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly notice?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].bodies
  const names = namesIn(props.who.network)
  const kinds = catalogue(props.language).regionalBodyKind
  const members = (body: RegionalBodyRecord) => regionalBodyMembers(props.who.network, body).length
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <p>
        <a href="/kansli/personer">{adminMessages[props.language].people.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {props.notice === undefined ? null : (
        <p class="notice" role="alert">
          {props.notice}
        </p>
      )}
      {props.bodies.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{adminMessages[props.language].people.region}</th>
                <th scope="col">{t.members}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.bodies.map((body) => (
                <tr>
                  <th scope="row">{body.name}</th>
                  <td>{kinds[body.kind]}</td>
                  <td>{names.region(body.regionId)}</td>
                  <td>{String(members(body))}</td>
                  <td>
                    <form
                      method="post"
                      action={`/kansli/forum/${encodeURIComponent(body.id)}/ta-bort`}
                      class="inline-form"
                    >
                      <CsrfField csrf={props.csrf} />
                      <button type="submit" class="secondary" aria-label={t.removeLabel(body.name)}>
                        {t.remove}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="nytt-forum">
        <h2 id="nytt-forum">{t.add}</h2>
        <ErrorSummary language={props.language} errors={props.errors} />
        <form method="post" action="/kansli/forum" class="stacked-form" novalidate>
          <CsrfField csrf={props.csrf} />
          <TextField
            id="namn"
            label={t.name}
            value={props.values.namn}
            required
            {...optional("error", props.errors.namn)}
          />
          <SelectField
            id="slag"
            label={t.kind}
            value={props.values.slag}
            options={RegionalBodyKind.literals.map((kind) => ({ value: kind, label: kinds[kind] }))}
          />
          <SelectField
            id="region"
            label={adminMessages[props.language].people.region}
            value={props.values.region}
            options={props.regions}
            {...optional("error", props.errors.region)}
          />
          <button type="submit">{t.create}</button>
        </form>
      </section>
    </OfficeLayout>
  )
}

/** Referensgrupper, regionala råd och nätverk: kept by the region's editor, as in the API. */
export const registerRegionalBodyRoutes = (app: Hono, kit: OfficeKit) => {
  const regionsOf = (who: SignedIn) =>
    who.network.regions
      .filter((region) => mayChangeIn(who.rights, { _tag: "Region", regionId: region.id }))
      .map((region) => ({ value: region.id as string, label: region.name }))

  const show = (
    c: Context,
    who: SignedIn,
    language: Language,
    extra: { readonly values?: FormFields; readonly errors?: FieldErrors; readonly notice?: string },
    status: 200 | 400 | 409 = 200,
  ) => {
    const regions = regionsOf(who)
    if (regions.length === 0)
      return refusedPage(kit, c, who, language, adminMessages[language].mayChangeNothingHere)
    return kit.page(
      c,
      <BodiesPage
        language={language}
        csrf={who.csrf}
        who={who}
        bodies={who.network.regionalBodies.filter((body) => mayChangeIn(who.rights, regionalBodyScope(body)))}
        regions={regions}
        values={extra.values ?? {}}
        errors={extra.errors ?? {}}
        {...optional("notice", extra.notice)}
        nav={kit.nav(who, language, "/kansli/personer")}
      />,
      status,
    )
  }

  app.get(
    "/kansli/forum",
    kit.withSignedIn((c, who, language) => show(c, who, language, {})),
  )

  app.post(
    "/kansli/forum",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const t = adminMessages[language]
      const decoded = Schema.decodeUnknownResult(RegionalBody)({
        id: `body-${randomUUID()}`,
        regionId: form.fields.region ?? "",
        kind: form.fields.slag ?? "",
        name: form.fields.namn ?? "",
        wantedSectors: [],
      })
      if (Result.isFailure(decoded)) {
        return show(c, who, language, { values: form.fields, errors: { namn: t.bodies.nameError } }, 400)
      }
      const body = decoded.success
      if (
        !who.network.regions.some((region) => region.id === body.regionId) ||
        !mayChangeIn(who.rights, regionalBodyScope(body))
      ) {
        return show(
          c,
          who,
          language,
          { values: form.fields, errors: { region: t.people.errors.region } },
          400,
        )
      }
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).regionalBodies.create(body, officeActor(who))
          }),
        )
      } catch (error) {
        return kit.failure(c, "the regional body could not be added", error)
      }
      return c.redirect("/kansli/forum", 303)
    }),
  )

  app.post(
    "/kansli/forum/:id/ta-bort",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const body = who.network.regionalBodies.find((b) => b.id === c.req.param("id"))
      if (body === undefined) return notFoundPage(kit, c, who, language)
      if (!mayChangeIn(who.rights, regionalBodyScope(body))) {
        return refusedPage(kit, c, who, language, adminMessages[language].mayChangeNothingHere)
      }
      const members = regionalBodyMembers(who.network, body).length
      if (members > 0) {
        return show(
          c,
          who,
          language,
          { notice: adminMessages[language].bodies.blocked(body.name, members) },
          409,
        )
      }
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).regionalBodies.remove(body.id, officeActor(who))
          }),
        )
      } catch (error) {
        return kit.failure(c, "the regional body could not be removed", error)
      }
      return c.redirect("/kansli/forum", 303)
    }),
  )
}
