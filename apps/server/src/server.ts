import { createPublicKey, randomUUID } from "node:crypto"
import { type ServerType, serve } from "@hono/node-server"
import { makeApiFromDatabase } from "@spridning/api"
import { layerFromConfig, layerRepositories, migrationsFolder, SharedLimits } from "@spridning/db"
import {
  emailRoutes,
  layerMailSenderFromConfig,
  makeEmailScheduler,
  makeEmailWorker,
  makeLinkSigner,
  webhookToleranceSeconds,
} from "@spridning/email"
import {
  makeWebClient,
  slackRoutes,
  slackSettings,
  startSlackDeliveryWorker,
  startSocketMode,
  whenIdentified,
} from "@spridning/slack"
import { Effect, Layer, ManagedRuntime, Option, Redacted } from "effect"
import { Hono } from "hono"
import { configProblems, type ServerConfig, serverConfig } from "./config.js"
import { firstAdminToken, seedDemoIfEmpty } from "./first-start.js"
import { type Log, makeLog, requestLogging } from "./logging.js"
import { startPollLoop } from "./poll-loop.js"
import { checkReadiness } from "./readiness.js"

export interface RunningServer {
  readonly port: number
  readonly config: ServerConfig
  readonly adminToken: string | undefined
  /** Stops taking work, lets workers finish or release what they claimed, closes the database. */
  readonly stop: () => Promise<void>
}

const listen = (app: Hono, port: number): Promise<{ server: ServerType; port: number }> =>
  new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port }, (info) => resolve({ server, port: info.port }))
    server.once("error", reject)
  })

/** SendGrid shows its verification key as base64 DER (SPKI); say so when it is not one. */
const webhookKeyFrom = (key: string) => {
  try {
    return createPublicKey({ key: Buffer.from(key, "base64"), format: "der", type: "spki" })
  } catch {
    throw new Error(
      "SENDGRID_WEBHOOK_PUBLIC_KEY is not a public key: paste the verification key SendGrid shows for the Signed Event Webhook (base64)",
    )
  }
}

/**
 * The main job in one process: the API, SendGrid's webhook and the mail links, the Slack
 * receiver (when Slack is configured), and the email and Slack workers, over one database.
 */
export const startServer = async (log?: Log): Promise<RunningServer> => {
  const problems = configProblems(process.env)
  if (problems.length > 0) throw new Error(`Configuration problem:\n  - ${problems.join("\n  - ")}`)
  const config = await Effect.runPromise(serverConfig)
  const logger =
    log ?? makeLog(Option.getOrElse(config.logFormat, () => (config.production ? "json" : "pretty")))
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(layerRepositories, layerMailSenderFromConfig).pipe(Layer.provideMerge(layerFromConfig)),
  )
  try {
    return await start(config, runtime, logger)
  } catch (error) {
    await runtime.dispose()
    throw error
  }
}

type Runtime = ManagedRuntime.ManagedRuntime<
  | Layer.Success<typeof layerRepositories>
  | Layer.Success<typeof layerMailSenderFromConfig>
  | Layer.Success<typeof layerFromConfig>,
  unknown
>

const start = async (config: ServerConfig, runtime: Runtime, log: Log): Promise<RunningServer> => {
  const seedDemo = Option.getOrElse(config.seedDemo, () => !config.usesPostgres)
  if (seedDemo && (await runtime.runPromise(seedDemoIfEmpty))) {
    log("info", "Loaded the demo network into the empty database")
  }

  const links = makeLinkSigner(config.email.linkSecret, config.email.publicUrl)
  const organizer = { name: config.email.from.name, email: config.email.from.email }
  const app = new Hono()
  for (const middleware of requestLogging(log)) app.use(middleware)
  app.get("/healthz", (c) => c.json({ status: "alive" }))
  app.get("/readyz", async (c) => {
    const readiness = await runtime.runPromise(checkReadiness(migrationsFolder))
    return c.json(readiness, readiness.ready ? 200 : 503)
  })
  app.route(
    "/",
    emailRoutes({
      run: (effect) => runtime.runPromise(effect),
      links,
      // Instances on one PostgreSQL share the webhook replay guard.
      firstSeen: (signature) =>
        runtime.runPromise(
          SharedLimits.use((limits) =>
            limits.firstSeen("sendgrid-webhook", signature, 2 * webhookToleranceSeconds * 1000),
          ),
        ),
      ...Option.match(config.email.webhookPublicKey, {
        onNone: () => ({}),
        onSome: (key) => ({ webhookKey: webhookKeyFrom(key) }),
      }),
    }),
  )

  if (Option.isSome(config.slack) && Option.isNone(config.slack.value.appToken)) {
    app.route("/", slackRoutes({ ...slackSettings(config.slack.value), runtime, log }))
  }
  app.route(
    "/",
    await runtime.runPromise(
      makeApiFromDatabase({ rateLimit: { limit: config.rateLimitPerMinute, windowMillis: 60_000 } }),
    ),
  )

  const { server, port } = await listen(app, config.port)
  const adminToken = await runtime.runPromise(firstAdminToken)

  // Work starts only once the port is ours, so a failed start leaves nothing running.
  const stoppers: Array<() => Promise<void>> = []
  if (Option.isSome(config.slack)) {
    const settings = slackSettings(config.slack.value)
    if (Option.isSome(config.slack.value.appToken)) {
      const socket = startSocketMode({
        ...settings,
        runtime,
        log,
        appToken: Redacted.value(config.slack.value.appToken.value),
      })
      stoppers.push(socket.stop)
    }
    if (config.workers) {
      // The worker needs the workspace id, which Slack tells (auth.test) once it can be reached.
      const worker = whenIdentified(settings.identity, log, ({ teamId }) =>
        startSlackDeliveryWorker(runtime, {
          client: makeWebClient(settings),
          teamId,
          log,
          pollMillis: config.pollMillis,
        }),
      )
      stoppers.push(worker.stop)
    }
  }
  if (config.workers) {
    const emailWorker = await runtime.runPromise(
      makeEmailWorker({ workerId: `email-${randomUUID()}`, links, organizer }),
    )
    const scheduler = await runtime.runPromise(makeEmailScheduler({ links, organizer }))
    stoppers.push(
      startPollLoop("Email delivery", () => runtime.runPromise(emailWorker.drain(10)), config.pollMillis, log)
        .stop,
      startPollLoop("Email schedule", () => runtime.runPromise(scheduler.tick), 60_000, log).stop,
    )
  }

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      log("info", "Stopping: no new work; finishing what is in hand")
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      // Idle keep-alive connections would hold close() open until they time out.
      if ("closeIdleConnections" in server) server.closeIdleConnections()
      await closed
      await Promise.all(stoppers.map((stopOne) => stopOne()))
      await runtime.dispose()
      log("info", "Stopped")
    })()
    return stopping
  }
  return { port, config, adminToken, stop }
}
