import { html } from "hono/html"
import type { HtmlEscapedString } from "hono/utils/html"

/** A small, self-contained page (no scripts, no external assets) in Swedish with English below. */
export const page = (
  title: string,
  swedish: HtmlEscapedString | Promise<HtmlEscapedString> | string,
  english: HtmlEscapedString | Promise<HtmlEscapedString> | string,
) => html`<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title} · Spridning</title>
    <style>
      body { font-family: Helvetica, Arial, sans-serif; background: #f3f5f4; color: #222; margin: 0; }
      main { max-width: 36rem; margin: 3rem auto; background: #fff; padding: 2rem; border-top: 6px solid #1f5c4a; }
      h1 { font-size: 1.4rem; color: #14332a; }
      .en { color: #555; font-size: 0.9rem; border-top: 1px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
      button { background: #1f5c4a; color: #fff; border: 0; padding: 0.7rem 1.2rem; font-size: 1rem; cursor: pointer; }
    </style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      <div>${swedish}</div>
      <div class="en" lang="en">${english}</div>
    </main>
  </body>
</html>`
