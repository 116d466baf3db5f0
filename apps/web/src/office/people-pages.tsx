import {
  catalogue,
  type Follow,
  type Language,
  type Network,
  type Person,
  PersonFunction,
  Role,
  type RoleAssignment,
} from "@spridning/core"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import {
  CsrfField,
  ErrorSummary,
  type FieldErrors,
  type FormFields,
  optional,
  SelectField,
  TextField,
} from "./office-kit.js"

/** Names of the network's records, for tables and choices. */
export const namesIn = (network: Network) => {
  const regions = new Map(network.regions.map((r) => [r.id as string, r.name]))
  const groups = new Map(network.themeGroups.map((g) => [g.id as string, g.name]))
  const bodies = new Map(network.regionalBodies.map((b) => [b.id as string, b.name]))
  return {
    region: (id: string) => regions.get(id) ?? id,
    group: (id: string) => groups.get(id) ?? id,
    body: (id: string) => bodies.get(id) ?? id,
  }
}

/** "processledare", "temagruppsdeltagare i Tobaksprevention", "ledamot i … (Referensgrupp Skåne)". */
export const roleText = (language: Language, network: Network, role: RoleAssignment): string => {
  const names = namesIn(network)
  const word = catalogue(language).role[role.role].one
  if (role.themeGroupId !== undefined) return `${word}, ${names.group(role.themeGroupId)}`
  if (role.regionalBodyId !== undefined) return `${word}, ${names.body(role.regionalBodyId)}`
  return `${word}, ${names.region(role.regionId)}`
}

export interface Choices {
  readonly regions: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly orgUnits: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly themeGroups: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly regionalBodies: ReadonlyArray<{ readonly value: string; readonly label: string }>
}

const functionOptions = (language: Language) =>
  PersonFunction.literals.map((value) => ({ value, label: catalogue(language).function[value].one }))

const roleOptions = (language: Language, empty: string) => [
  { value: "", label: empty },
  ...Role.literals.map((value) => ({ value, label: catalogue(language).role[value].one })),
]

export const PeopleListPage = (props: {
  readonly language: Language
  readonly network: Network
  readonly people: ReadonlyArray<Person>
  readonly query: string
  readonly region: string
  readonly regions: ReadonlyArray<{ readonly value: string; readonly label: string }>
  readonly next?: string
  readonly mayAdd: boolean
  readonly isAdmin: boolean
  readonly notice?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].people
  const names = namesIn(props.network)
  const rolesOf = (person: Person) => props.network.roles.filter((role) => role.personId === person.id)
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ul class="link-list">
        {props.mayAdd ? (
          <li>
            <a href="/kansli/personer/ny">{t.add}</a>
          </li>
        ) : null}
        {props.isAdmin ? (
          <li>
            <a href="/kansli/personlista">{t.roster}</a>
          </li>
        ) : null}
        {props.mayAdd ? (
          <li>
            <a href="/kansli/forum">{t.regionalBodies}</a>
          </li>
        ) : null}
      </ul>
      <form method="get" action="/kansli/personer" class="filters">
        <TextField id="sok" type="search" label={t.search} hint={t.searchHint} value={props.query} />
        <SelectField
          id="region"
          label={t.region}
          value={props.region}
          options={[{ value: "", label: t.allRegions }, ...props.regions]}
        />
        <button type="submit">{t.find}</button>
      </form>
      {props.people.length === 0 ? (
        <p>{t.nothingFound(props.query)}</p>
      ) : (
        <div class="table-scroll">
          <table class="compact">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.region}</th>
                <th scope="col">{t.roles}</th>
              </tr>
            </thead>
            <tbody>
              {props.people.map((person) => {
                const roles = rolesOf(person)
                return (
                  <tr>
                    <th scope="row">
                      <a href={`/kansli/personer/${encodeURIComponent(person.id)}`}>{person.name}</a>
                    </th>
                    <td>{person.email}</td>
                    <td>{names.region(person.regionId)}</td>
                    <td>
                      {roles.length === 0
                        ? t.none
                        : roles.map((role) => roleText(props.language, props.network, role)).join("; ")}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.next === undefined ? null : (
        <p>
          <a
            href={`/kansli/personer?${new URLSearchParams({
              ...(props.query === "" ? {} : { sok: props.query }),
              ...(props.region === "" ? {} : { region: props.region }),
              fran: props.next,
            }).toString()}`}
          >
            {t.more}
          </a>
        </p>
      )}
    </OfficeLayout>
  )
}

/** The person's own fields; shared by the add and the edit form. */
const PersonFields = (props: {
  readonly language: Language
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly choices: Choices
}) => {
  const t = adminMessages[props.language].people
  return (
    <>
      <TextField
        id="namn"
        label={t.name}
        value={props.values.namn}
        required
        autocomplete="off"
        {...optional("error", props.errors.namn)}
      />
      <TextField
        id="epost"
        type="email"
        label={t.email}
        value={props.values.epost}
        required
        autocomplete="off"
        {...optional("error", props.errors.epost)}
      />
      <SelectField
        id="funktion"
        label={t.function}
        value={props.values.funktion ?? "other"}
        options={functionOptions(props.language)}
        {...optional("error", props.errors.funktion)}
      />
      <SelectField
        id="region"
        label={t.region}
        value={props.values.region}
        options={props.choices.regions}
        {...optional("error", props.errors.region)}
      />
      <SelectField
        id="verksamhet"
        label={t.orgUnit}
        value={props.values.verksamhet}
        options={[{ value: "", label: t.noOrgUnit }, ...props.choices.orgUnits]}
        {...optional("error", props.errors.verksamhet)}
      />
      <SelectField
        id="sprak"
        label={t.language}
        value={props.values.sprak ?? "sv"}
        options={[
          { value: "sv", label: "Svenska" },
          { value: "en", label: "English" },
        ]}
      />
    </>
  )
}

/** Role, theme group and regional body: a new role, on the add form or the person's page. */
const RoleFields = (props: {
  readonly language: Language
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly choices: Choices
  readonly hint?: string
}) => {
  const t = adminMessages[props.language].people
  return (
    <>
      <SelectField
        id="roll"
        label={t.role}
        value={props.values.roll}
        options={roleOptions(props.language, t.noRole)}
        {...optional("hint", props.hint)}
        {...optional("error", props.errors.roll)}
      />
      <SelectField
        id="temagrupp"
        label={t.themeGroup}
        value={props.values.temagrupp}
        options={[{ value: "", label: t.noThemeGroup }, ...props.choices.themeGroups]}
        {...optional("error", props.errors.temagrupp)}
      />
      <SelectField
        id="forum"
        label={t.regionalBody}
        value={props.values.forum}
        options={[{ value: "", label: t.noRegionalBody }, ...props.choices.regionalBodies]}
        {...optional("error", props.errors.forum)}
      />
    </>
  )
}

export const AddPersonPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly choices: Choices
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].people
  return (
    <OfficeLayout language={props.language} title={t.addTitle} nav={props.nav}>
      <h1>{t.addTitle}</h1>
      <ErrorSummary language={props.language} errors={props.errors} />
      <form method="post" action="/kansli/personer" class="stacked-form" novalidate>
        <CsrfField csrf={props.csrf} />
        <PersonFields
          language={props.language}
          values={props.values}
          errors={props.errors}
          choices={props.choices}
        />
        <fieldset>
          <legend>{t.firstRole}</legend>
          <RoleFields
            language={props.language}
            values={props.values}
            errors={props.errors}
            choices={props.choices}
            hint={t.firstRoleHint}
          />
        </fieldset>
        <button type="submit">{t.create}</button>
      </form>
      <p>
        <a href="/kansli/personer">{t.cancel}</a>
      </p>
    </OfficeLayout>
  )
}

export const PersonPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly network: Network
  readonly person: Person
  readonly mayEdit: boolean
  /** Roles this reader may remove. */
  readonly mayRemoveRole: (role: RoleAssignment) => boolean
  readonly mayAddRole: boolean
  readonly values: FormFields
  readonly errors: FieldErrors
  readonly roleValues: FormFields
  readonly roleErrors: FieldErrors
  readonly followErrors: FieldErrors
  readonly choices: Choices
  readonly notice?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].people
  const names = namesIn(props.network)
  const id = encodeURIComponent(props.person.id)
  const roles = props.network.roles.filter((role) => role.personId === props.person.id)
  const follows: ReadonlyArray<Follow> = props.network.follows.filter((f) => f.personId === props.person.id)
  const errors = { ...props.errors, ...props.roleErrors, ...props.followErrors }
  return (
    <OfficeLayout language={props.language} title={props.person.name} nav={props.nav}>
      <p>
        <a href="/kansli/personer">{t.title}</a>
      </p>
      <h1>{t.editTitle(props.person.name)}</h1>
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary language={props.language} errors={errors} />
      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter">{t.details}</h2>
        {props.mayEdit ? (
          <form method="post" action={`/kansli/personer/${id}`} class="stacked-form" novalidate>
            <CsrfField csrf={props.csrf} />
            <PersonFields
              language={props.language}
              values={props.values}
              errors={props.errors}
              choices={props.choices}
            />
            <button type="submit">{t.save}</button>
          </form>
        ) : (
          <>
            <dl class="facts">
              <dt>{t.email}</dt>
              <dd>{props.person.email}</dd>
              <dt>{t.region}</dt>
              <dd>{names.region(props.person.regionId)}</dd>
            </dl>
            <p>{t.readOnly}</p>
          </>
        )}
      </section>
      <section aria-labelledby="roller">
        <h2 id="roller">{t.rolesTitle}</h2>
        {roles.length === 0 ? (
          <p>{t.noRoles}</p>
        ) : (
          <ul class="items">
            {roles.map((role) => {
              const text = roleText(props.language, props.network, role)
              return (
                <li>
                  {text}{" "}
                  {props.mayRemoveRole(role) ? (
                    <form
                      method="post"
                      action={`/kansli/personer/${id}/roller/${encodeURIComponent(role.id)}/ta-bort`}
                      class="inline-form"
                    >
                      <CsrfField csrf={props.csrf} />
                      <button type="submit" class="secondary" aria-label={t.removeRoleLabel(text)}>
                        {t.removeRole}
                      </button>
                    </form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
        {props.mayAddRole ? (
          <form method="post" action={`/kansli/personer/${id}/roller`} class="stacked-form" novalidate>
            <CsrfField csrf={props.csrf} />
            <RoleFields
              language={props.language}
              values={props.roleValues}
              errors={props.roleErrors}
              choices={props.choices}
            />
            <button type="submit">{t.addRole}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="foljer">
        <h2 id="foljer">{t.followsTitle}</h2>
        {follows.length === 0 ? (
          <p>{t.noFollows}</p>
        ) : (
          <ul class="items">
            {follows.map((follow) => {
              const group = names.group(follow.themeGroupId)
              return (
                <li>
                  {`${group} (${t.frequencyWord(follow.frequency)})`}{" "}
                  {props.mayEdit ? (
                    <form
                      method="post"
                      action={`/kansli/personer/${id}/foljer/${encodeURIComponent(follow.themeGroupId)}/ta-bort`}
                      class="inline-form"
                    >
                      <CsrfField csrf={props.csrf} />
                      <button type="submit" class="secondary" aria-label={t.unfollowLabel(group)}>
                        {t.unfollow}
                      </button>
                    </form>
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
        {props.mayEdit ? (
          <form method="post" action={`/kansli/personer/${id}/foljer`} class="stacked-form" novalidate>
            <CsrfField csrf={props.csrf} />
            <SelectField
              id="folj-temagrupp"
              label={t.themeGroup}
              options={props.network.themeGroups
                .filter((g) => g.status === "active")
                .map((g) => ({ value: g.id, label: g.name }))}
              {...optional("error", props.followErrors["folj-temagrupp"])}
            />
            <SelectField
              id="frekvens"
              label={t.frequency}
              value="immediate"
              options={["immediate", "daily", "weekly"].map((value) => ({
                value,
                label: t.frequencyWord(value),
              }))}
            />
            <button type="submit">{t.follow}</button>
          </form>
        ) : null}
      </section>
      {props.mayEdit ? (
        <section aria-labelledby="ta-bort">
          <h2 id="ta-bort">{t.removeButton}</h2>
          <p>
            <a class="button secondary" href={`/kansli/personer/${id}/ta-bort`}>
              {t.removeButton}
            </a>
          </p>
        </section>
      ) : null}
    </OfficeLayout>
  )
}

export const RemovePersonPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly person: Person
  readonly blocked?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].people
  const id = encodeURIComponent(props.person.id)
  return (
    <OfficeLayout language={props.language} title={t.removeTitle(props.person.name)} nav={props.nav}>
      <h1>{t.removeTitle(props.person.name)}</h1>
      {props.blocked === undefined ? (
        <>
          <p>{t.removeIntro}</p>
          <form method="post" action={`/kansli/personer/${id}/ta-bort`}>
            <CsrfField csrf={props.csrf} />
            <button type="submit">{t.removeConfirm}</button>
          </form>
        </>
      ) : (
        <p class="notice" role="alert">
          {props.blocked}
        </p>
      )}
      <p>
        <a href={`/kansli/personer/${id}`}>{t.cancel}</a>
      </p>
    </OfficeLayout>
  )
}
