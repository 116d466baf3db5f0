/**
 * Runs Spridning's Slack app on its own: `/slack/events` on PORT (default 3002), or Socket
 * Mode when SLACK_APP_TOKEN is set, plus the one dispatcher with the Slack sender only. When the
 * composed server serves Slack, it mounts `slackRoutes` and runs its own dispatcher instead.
 */
import { hostname } from "node:os"
import { serve } from "@hono/node-server"
import { makeLinkSigner } from "@spridning/core"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import {
  ChannelSenders,
  configuredChannelsConfig,
  layerDispatcher,
  layerDispatchSettingsFromConfig,
  layerDispatchWorker,
  layerLogger,
  logFormatFor,
  makeLog,
} from "@spridning/dispatch"
import { Config, Effect, Fiber, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { Hono } from "hono"
import { slackConfig, slackSettings } from "./config/slack-config.js"
import { makeSlackChannelSender } from "./notifications/slack-channel.js"
import { makeWebClient } from "./slack-api/slack-call.js"
import { slackRoutes, startSocketMode } from "./slack-app/slack-app.js"

const format = logFormatFor(process.env.NODE_ENV === "production")
const log = makeLog(format)
const workerId = `slack-${hostname()}:${process.pid}`
const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerFromConfig)))
const config = await Effect.runPromise(
  Effect.gen(function* () {
    return yield* slackConfig
  }),
)
const settings = slackSettings(config)
// The same secret as the email side's, so a DM's link to the reader's settings page verifies there.
const linkSecret = await Effect.runPromise(
  Effect.gen(function* () {
    return yield* Config.option(Config.Redacted("SPRIDNING_LINK_SECRET"))
  }),
)
const links = Option.map(linkSecret, (secret) => makeLinkSigner(secret, settings.publicUrl))
const preferencesUrl = Option.match(links, {
  onNone: () => ({}),
  onSome: (signer) => ({
    preferencesUrl: (personId: string) => signer.preferencesUrl(personId, new Date()),
  }),
})
const common = { ...settings, runtime, log, ...preferencesUrl }

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
const http = serve({ fetch: server.fetch, port }, () => log("info", `Spridning Slack listening on ${port}`))

const senders = Layer.effect(
  ChannelSenders,
  Effect.map(
    makeSlackChannelSender({
      client: makeWebClient(settings),
      identity: settings.identity,
      workerId,
      publicUrl: settings.publicUrl,
      ...preferencesUrl,
    }),
    (sender) => [sender],
  ),
)
const dispatcherSettings = Layer.unwrap(
  Effect.map(configuredChannelsConfig, (configuredChannels) =>
    layerDispatchSettingsFromConfig({ workerId, configuredChannels }),
  ),
)
const dispatcher = runtime.runFork(
  Layer.launch(
    layerDispatchWorker.pipe(
      Layer.provide(layerDispatcher),
      Layer.provide(Layer.mergeAll(senders, dispatcherSettings)),
    ),
  ).pipe(Effect.provide(layerLogger(format))),
)

// One shutdown path: the pass in flight finishes, then the receiver and the database close.
const shutdown = async () => {
  await Effect.runPromise(Fiber.interrupt(dispatcher))
  await socket?.stop()
  http.close()
  await runtime.dispose()
  process.exit(0)
}
process.once("SIGTERM", () => void shutdown())
process.once("SIGINT", () => void shutdown())
