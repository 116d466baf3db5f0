import type { Language } from "@spridning/core"
import type { Child } from "hono/jsx"
import { assetPaths } from "../http/assets.js"
import { webMessages } from "../i18n/messages.js"
import { officeMessages } from "../office/office-messages.js"

/**
 * htmx must not add inline styles or evaluate code (the policy forbids both); a 4xx answer
 * carries the reason in words (a refusal, a field to fix), so it is shown like any other.
 */
const htmxConfig = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[234]..", swap: true, error: false },
    { code: "...", swap: false, error: true },
  ],
})

/** The office's frame: a plainer header than the public site's, and room for wide tables. */
export const OfficeLayout = (props: {
  readonly language: Language
  readonly title: string
  /** The signed-in person's menu and sign-out form; absent on the sign-in pages. */
  readonly nav?: Child
  /** Loads htmx for pages with live parts (the compose page's preview); every page works without it. */
  readonly live?: boolean
  readonly children?: Child
}) => {
  const t = webMessages[props.language]
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${officeMessages[props.language].workspace} – ${t.siteName}`}</title>
        <link rel="stylesheet" href={assetPaths.stylesheet} />
        {props.live === true ? <meta name="htmx-config" content={htmxConfig} /> : null}
        {props.live === true ? <script src={assetPaths.htmx} defer /> : null}
      </head>
      <body class="office">
        <a class="skip-link" href="#innehall">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <p class="site-name">{`${t.siteName} · ${officeMessages[props.language].workspace}`}</p>
            {props.nav}
          </div>
        </header>
        <main id="innehall" class="site-main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  )
}
