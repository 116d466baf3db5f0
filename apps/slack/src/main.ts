/**
 * Runs Spridning's Slack app on its own: `/slack/events` on PORT (default 3002), or Socket
 * Mode when SLACK_APP_TOKEN is set, plus the Slack delivery worker. When the API serves Slack
 * too, the API's entry mounts `slackRoutes` and starts the worker instead of this file.
 */
import { serve } from "@hono/node-server"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import { Effect, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { Hono } from "hono"
import { slackConfig, slackSettings } from "./config/slack-config.js"
import { whenIdentified } from "./config/slack-identity.js"
import { startSlackDeliveryWorker } from "./notifications/slack-delivery-worker.js"
import { makeWebClient } from "./slack-api/slack-call.js"
import { consoleLog } from "./slack-app/deps.js"
import { slackRoutes, startSocketMode } from "./slack-app/slack-app.js"

const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerFromConfig)))
const config = await Effect.runPromise(
  Effect.gen(function* () {
    return yield* slackConfig
  }),
)
const settings = slackSettings(config)
const common = { ...settings, runtime, log: consoleLog }

const server = new Hono()
server.get("/healthz", (c) => c.json({ ok: true }))
const socket = Option.match(config.appToken, {
  onNone: () => {
    server.route("/", slackRoutes(common))
    return undefined
  },
  onSome: (appToken) => startSocketMode({ ...common, appToken: Redacted.value(appToken) }),
})
const port = Number(process.env.PORT ?? 3002)
const http = serve({ fetch: server.fetch, port }, () =>
  consoleLog("info", `Spridning Slack listening on ${port}`),
)
// The worker needs the workspace id, which Slack tells (auth.test) once it can be reached.
const worker = whenIdentified(settings.identity, consoleLog, ({ teamId }) =>
  startSlackDeliveryWorker(runtime, { client: makeWebClient(settings), teamId, log: consoleLog }),
)

const shutdown = async () => {
  await worker.stop()
  await socket?.stop()
  http.close()
  await runtime.dispose()
  process.exit(0)
}
process.once("SIGTERM", () => void shutdown())
process.once("SIGINT", () => void shutdown())
