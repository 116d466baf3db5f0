import type { Language, Network, Publisher } from "@spridning/core"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import { composeMessages } from "./compose-messages.js"
import { officeMessages } from "./office-messages.js"

/** The signed-in menu: overview, coverage, and signing out (a POST with the session's token). */
export const OfficeNav = (props: {
  readonly language: Language
  readonly csrf: string
  readonly current: string
  readonly mayWork: boolean
  /** The network office: tokens and the audit log too. */
  readonly isAdmin?: boolean
}) => {
  const t = officeMessages[props.language].nav
  const admin = adminMessages[props.language].nav
  const items = props.mayWork
    ? [
        { href: "/kansli", label: t.home },
        { href: "/kansli/tackning", label: t.coverage },
        { href: "/kansli/uppdateringar", label: t.updates },
        { href: "/kansli/skriv", label: composeMessages[props.language].navLabel },
        { href: "/kansli/personer", label: admin.people },
        { href: "/kansli/forslag", label: admin.proposals },
        ...(props.isAdmin === true
          ? [
              { href: "/kansli/nycklar", label: admin.tokens },
              { href: "/kansli/logg", label: admin.audit },
            ]
          : []),
      ]
    : [{ href: "/kansli", label: t.home }]
  return (
    <nav class="site-nav" aria-label={t.label}>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.href === props.current ? "page" : undefined}>
              {item.label}
            </a>
          </li>
        ))}
        <li>
          <form method="post" action="/kansli/logga-ut" class="inline-form">
            <input type="hidden" name="csrf" value={props.csrf} />
            <button type="submit">{t.signOut}</button>
          </form>
        </li>
      </ul>
    </nav>
  )
}

export const SignInPage = (props: {
  readonly language: Language
  readonly formToken: string
  readonly email?: string
  readonly error?: string
}) => {
  const t = officeMessages[props.language].signIn
  return (
    <OfficeLayout language={props.language} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {props.error === undefined ? null : (
        <p class="notice" role="alert" id="epost-fel">
          {props.error}
        </p>
      )}
      <form method="post" action="/kansli/logga-in" class="stacked-form">
        <input type="hidden" name="csrf" value={props.formToken} />
        <label for="epost">{t.email}</label>
        <p id="epost-hjalp" class="hint">
          {t.emailHint}
        </p>
        <input
          id="epost"
          name="epost"
          type="email"
          autocomplete="email"
          required
          value={props.email ?? ""}
          aria-describedby={props.error === undefined ? "epost-hjalp" : "epost-hjalp epost-fel"}
        />
        <button type="submit">{t.send}</button>
      </form>
    </OfficeLayout>
  )
}

export const MessagePage = (props: {
  readonly language: Language
  readonly title: string
  readonly text: string
  readonly link?: { readonly href: string; readonly label: string }
}) => (
  <OfficeLayout language={props.language} title={props.title}>
    <h1>{props.title}</h1>
    <p>{props.text}</p>
    {props.link === undefined ? null : (
      <p>
        <a href={props.link.href}>{props.link.label}</a>
      </p>
    )}
  </OfficeLayout>
)

/** A mailed link opens this page; only its button uses the link, so a mail scanner's visit does not. */
export const ConfirmSignInPage = (props: {
  readonly language: Language
  readonly token: string
  readonly formToken: string
}) => {
  const t = officeMessages[props.language].signIn
  return (
    <OfficeLayout language={props.language} title={t.confirmTitle}>
      <h1>{t.confirmTitle}</h1>
      <p>{t.confirm}</p>
      <form method="post" action="/kansli/inloggning">
        <input type="hidden" name="csrf" value={props.formToken} />
        <input type="hidden" name="token" value={props.token} />
        <button type="submit">{t.confirmButton}</button>
      </form>
    </OfficeLayout>
  )
}

export const OfficeHomePage = (props: {
  readonly language: Language
  readonly network: Network
  readonly name: string
  readonly rights: ReadonlyArray<Publisher>
  readonly nav: ReturnType<typeof OfficeNav>
}) => {
  const t = officeMessages[props.language].home
  const regionName = (id: string) => props.network.regions.find((r) => r.id === id)?.name ?? id
  const groupName = (id: string) => props.network.themeGroups.find((g) => g.id === id)?.name ?? id
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <h1>{t.title}</h1>
      <p>{t.signedInAs(props.name)}</p>
      {props.rights.length === 0 ? (
        <section aria-labelledby="inga-uppgifter">
          <h2 id="inga-uppgifter">{t.nothingTitle}</h2>
          <p>{t.nothing}</p>
          <p>{t.nothingWhatToDo}</p>
          <p>
            <a href="/">{t.publicPages}</a>
          </p>
        </section>
      ) : (
        <>
          <p>{t.youMay}</p>
          <ul>
            {props.rights.map((right) => (
              <li>
                {right._tag === "Admin"
                  ? t.admin
                  : right._tag === "RegionEditor"
                    ? t.regionEditor(regionName(right.regionId))
                    : t.groupEditor(groupName(right.themeGroupId))}
              </li>
            ))}
          </ul>
          <ul class="link-list">
            <li>
              <a href="/kansli/tackning">{t.coverageLink}</a>
            </li>
            <li>
              <a href="/kansli/uppdateringar">{officeMessages[props.language].updates.updatesLink}</a>
            </li>
          </ul>
        </>
      )}
    </OfficeLayout>
  )
}
