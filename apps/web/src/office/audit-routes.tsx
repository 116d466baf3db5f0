import { isNetworkOffice, type Language } from "@spridning/core"
import { type AuditEntry, AuditLog } from "@spridning/db"
import { Effect } from "effect"
import type { Hono } from "hono"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import {
  ErrorSummary,
  type FieldErrors,
  type FormFields,
  formatTime,
  type OfficeKit,
  optional,
  refusedPage,
  SelectField,
  TextField,
} from "./office-kit.js"
import type { SignedIn } from "./office-routes.js"

/** The kinds of record the repositories write to the log. */
const entities = [
  "person",
  "roleAssignment",
  "follow",
  "regionalBody",
  "region",
  "orgUnit",
  "themeGroup",
  "healthcareRegion",
  "reportingRule",
  "apiToken",
  "update",
  "proposal",
  "delivery",
  "receipt",
  "suppression",
]

const day = /^\d{4}-\d{2}-\d{2}$/

/** A day as typed (YYYY-MM-DD) to its first moment in UTC, or undefined when it is no real day. */
const dayStart = (text: string): Date | undefined => {
  if (!day.test(text)) return undefined
  const date = new Date(`${text}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return "–"
  const text = JSON.stringify(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

const AuditPage = (props: {
  readonly language: Language
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly entries: ReadonlyArray<AuditEntry>
  readonly next?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].audit
  const filters = Object.fromEntries(
    Object.entries(props.values).filter(([key, value]) => value !== "" && key !== "fran-post"),
  )
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <ErrorSummary language={props.language} errors={props.errors} />
      <form method="get" action="/kansli/logg" class="filters">
        <SelectField
          id="slag"
          label={t.entity}
          value={props.values.slag}
          options={[{ value: "", label: t.anyEntity }, ...entities.map((e) => ({ value: e, label: e }))]}
        />
        <TextField id="post" label={t.entityId} value={props.values.post} />
        <TextField id="vem" label={t.actor} hint={t.actorHint} value={props.values.vem} />
        <TextField
          id="fran"
          type="date"
          label={t.from}
          value={props.values.fran}
          {...optional("error", props.errors.fran)}
        />
        <TextField
          id="till"
          type="date"
          label={t.to}
          value={props.values.till}
          {...optional("error", props.errors.till)}
        />
        <button type="submit">{t.filter}</button>
      </form>
      {props.entries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact audit-log">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.at}</th>
                <th scope="col">{t.actor}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.entity}</th>
                <th scope="col">{t.entityId}</th>
                <th scope="col">{t.change}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr>
                  <td>{formatTime(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.entity}</td>
                  <th scope="row">{entry.entityId}</th>
                  <td class="audit-change">
                    <code>{shown(entry.before)}</code> → <code>{shown(entry.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul class="link-list">
        {props.next === undefined ? null : (
          <li>
            <a href={`/kansli/logg?${new URLSearchParams({ ...filters, sida: props.next }).toString()}`}>
              {t.older}
            </a>
          </li>
        )}
        {props.values.sida === undefined || props.values.sida === "" ? null : (
          <li>
            <a
              href={`/kansli/logg?${new URLSearchParams(Object.fromEntries(Object.entries(filters).filter(([k]) => k !== "sida"))).toString()}`}
            >
              {t.newest}
            </a>
          </li>
        )}
      </ul>
    </OfficeLayout>
  )
}

const isAdmin = (who: SignedIn) => isNetworkOffice(who.rights)

/** The audit log, newest first, filtered by record, actor and time, a page at a time. */
export const registerAuditRoutes = (app: Hono, kit: OfficeKit) => {
  app.get(
    "/kansli/logg",
    kit.withSignedIn(async (c, who, language) => {
      if (!isAdmin(who)) return refusedPage(kit, c, who, language, adminMessages[language].adminsOnly)
      const t = adminMessages[language].audit
      const values: Record<string, string> = {}
      for (const key of ["slag", "post", "vem", "fran", "till", "sida"]) {
        const value = (c.req.query(key) ?? "").trim()
        if (value !== "") values[key] = value
      }
      const errors: Record<string, string> = {}
      const from = values.fran === undefined ? undefined : dayStart(values.fran)
      const to = values.till === undefined ? undefined : dayStart(values.till)
      if (values.fran !== undefined && from === undefined) errors.fran = t.badDate
      if (values.till !== undefined && to === undefined) errors.till = t.badDate
      const page = (entries: ReadonlyArray<AuditEntry>, next: string | undefined, status: 200 | 400) =>
        kit.page(
          c,
          <AuditPage
            language={language}
            values={values}
            errors={errors}
            entries={entries}
            {...optional("next", next)}
            nav={kit.nav(who, language, "/kansli/logg")}
          />,
          status,
        )
      if (Object.keys(errors).length > 0) return page([], undefined, 400)
      let found: { readonly items: ReadonlyArray<AuditEntry>; readonly nextCursor?: string } | undefined
      try {
        found = await kit.deps.run(
          Effect.gen(function* () {
            return yield* (yield* AuditLog).page({
              ...optional("entity", values.slag),
              ...optional("entityId", values.post),
              ...optional("actor", values.vem),
              ...optional("from", from),
              // "Till och med" a day: before the next day's first moment.
              ...optional("to", to === undefined ? undefined : new Date(to.getTime() + 86_400_000)),
              ...optional("cursor", values.sida),
              limit: 50,
            })
          }).pipe(Effect.catchTag("InvalidCursor", () => Effect.succeed(undefined))),
        )
      } catch (error) {
        return kit.failure(c, "the audit log could not be read", error)
      }
      if (found === undefined) {
        errors.sida = t.badCursor
        return page([], undefined, 400)
      }
      return page(found.items, found.nextCursor, 200)
    }),
  )
}
