import { createPublicKey, randomUUID } from "node:crypto"
import { type ServerType, serve } from "@hono/node-server"
import { makeApiFromDatabase } from "@spridning/api"
import { defaultRetryPolicy } from "@spridning/core"
import { layerFromConfig, layerRepositories, migrationsFolder, SharedLimits } from "@spridning/db"
import {
  ChannelSenders,
  DispatchSettings,
  layerDispatcher,
  layerDispatchWorker,
  layerLogger,
  makeDispatchSettings,
} from "@spridning/dispatch"
import {
  emailRoutes,
  layerMailSenderFromConfig,
  makeEmailChannelSender,
  makeEmailScheduler,
  makeLinkSigner,
  webhookToleranceSeconds,
} from "@spridning/email"
import {
  makeSlackChannelSender,
  makeWebClient,
  slackRoutes,
  slackSettings,
  startSocketMode,
} from "@spridning/slack"
import { webRoutes } from "@spridning/web"
import { Effect, Fiber, Layer, ManagedRuntime, Option, Redacted, Schedule } from "effect"
import { Hono } from "hono"
import { configProblems, type ServerConfig, serverConfig } from "./config.js"
import { firstAdminToken, seedDemoIfEmpty } from "./first-start.js"
import { type Log, logFormat, makeLog, requestLogging } from "./logging.js"
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
 * receiver (when Slack is configured), and one dispatcher with the email sender and (when Slack
 * is configured) the Slack sender, over one database.
 */
export const startServer = async (log?: Log): Promise<RunningServer> => {
  const problems = configProblems(process.env)
  if (problems.length > 0) throw new Error(`Configuration problem:\n  - ${problems.join("\n  - ")}`)
  const config = await Effect.runPromise(serverConfig)
  const logger = log ?? makeLog(logFormat(config))
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
  // The reader's settings page, linked from every DM: by the sender and when a receipt click redraws it.
  const preferencesUrl = (personId: string) => links.preferencesUrl(personId, new Date())
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
    app.route("/", slackRoutes({ ...slackSettings(config.slack.value), runtime, log, preferencesUrl }))
  }
  app.route(
    "/",
    webRoutes({
      run: (e) => runtime.runPromise(e),
      publicUrl: config.email.publicUrl,
      officeAdmins: config.officeAdmins,
      logError: (message, error) => log("error", message, { error: String(error) }),
    }),
  )
  app.route(
    "/",
    await runtime.runPromise(
      makeApiFromDatabase({ rateLimit: { limit: config.rateLimitPerMinute, windowMillis: 60_000 }, log }),
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
        preferencesUrl,
        appToken: Redacted.value(config.slack.value.appToken.value),
      })
      stoppers.push(socket.stop)
    }
  }
  if (config.workers) {
    const workerId = `server-${randomUUID()}`
    const slack = Option.map(config.slack, slackSettings)
    const senders = Layer.effect(
      ChannelSenders,
      Effect.gen(function* () {
        const email = yield* makeEmailChannelSender({ links, organizer })
        if (Option.isNone(slack)) return [email]
        const client = makeWebClient(slack.value)
        // The workspace id comes from Slack (auth.test) when first needed; until Slack answers,
        // Slack deliveries wait as any unavailable provider's do.
        return [
          email,
          yield* makeSlackChannelSender({
            client,
            identity: slack.value.identity,
            workerId,
            publicUrl: slack.value.publicUrl,
            preferencesUrl,
          }),
        ]
      }),
    )
    const settings = Layer.succeed(
      DispatchSettings,
      makeDispatchSettings({
        workerId,
        configuredChannels: new Set(Option.isSome(config.slack) ? ["email", "slack"] : ["email"]),
        pollMillis: config.dispatch.pollMillis,
        retryPolicy: {
          ...defaultRetryPolicy,
          uncertainResendAfterMillis: config.dispatch.uncertainResendAfterMillis,
        },
      }),
    )
    const schedule = Layer.effectDiscard(
      Effect.gen(function* () {
        const scheduler = yield* makeEmailScheduler({ links, organizer })
        yield* scheduler.tick.pipe(
          Effect.catchCause((cause) =>
            Effect.logError("the email schedule failed; trying again shortly", cause),
          ),
          Effect.uninterruptible,
          Effect.repeat(Schedule.spaced("1 minute")),
          Effect.forkScoped,
        )
      }),
    )
    const work = Layer.mergeAll(layerDispatchWorker, schedule).pipe(
      Layer.provide(layerDispatcher),
      Layer.provide(Layer.mergeAll(senders, settings)),
    )
    // One shutdown path: interrupting closes the layers' scope; a pass in flight finishes first.
    const fiber = runtime.runFork(Layer.launch(work).pipe(Effect.provide(layerLogger(logFormat(config)))))
    stoppers.push(() => Effect.runPromise(Fiber.interrupt(fiber)).then(() => undefined))
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
