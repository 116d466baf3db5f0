import { catalogue, type Language, type Network, PersonFunction, Role } from "@spridning/core"
import type { Child } from "hono/jsx"
import { languageSwitchHref } from "../i18n/language.js"
import { OfficeLayout } from "../layout/office-layout.js"
import {
  type ComposeOffer,
  type ComposeValues,
  composeKinds,
  type FieldError,
  slugOfKind,
} from "./compose-form.js"
import { type ComposeKind, composeMessages } from "./compose-messages.js"
import type { Preview } from "./compose-preview.js"
import { FieldText, fieldAria, optional, SelectField, TextField } from "./office-kit.js"

const audienceTags = [
  "governance-and-leadership",
  "tools-for-staff",
  "clinicians",
  "strategists",
  "public-health",
] as const

/** What is wrong with a field, in one sentence; undefined when nothing is. */
const errorOf = (errors: ReadonlyArray<FieldError>, field: keyof ComposeValues): string | undefined => {
  const messages = errors.filter((error) => error.field === field).map((error) => error.message)
  return messages.length === 0 ? undefined : messages.join(" ")
}

/** A field's error under the shared field parts, from the compose form's list of errors. */
const FieldErrors = (props: {
  readonly errors: ReadonlyArray<FieldError>
  readonly field: keyof ComposeValues
}) => <FieldText id={props.field} {...optional("error", errorOf(props.errors, props.field))} />

/** The office's text field, named by a compose value and told its errors. */
const ComposeField = (props: {
  readonly name: keyof ComposeValues
  readonly label: string
  readonly value: string
  readonly errors: ReadonlyArray<FieldError>
  readonly type?: "text" | "date" | "datetime-local" | "url" | "number"
  readonly required?: boolean
  readonly hint?: string
}) => (
  <TextField
    id={props.name}
    label={props.label}
    value={props.value}
    type={props.type}
    required={props.required}
    hint={props.hint}
    error={errorOf(props.errors, props.name)}
  />
)

/** A group of checkboxes under one legend; each box labelled, the legend naming the group. */
const Choices = (props: {
  readonly name: keyof ComposeValues
  readonly legend: string
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly chosen: ReadonlyArray<string>
  readonly errors: ReadonlyArray<FieldError>
  readonly hint?: string
}) => (
  <fieldset class="choices" {...fieldAria(props.name, undefined, errorOf(props.errors, props.name))}>
    <legend>{props.legend}</legend>
    {props.hint === undefined ? null : <p class="hint">{props.hint}</p>}
    <FieldErrors errors={props.errors} field={props.name} />
    <ul>
      {props.options.map((option) => {
        const id = `${props.name}-${option.value}`
        return (
          <li>
            <input
              type="checkbox"
              id={id}
              name={props.name}
              value={option.value}
              checked={props.chosen.includes(option.value)}
            />
            <label for={id}>{option.label}</label>
          </li>
        )
      })}
    </ul>
  </fieldset>
)

const byName = (a: { readonly label: string }, b: { readonly label: string }) =>
  a.label.localeCompare(b.label, "sv")

/** The fields only one kind has. */
const KindFields = (props: {
  readonly language: Language
  readonly network: Network
  readonly values: ComposeValues
  readonly errors: ReadonlyArray<FieldError>
}) => {
  const t = composeMessages[props.language]
  const { values, errors } = props
  switch (values.kind) {
    case "meetingNotes":
      return (
        <ComposeField
          name="meetingDate"
          label={t.meetingDate}
          type="date"
          value={values.meetingDate}
          errors={errors}
          required
        />
      )
    case "workListItem":
      return (
        <>
          <SelectField
            id="status"
            label={t.status}
            options={(["planned", "ongoing", "done"] as const).map((status) => ({
              value: status,
              label: t.statusName[status],
            }))}
            value={values.status}
            error={errorOf(errors, "status")}
          />
          <ComposeField name="dueDate" label={t.dueDate} type="date" value={values.dueDate} errors={errors} />
        </>
      )
    case "digitalHour":
      return (
        <>
          <ComposeField
            name="startsAt"
            label={t.startsAt}
            type="datetime-local"
            value={values.startsAt}
            errors={errors}
            hint={t.timeHint}
            required
          />
          <ComposeField
            name="endsAt"
            label={t.endsAt}
            type="datetime-local"
            value={values.endsAt}
            errors={errors}
            required
          />
          <ComposeField name="location" label={t.location} value={values.location} errors={errors} />
          <ComposeField name="url" label={t.url} type="url" value={values.url} errors={errors} />
        </>
      )
    case "goodExample":
      return (
        <>
          <ComposeField
            name="tags"
            label={t.tags}
            value={values.tags}
            errors={errors}
            hint={t.tagsHint}
            required
          />
          <SelectField
            id="exampleRegionId"
            label={t.exampleRegion}
            options={[
              { value: "", label: t.noRegion },
              ...[...props.network.regions]
                .sort((a, b) => a.name.localeCompare(b.name, "sv"))
                .map((region) => ({ value: region.id, label: region.name })),
            ]}
            value={values.exampleRegionId}
            error={errorOf(errors, "exampleRegionId")}
          />
        </>
      )
    case "proposalRound":
      return (
        <>
          <ComposeField
            name="deadline"
            label={t.deadline}
            type="date"
            value={values.deadline}
            errors={errors}
            required
          />
          <ComposeField name="planYear" label={t.planYear} value={values.planYear} errors={errors} />
        </>
      )
  }
}

/** What the preview region shows: core's plan in people per region, bridges, unreachable regions and the line. */
export const PreviewBody = (props: {
  readonly language: Language
  readonly preview: Preview | undefined
  readonly errors: ReadonlyArray<FieldError>
}) => {
  const t = composeMessages[props.language]
  const audienceErrors = props.errors.filter((error) =>
    [
      "scope",
      "audienceTags",
      "roles",
      "functions",
      "themeGroups",
      "regions",
      "healthcareRegions",
      "themeGroupId",
    ].includes(error.field),
  )
  if (audienceErrors.length > 0) {
    return (
      <div class="notice" role="alert">
        <p>{t.errorsTitle}</p>
        <ul>
          {audienceErrors.map((error) => (
            <li>{error.message}</li>
          ))}
        </ul>
      </div>
    )
  }
  const preview = props.preview
  if (preview === undefined) return <p>{t.previewNotYet}</p>
  if (preview._tag === "Refused") {
    return (
      <div class="notice notice--refused" role="alert">
        <p>
          <strong>{t.refusedTitle}</strong>
        </p>
        <p class="refusal">{preview.text}</p>
      </div>
    )
  }
  if (preview._tag === "Problem") {
    return (
      <div class="notice" role="alert">
        <p>{preview.text}</p>
      </div>
    )
  }
  return (
    <>
      <p class="reach-summary">
        <strong>{t.reachSummary(preview.people, preview.rows.length, preview.deliveries)}</strong>
      </p>
      <p class="muted">{t.authorNotCounted}</p>
      {preview.rows.length === 0 ? null : (
        <div class="table-scroll">
          <table class="compact preview-table">
            <caption>{t.previewCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.region}</th>
                <th scope="col">{t.people}</th>
                <th scope="col">{t.bridge}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr>
                  <th scope="row">{row.regionName}</th>
                  <td>{String(row.people)}</td>
                  <td>
                    {row.bridges.length === 0
                      ? t.noBridgeNeeded
                      : row.bridges.map((bridge) => t.bridgeVia(bridge.via, bridge.names)).join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.unreachableTitle}</h3>
      {preview.unreachable.length === 0 ? (
        <p>{t.unreachableNone}</p>
      ) : (
        <>
          <ul class="unreachable">
            {preview.unreachable.map((region) => (
              <li>{`${region.regionName}: ${t.unreachableReason(region.reason)}.`}</li>
            ))}
          </ul>
          <p>
            {t.fallback(preview.scope)} <a href="/kansli/tackning">{t.fixCoverage}</a>
          </p>
        </>
      )}
      <h3>{t.passOnTitle}</h3>
      <p class="pass-on">{preview.passOnLine}</p>
      {preview.skipped === 0 ? null : <p class="muted">{t.skipped(preview.skipped)}</p>}
    </>
  )
}

const fieldLabel = (language: Language, field: keyof ComposeValues): string => {
  const t = composeMessages[language]
  const labels: Partial<Record<keyof ComposeValues, string>> = {
    themeGroupId: t.themeGroup,
    title: t.titleLabel,
    body: t.bodyLabel,
    meetingDate: t.meetingDate,
    status: t.status,
    dueDate: t.dueDate,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
    location: t.location,
    url: t.url,
    tags: t.tags,
    exampleRegionId: t.exampleRegion,
    deadline: t.deadline,
    planYear: t.planYear,
    scope: t.scope,
    audienceTags: t.audienceTags,
    roles: t.roles,
    functions: t.functions,
    themeGroups: t.themeGroups,
    regions: t.regions,
    healthcareRegions: t.healthcareRegions,
  }
  return labels[field] ?? field
}

/** Where an error's link leads: the field, or a group's first box. */
const anchorOf = (field: keyof ComposeValues) =>
  ["scope", "audienceTags", "roles", "functions", "themeGroups", "regions", "healthcareRegions"].includes(
    field,
  )
    ? `#malgrupp`
    : field === "id"
      ? "#innehall"
      : `#${field}`

export const ComposePage = (props: {
  readonly language: Language
  readonly network: Network
  readonly offer: ComposeOffer
  readonly values: ComposeValues
  readonly errors: ReadonlyArray<FieldError>
  /** Core's refusal of a publication, shown above the form. */
  readonly refusal?: string
  readonly preview: Preview | undefined
  readonly csrf: string
  readonly nav: Child
}) => {
  const t = composeMessages[props.language]
  const words = catalogue(props.language)
  const { values, errors, network, offer } = props
  const slug = slugOfKind(values.kind)
  const regionName = (id: string) => network.regions.find((region) => region.id === id)?.name ?? id
  const regions = network.regions
    .filter((region) => offer.onlyRegions === undefined || offer.onlyRegions.includes(region.id))
    .map((region) => ({ value: region.id, label: region.name }))
    .sort(byName)
  const groups = network.themeGroups
    .filter((group) => group.status === "active")
    .map((group) => ({ value: group.id, label: group.name }))
    .sort(byName)
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav} live>
      <p class="language-switch">
        <a
          href={languageSwitchHref(props.language === "sv" ? "en" : "sv", `/kansli/skriv/${slug}`)}
          lang={props.language === "sv" ? "en" : "sv"}
        >
          {t.switchLanguage}
        </a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <nav aria-label={t.kindsLabel} class="kind-tabs">
        <ul>
          {composeKinds.map((entry) => (
            <li>
              <a
                href={`/kansli/skriv/${entry.slug}`}
                aria-current={entry.kind === values.kind ? "page" : undefined}
              >
                {t.kindTitle[entry.kind]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {errors.length === 0 ? null : (
        <div class="notice" role="alert" id="fel">
          <h2>{t.errorsTitle}</h2>
          <ul>
            {errors.map((error) => (
              <li>
                <a
                  href={anchorOf(error.field)}
                >{`${fieldLabel(props.language, error.field)}: ${error.message}`}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.refusal === undefined ? null : (
        <div class="notice notice--refused" role="alert" id="nekad">
          <h2>{t.refusedTitle}</h2>
          <p class="refusal">{props.refusal}</p>
        </div>
      )}
      {/* novalidate: the server checks every field and says what to fix; the browser's own check would stop a preview of a half-written form. */}
      <div class="compose-layout wide">
        <form
          method="post"
          action={`/kansli/skriv/${slug}`}
          class="compose"
          novalidate
          hx-post={`/kansli/skriv/${slug}/forhandsgranska`}
          hx-trigger="change, input changed delay:600ms from:#title"
          hx-target="#forhandsgranskning"
          hx-swap="innerHTML"
        >
          <input type="hidden" name="csrf" value={props.csrf} />
          <input type="hidden" name="id" value={values.id} />
          <fieldset>
            <legend>{`${t.contentLegend}: ${t.kindTitle[values.kind]}`}</legend>
            <SelectField
              id="themeGroupId"
              label={t.themeGroup}
              options={[
                ...offer.themeGroups.map((group) => ({ value: group.id, label: group.name })),
                ...(offer.withoutGroup ? [{ value: "", label: t.noThemeGroup }] : []),
              ]}
              value={values.themeGroupId}
              error={errorOf(errors, "themeGroupId")}
            />
            <ComposeField name="title" label={t.titleLabel} value={values.title} errors={errors} required />
            <div class="field">
              <label for="body">{t.bodyLabel}</label>
              <p class="hint" id="body-hjalp">
                {t.bodyHint}
              </p>
              <textarea id="body" name="body" rows={8} aria-describedby="body-hjalp">
                {values.body}
              </textarea>
            </div>
            <KindFields language={props.language} network={network} values={values} errors={errors} />
          </fieldset>
          <fieldset id="malgrupp">
            <legend>{t.audienceLegend}</legend>
            <p class="hint">{t.audienceIntro}</p>
            <fieldset class="choices" {...fieldAria("scope", undefined, errorOf(errors, "scope"))}>
              <legend>{t.scope}</legend>
              <FieldErrors errors={errors} field="scope" />
              <ul>
                {(["network", "public"] as const).map((scope) => (
                  <li>
                    <input
                      type="radio"
                      id={`scope-${scope}`}
                      name="scope"
                      value={scope}
                      checked={values.scope === scope}
                    />
                    <label for={`scope-${scope}`}>
                      {scope === "network" ? t.scopeNetwork : t.scopePublic}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <h3>{t.whoLegend}</h3>
            <p class="hint">{t.whoHint}</p>
            <Choices
              name="themeGroups"
              legend={t.themeGroups}
              options={groups}
              chosen={values.themeGroups}
              errors={errors}
            />
            <Choices
              name="audienceTags"
              legend={t.audienceTags}
              options={audienceTags.map((tag) => ({ value: tag, label: words.audienceTag[tag] }))}
              chosen={values.audienceTags}
              errors={errors}
            />
            <Choices
              name="roles"
              legend={t.roles}
              options={Role.literals.map((role) => ({ value: role, label: words.role[role].many }))}
              chosen={values.roles}
              errors={errors}
            />
            <Choices
              name="functions"
              legend={t.functions}
              options={PersonFunction.literals.map((f) => ({ value: f, label: words.function[f].many }))}
              chosen={values.functions}
              errors={errors}
            />
            <h3>{t.whereLegend}</h3>
            <p class="hint">
              {offer.onlyRegions === undefined
                ? t.whereHint
                : t.whereOnlyYours(words.list(offer.onlyRegions.map(regionName)))}
            </p>
            {offer.onlyRegions === undefined ? (
              <Choices
                name="healthcareRegions"
                legend={t.healthcareRegions}
                options={network.healthcareRegions.map((h) => ({ value: h.id, label: h.name })).sort(byName)}
                chosen={values.healthcareRegions}
                errors={errors}
              />
            ) : null}
            <Choices
              name="regions"
              legend={t.regions}
              options={regions}
              chosen={values.regions}
              errors={errors}
            />
          </fieldset>
          <p class="hint" id="publicera-hjalp">
            {t.publishHint}
          </p>
          <div class="actions">
            <button type="submit" name="action" value="preview" class="secondary">
              {t.previewButton}
            </button>
            <button type="submit" name="action" value="publish" aria-describedby="publicera-hjalp">
              {t.publishButton}
            </button>
          </div>
        </form>
        <section aria-labelledby="forhandsgranskning-rubrik" class="preview">
          <h2 id="forhandsgranskning-rubrik">{t.previewTitle}</h2>
          <div id="forhandsgranskning" aria-live="polite">
            <PreviewBody language={props.language} preview={props.preview} errors={errors} />
          </div>
        </section>
      </div>
    </OfficeLayout>
  )
}

export type { ComposeKind }
