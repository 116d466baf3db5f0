import { serve } from "@hono/node-server"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import { Config, Effect, Layer, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { requestId } from "hono/request-id"
import { defaultLog, describeError } from "./http/logging.js"
import { makeApiFromDatabase } from "./index.js"

/**
 * Production entry: `node apps/api/dist/main.js` against DATABASE_URL (PGlite in
 * SPRIDNING_DATA_DIR without it), listening on PORT. Stateless: run as many as needed.
 */
const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerFromConfig)))

const log = defaultLog()

const main = Effect.gen(function* () {
  const port = yield* Config.Port("PORT").pipe(Config.withDefault(3000))
  // Each request gets an id (an incoming X-Request-Id is kept) that its log lines carry.
  const app = new Hono().use(requestId()).route("/", yield* makeApiFromDatabase({ log }))
  const server = serve({ fetch: app.fetch, port }, (info) => {
    log(
      "info",
      `Spridning API on http://localhost:${info.port} — reference at /docs, OpenAPI at /openapi.json`,
    )
  })
  const stop = () => {
    server.close(() => {
      void runtime.dispose().then(() => process.exit(0))
    })
  }
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
})

runtime.runPromise(main).catch((error: unknown) => {
  log("error", "The API could not start", { error: describeError(error) })
  // The log line is written by a fiber; let it finish before leaving.
  setTimeout(() => process.exit(1), 100)
})
