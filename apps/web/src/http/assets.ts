import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { Hono } from "hono"

interface Asset {
  readonly path: string
  readonly body: string
  readonly contentType: string
}

const hashed = (name: string, extension: string, body: string, contentType: string): Asset => {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12)
  return { path: `/assets/${name}.${hash}.${extension}`, body, contentType }
}

// From both src/ (tests, tsx) and dist/ (the built server) the stylesheet is one folder up.
const stylesheet = hashed(
  "site",
  "css",
  readFileSync(new URL("../../assets/site.css", import.meta.url), "utf8"),
  "text/css; charset=utf-8",
)
const htmx = hashed(
  "htmx",
  "js",
  readFileSync(createRequire(import.meta.url).resolve("htmx.org/dist/htmx.min.js"), "utf8"),
  "text/javascript; charset=utf-8",
)

/** Where the layouts link their assets; the name carries the content's hash. */
export const assetPaths = { stylesheet: stylesheet.path, htmx: htmx.path } as const

/** The stylesheet and htmx, served from here with a name that changes when they do. */
export const assetRoutes = () => {
  const app = new Hono()
  for (const asset of [stylesheet, htmx]) {
    app.get(asset.path, (c) =>
      c.body(asset.body, 200, {
        "content-type": asset.contentType,
        "cache-control": "public, max-age=31536000, immutable",
      }),
    )
  }
  return app
}
