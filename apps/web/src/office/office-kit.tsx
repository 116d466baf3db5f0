import type { Language } from "@spridning/core"
import { officeActorOf } from "@spridning/db"
import type { Context } from "hono"
import type { Child } from "hono/jsx"
import type { JSX } from "hono/jsx/jsx-runtime"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import type { OfficeDeps, SignedIn } from "./office-routes.js"
import { csrfMatches } from "./session.js"

export type PageStatus = 200 | 201 | 400 | 403 | 404 | 409 | 413 | 422 | 500 | 503

/** What office-routes lends the pages registered from other files: session, rendering and failures. */
export interface OfficeKit {
  readonly deps: OfficeDeps
  readonly withSignedIn: (
    handle: (c: Context, who: SignedIn, language: Language) => Response | Promise<Response>,
  ) => (c: Context) => Promise<Response>
  readonly page: (c: Context, node: JSX.Element, status?: PageStatus) => Response | Promise<Response>
  readonly failure: (
    c: Context,
    message: string,
    error: unknown,
    text?: string,
  ) => Response | Promise<Response>
  /** The answer to a form without the session's token. */
  readonly forbidden: (c: Context) => Response | Promise<Response>
  readonly nav: (who: SignedIn, language: Language, current: string) => Child
}

/** A posted form's text fields (files and repeated fields left out), trimmed. */
export type FormFields = Readonly<Record<string, string>>

export const textFields = (body: Record<string, unknown>): FormFields => {
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === "string") fields[key] = value.trim()
  return fields
}

/** Parses the posted form and checks its CSRF token against the session's. */
export const postedForm = async (
  c: Context,
  who: SignedIn,
): Promise<
  | { readonly ok: true; readonly body: Record<string, unknown>; readonly fields: FormFields }
  | { readonly ok: false }
> => {
  const body = (await c.req.parseBody()) as Record<string, unknown>
  const fields = textFields(body)
  return csrfMatches(who.csrf, fields.csrf) ? { ok: true, body, fields } : { ok: false }
}

/** The actor the audit log names for a change made in the workspace. */
export const officeActor = (who: SignedIn): string => officeActorOf(who.person.id)

/** A page that says why something was refused, or what is missing. */
export const Notice = (props: {
  readonly language: Language
  readonly title: string
  readonly text: string
  readonly nav?: Child
  readonly back?: { readonly href: string; readonly label: string }
}) => (
  <OfficeLayout language={props.language} title={props.title} nav={props.nav}>
    <h1>{props.title}</h1>
    <p role="alert">{props.text}</p>
    {props.back === undefined ? null : (
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
    )}
  </OfficeLayout>
)

export const refusedPage = (
  kit: OfficeKit,
  c: Context,
  who: SignedIn,
  language: Language,
  text: string,
  back?: string,
) =>
  kit.page(
    c,
    <Notice
      language={language}
      title={adminMessages[language].refusedTitle}
      text={text}
      nav={kit.nav(who, language, "")}
      {...(back === undefined ? {} : { back: { href: back, label: adminMessages[language].people.cancel } })}
    />,
    403,
  )

export const notFoundPage = (kit: OfficeKit, c: Context, who: SignedIn, language: Language) =>
  kit.page(
    c,
    <Notice
      language={language}
      title={adminMessages[language].notFoundTitle}
      text={adminMessages[language].notFound}
      nav={kit.nav(who, language, "")}
    />,
    404,
  )

/** Errors by field name; the form shows each beside its field. */
export type FieldErrors = Readonly<Record<string, string>>

/** The summary above a form with errors: a count, announced, with links to the fields. */
export const ErrorSummary = (props: { readonly language: Language; readonly errors: FieldErrors }) => {
  const names = Object.keys(props.errors)
  if (names.length === 0) return null
  return (
    <div class="error-summary" role="alert">
      <p>{adminMessages[props.language].fixBelow(names.length)}</p>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${name}`}>{props.errors[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

const describedBy = (id: string, hint: string | undefined, error: string | undefined) => {
  const ids = [hint === undefined ? undefined : `${id}-hjalp`, error === undefined ? undefined : `${id}-fel`]
  const joined = ids.filter((x) => x !== undefined).join(" ")
  return joined === "" ? undefined : joined
}

/** A field's `aria-invalid` and `aria-describedby`, tying its hint and error (`FieldText`) to it. */
export const fieldAria = (id: string, hint: string | undefined, error: string | undefined) => ({
  "aria-invalid": error === undefined ? undefined : ("true" as const),
  "aria-describedby": describedBy(id, hint, error),
})

/** A field's hint and error, with the ids `fieldAria` points at. */
export const FieldText = (props: {
  readonly id: string
  readonly hint?: string
  readonly error?: string
}) => (
  <>
    {props.hint === undefined ? null : (
      <span id={`${props.id}-hjalp`} class="hint">
        {props.hint}
      </span>
    )}
    {props.error === undefined ? null : (
      <span id={`${props.id}-fel`} class="field-error">
        {props.error}
      </span>
    )}
  </>
)

/** A labelled text input; its hint and error are tied to it with aria-describedby. */
export const TextField = (props: {
  readonly id: string
  readonly label: string
  readonly value?: string | undefined
  readonly type?: "text" | "email" | "date" | "datetime-local" | "url" | "number" | "search" | undefined
  readonly hint?: string | undefined
  readonly error?: string | undefined
  readonly required?: boolean | undefined
  readonly autocomplete?: string | undefined
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <FieldText id={props.id} {...optional("hint", props.hint)} {...optional("error", props.error)} />
    <input
      id={props.id}
      name={props.id}
      type={props.type ?? "text"}
      value={props.value ?? ""}
      required={props.required}
      autocomplete={props.autocomplete}
      {...fieldAria(props.id, props.hint, props.error)}
    />
  </div>
)

export const TextArea = (props: {
  readonly id: string
  readonly label: string
  readonly value?: string | undefined
  readonly hint?: string | undefined
  readonly error?: string | undefined
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <FieldText id={props.id} {...optional("hint", props.hint)} {...optional("error", props.error)} />
    <textarea id={props.id} name={props.id} rows={3} {...fieldAria(props.id, props.hint, props.error)}>
      {props.value ?? ""}
    </textarea>
  </div>
)

export const SelectField = (props: {
  readonly id: string
  readonly label: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly value?: string | undefined
  readonly hint?: string | undefined
  readonly error?: string | undefined
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <FieldText id={props.id} {...optional("hint", props.hint)} {...optional("error", props.error)} />
    <select id={props.id} name={props.id} {...fieldAria(props.id, props.hint, props.error)}>
      {props.options.map((option) => (
        <option value={option.value} selected={option.value === (props.value ?? "")}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
)

/** `{ [key]: value }` when the value is there; nothing otherwise (exactOptionalPropertyTypes). */
export const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

export const CsrfField = (props: { readonly csrf: string }) => (
  <input type="hidden" name="csrf" value={props.csrf} />
)

/** A dated line for tables: `2026-11-30 12:00` in UTC, the same for every reader. */
export const formatTime = (date: Date): string => date.toISOString().slice(0, 16).replace("T", " ")
