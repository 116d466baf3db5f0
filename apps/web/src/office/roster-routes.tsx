import { isNetworkOffice, type Language } from "@spridning/core"
import { Database, importRoster, type RosterProblem, rosterColumns } from "@spridning/db"
import { Effect } from "effect"
import type { Context, Hono } from "hono"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import { CsrfField, type OfficeKit, officeActor, postedForm, refusedPage } from "./office-kit.js"
import type { SignedIn } from "./office-routes.js"

/** The largest roster the page accepts (the CLI takes larger ones): about 50,000 rows. */
const maxBytes = 8 * 1024 * 1024

type Checked =
  | { readonly _tag: "Problems"; readonly problems: ReadonlyArray<RosterProblem> }
  | { readonly _tag: "Ready"; readonly people: number; readonly roles: number }

const RosterPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly error?: string
  readonly checked?: Checked
  /** The checked file, carried to the confirming form so nothing is kept on the server between steps. */
  readonly text?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].roster
  const checked = props.checked
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <p>
        <a href="/kansli/personer">{adminMessages[props.language].people.title}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {checked?._tag === "Problems" ? (
        <section aria-labelledby="fel-i-filen">
          <h2 id="fel-i-filen">{t.problemsTitle(checked.problems.length)}</h2>
          <p role="alert">{t.problemsIntro}</p>
          <div class="table-scroll">
            <table class="compact roster-problems">
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.line}</th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {checked.problems.map((problem) => (
                  <tr>
                    <th scope="row">{String(problem.line)}</th>
                    <td>{problem.column === "" ? t.wholeRow : problem.column}</td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {checked?._tag === "Ready" ? (
        <section aria-labelledby="filen-ser-bra-ut">
          <h2 id="filen-ser-bra-ut">{t.readyTitle}</h2>
          <p role="status">{t.ready(checked.people, checked.roles)}</p>
          <form method="post" action="/kansli/personlista/spara">
            <CsrfField csrf={props.csrf} />
            <input type="hidden" name="lista" value={props.text ?? ""} />
            <button type="submit">{t.confirm}</button>
          </form>
        </section>
      ) : null}
      <form method="post" action="/kansli/personlista" enctype="multipart/form-data" class="stacked-form">
        <CsrfField csrf={props.csrf} />
        <div class="field">
          <label for="fil">{t.file}</label>
          <span id="fil-hjalp" class="hint">
            {t.fileHint}
          </span>
          {props.error === undefined ? null : (
            <span id="fil-fel" class="field-error">
              {props.error}
            </span>
          )}
          <input
            id="fil"
            name="fil"
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-invalid={props.error === undefined ? undefined : "true"}
            aria-describedby={props.error === undefined ? "fil-hjalp" : "fil-hjalp fil-fel"}
          />
        </div>
        <button type="submit">{t.check}</button>
      </form>
      <details>
        <summary>{t.columns}</summary>
        <p>
          <code>{rosterColumns.join(",")}</code>
        </p>
      </details>
    </OfficeLayout>
  )
}

const isAdmin = (who: SignedIn) => isNetworkOffice(who.rights)

/**
 * The roster: rows for any region, so the network office's (as on the command line). Checked
 * by db's `importRoster` in a dry run, every bad row named; written only when confirmed.
 */
export const registerRosterRoutes = (app: Hono, kit: OfficeKit) => {
  const show = (
    c: Context,
    who: SignedIn,
    language: Language,
    extra: { readonly error?: string; readonly checked?: Checked; readonly text?: string },
    status: 200 | 400 | 413 | 422 = 200,
  ) =>
    kit.page(
      c,
      <RosterPage
        language={language}
        csrf={who.csrf}
        {...extra}
        nav={kit.nav(who, language, "/kansli/personer")}
      />,
      status,
    )

  /** Checks (dry run) or imports `text`; problems come back as a value. */
  const run = (who: SignedIn, text: string, dryRun: boolean) =>
    kit.deps.run(
      Effect.gen(function* () {
        const result = yield* importRoster(yield* Database, text, officeActor(who), { dryRun })
        return { _tag: "Ready", people: result.people, roles: result.roles } as Checked
      }).pipe(
        Effect.catchTag("RosterInvalid", (invalid) =>
          Effect.succeed({ _tag: "Problems", problems: invalid.problems } as Checked),
        ),
      ),
    )

  app.get(
    "/kansli/personlista",
    kit.withSignedIn((c, who, language) =>
      isAdmin(who)
        ? show(c, who, language, {})
        : refusedPage(kit, c, who, language, adminMessages[language].adminsOnly),
    ),
  )

  app.post(
    "/kansli/personlista",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const t = adminMessages[language].roster
      const file = form.body.fil
      if (!(file instanceof File) || file.size === 0) return show(c, who, language, { error: t.noFile }, 400)
      if (file.size > maxBytes) return show(c, who, language, { error: t.notCsv }, 413)
      const bytes = new Uint8Array(await file.arrayBuffer())
      let text: string
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
      } catch {
        return show(c, who, language, { error: t.notCsv }, 400)
      }
      // A spreadsheet saved as .xlsx is a zip file, not text: say so instead of listing garbage.
      if (text.includes("\u0000")) return show(c, who, language, { error: t.notCsv }, 400)
      let checked: Checked
      try {
        checked = await run(who, text, true)
      } catch (error) {
        return kit.failure(c, "the roster could not be checked", error)
      }
      return checked._tag === "Problems"
        ? show(c, who, language, { checked }, 422)
        : show(c, who, language, { checked, text })
    }),
  )

  app.post(
    "/kansli/personlista/spara",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const raw = form.body.lista
      const text = typeof raw === "string" ? raw : ""
      if (text.trim() === "")
        return show(c, who, language, { error: adminMessages[language].roster.noFile }, 400)
      let checked: Checked
      try {
        checked = await run(who, text, false)
      } catch (error) {
        return kit.failure(c, "the roster could not be imported", error)
      }
      if (checked._tag === "Problems") return show(c, who, language, { checked }, 422)
      return c.redirect(`/kansli/personer?inlast=${checked.people}&roller=${checked.roles}`, 303)
    }),
  )
}
