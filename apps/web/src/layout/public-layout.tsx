import type { Language } from "@spridning/core"
import type { Child } from "hono/jsx"
import { assetPaths } from "../http/assets.js"
import { languageSwitchHref } from "../i18n/language.js"
import { type WebMessages, webMessages } from "../i18n/messages.js"

export interface PageFrame {
  readonly language: Language
  /** The path of this page, for the language switch and the current menu item. */
  readonly path: string
  readonly title: string
  /** An Atom feed the page offers to feed readers. */
  readonly feed?: { readonly href: string; readonly title: string }
  /** Loads htmx for pages with live parts; every page works without it. */
  readonly live?: boolean
}

const navItems = (t: WebMessages) =>
  [
    { href: "/", label: t.nav.home },
    { href: "/goda-exempel", label: t.nav.goodExamples },
  ] as const

/** htmx must not add inline styles or evaluate code: the policy forbids both. */
const htmxConfig = JSON.stringify({ includeIndicatorStyles: false, allowEval: false, allowScriptTags: false })

/** The public site's frame: header with menu and language switch, main content, footer with feeds. */
export const PublicLayout = (props: PageFrame & { readonly children?: Child }) => {
  const t = webMessages[props.language]
  const other: Language = props.language === "sv" ? "en" : "sv"
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t.siteName}`}</title>
        <link rel="stylesheet" href={assetPaths.stylesheet} />
        <link rel="alternate" type="application/atom+xml" href="/flode.atom" title={t.footer.networkFeed} />
        {props.feed === undefined ? null : (
          <link rel="alternate" type="application/atom+xml" href={props.feed.href} title={props.feed.title} />
        )}
        {props.live === true ? <meta name="htmx-config" content={htmxConfig} /> : null}
        {props.live === true ? <script src={assetPaths.htmx} defer /> : null}
      </head>
      <body>
        <a class="skip-link" href="#innehall">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <div>
              <a class="site-name" href="/">
                {t.siteName}
              </a>
              <p class="site-tagline">{t.siteTagline}</p>
            </div>
            <nav class="site-nav" aria-label={t.mainNavigation}>
              <ul>
                {navItems(t).map((item) => (
                  <li>
                    <a href={item.href} aria-current={props.path === item.href ? "page" : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
                <li>
                  <a
                    class="language-switch"
                    href={languageSwitchHref(other, props.path)}
                    lang={other}
                    hreflang={other}
                    aria-label={t.switchLanguageLabel}
                  >
                    {t.switchLanguage}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" class="site-main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="site-footer__inner">
            <p>{t.footer.about}</p>
            <h2>{t.footer.feeds}</h2>
            <ul>
              <li>
                <a href="/flode.atom">{t.footer.networkFeed}</a>
              </li>
              {props.feed === undefined ? null : (
                <li>
                  <a href={props.feed.href}>{props.feed.title}</a>
                </li>
              )}
              <li>
                <a href="/kalender.ics">{t.footer.calendarFeed}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  )
}
