import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { Hono } from "hono"
import { generateSpecs } from "hono-openapi"
import { requestHeader } from "../http/request-header.js"
import { teach } from "./teaching.js"

/**
 * The interactive reference is served from the bundled @scalar/api-reference script, never a
 * CDN: these machines and many hospital networks are offline.
 */
const scalarScript = (() => {
  let cached: string | undefined
  return (): string => {
    if (cached === undefined) {
      const path = createRequire(import.meta.url).resolve("@scalar/api-reference/browser/standalone.js")
      cached = readFileSync(path, "utf8")
    }
    return cached
  }
})()

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Spridning API</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/docs/scalar.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`

/**
 * No "Ask AI" agent, no toolbar (share, deploy) and no telemetry: none of them can work under
 * the page's own policy (it talks only to this server), and hospital networks are offline.
 */
const init = `Scalar.createApiReference("#app", ${JSON.stringify({
  url: "/openapi.json",
  withDefaultFonts: false,
  hideClientButton: false,
  agent: { disabled: true },
  showToolbar: "never",
  showDeveloperTools: "never",
  telemetry: false,
})})\n`

/** A page may run only our own scripts and talk only to us. */
const docsPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"

export const openApiDocumentation = {
  openapi: "3.1.0",
  info: {
    title: "Spridning API",
    version: "1",
    description:
      "The HFS network's way in for the network office and integrations: the organisation, coverage, audiences, dissemination and the reach funnel. Errors are RFC 9457 problem details.",
  },
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "An API token from `pnpm spridning tokens create`.",
      },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    // Served by GET /v1/digital-hours/{id} when the id ends in `.ics`; listed on its own for readers.
    "/v1/digital-hours/{id}.ics": {
      get: {
        operationId: "getV1DigitalHourCalendarFile",
        tags: ["digital hours"],
        summary: "The digital hour as a calendar file (iCalendar)",
        parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }],
        responses: {
          200: { description: "The event", content: { "text/calendar": { schema: { type: "string" } } } },
          404: { description: "No such digital hour" },
        },
      },
    },
  },
} as const

/** `/openapi.json` generated from the routes of `app`, and `/docs`. */
export const mountReference = (app: Hono): void => {
  const docs = new Hono()
  docs.get("/", (c) => {
    c.header("content-security-policy", docsPolicy)
    return c.html(page)
  })
  docs.get("/scalar.js", (c) => {
    c.header("cache-control", "public, max-age=86400")
    return c.body(scalarScript(), 200, { "content-type": "text/javascript; charset=utf-8" })
  })
  docs.get("/init.js", (c) => c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }))
  app.route("/docs", docs)
  let generated: Promise<unknown> | undefined
  app.get("/openapi.json", async (c) => {
    generated ??= generateSpecs(app, {
      documentation: openApiDocumentation as never,
      exclude: ["/docs", "/docs/scalar.js", "/docs/init.js", "/openapi.json"],
    })
    // The server as the reader reached it, so the reference's curl examples run as shown.
    const host = requestHeader(c, "host")
    const serverUrl =
      host === undefined ? new URL(c.req.url).origin : `${new URL(c.req.url).protocol}//${host}`
    return c.json(teach(await generated, { serverUrl }))
  })
}
