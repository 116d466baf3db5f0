import { serve } from "@hono/node-server"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import { Config, Effect, Layer, ManagedRuntime } from "effect"
import { makeApiFromDatabase } from "./index.js"

/**
 * Production entry: `node apps/api/dist/main.js` against DATABASE_URL (PGlite in
 * SPRIDNING_DATA_DIR without it), listening on PORT. Stateless: run as many as needed.
 */
const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerFromConfig)))

const main = Effect.gen(function* () {
  const port = yield* Config.Port("PORT").pipe(Config.withDefault(3000))
  const app = yield* makeApiFromDatabase()
  const server = serve({ fetch: app.fetch, port }, (info) => {
    console.log(
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
  console.error(error)
  process.exit(1)
})
