import { createMiddleware } from "hono/factory"
import { html } from "hono/html"
import type { HtmlEscapedString } from "hono/utils/html"

type Content = HtmlEscapedString | Promise<HtmlEscapedString> | string

/** The reader pages' one stylesheet, served from here: no inline style, no CDN (hospital networks). */
export const pageStylesheetPath = "/email/sidor.css"

export const pageStylesheet = `
body { font-family: Helvetica, Arial, sans-serif; background: #f3f5f4; color: #222; margin: 0; line-height: 1.5; }
main { max-width: 38rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-top: 6px solid #1f5c4a; box-sizing: border-box; }
@media (max-width: 40rem) { main { margin: 0; padding: 1rem; } }
h1 { font-size: 1.4rem; color: #14332a; margin-top: 0; }
h2 { font-size: 1.1rem; color: #14332a; }
.en { color: #555; font-size: 0.9rem; border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
button { background: #1f5c4a; color: #fff; border: 0; padding: 0.7rem 1.2rem; font-size: 1rem; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
a { color: #1f5c4a; }
fieldset { border: 1px solid #c8d3ce; margin: 0 0 1.2rem; padding: 0.6rem 1rem 1rem; }
legend { font-weight: 700; padding: 0 0.3rem; }
.choice { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.5rem 0; }
.choice input { margin-top: 0.3rem; width: 1.2rem; height: 1.2rem; flex: none; }
.hint { display: block; color: #4a4a4a; font-size: 0.9rem; }
.effect { display: block; color: #6b3a00; font-size: 0.9rem; }
.status { background: #eef6f2; border-left: 4px solid #1f5c4a; padding: 0.6rem 1rem; margin-bottom: 1.2rem; }
.problem { background: #fdeeee; border-left: 4px solid #a32020; padding: 0.6rem 1rem; margin-bottom: 1.2rem; }
.status ul, .problem ul { padding-left: 1.2rem; margin: 0.3rem 0; }
textarea { max-width: 100%; box-sizing: border-box; }
`

/**
 * The pages readers open from a mail or Slack: scripts none, styles only from the stylesheet
 * above, forms only to here, never in a frame.
 */
export const readerPageHeaders = () =>
  createMiddleware(async (c, next) => {
    await next()
    if (!c.res.headers.get("content-type")?.startsWith("text/html")) return
    c.header(
      "content-security-policy",
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    )
    c.header("referrer-policy", "no-referrer")
    c.header("x-content-type-options", "nosniff")
    c.header("x-frame-options", "DENY")
    c.header("cache-control", "no-store")
  })

/** A page in the reader's language alone (their own choice). */
export const readerPage = (language: "sv" | "en", title: string, body: Content) => html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title} · Spridning</title>
    <link rel="stylesheet" href="${pageStylesheetPath}" />
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>`

/** A small, self-contained page (no scripts, no external assets) in Swedish with English below. */
export const page = (title: string, swedish: Content, english: Content) =>
  readerPage(
    "sv",
    title,
    html`<div>${swedish}</div>
      <div class="en" lang="en">${english}</div>`,
  )
