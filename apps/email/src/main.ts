import { hostname } from "node:os"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import {
  ChannelSenders,
  configuredChannelsConfig,
  layerDispatcher,
  layerDispatchSettingsFromConfig,
  layerDispatchWorker,
  layerLogger,
  logFormatFor,
} from "@spridning/dispatch"
import { Config, Effect, Layer, Schedule } from "effect"
import { layerMailSender, makeEmailChannelSenderFromConfig, makeEmailSchedulerFromConfig } from "./compose.js"
import { MailSender } from "./sending/mail-sender.js"

/**
 * Production entry: `node apps/email/dist/main.js`. The one dispatcher with the email sender
 * only, plus the email schedule (reminders, briefings), against DATABASE_URL (PGlite without
 * it). Run as many as needed: claims and once-keys keep them from sending anything twice.
 * SIGTERM lets the pass in flight finish.
 */
const workerId = `email-${hostname()}:${process.pid}`

const senders = Layer.effect(
  ChannelSenders,
  Effect.gen(function* () {
    const sender = yield* MailSender
    yield* Effect.logInfo(
      sender.kind === "sendgrid"
        ? "email sent through SendGrid"
        : "email written as .eml files to the mail sink",
    )
    return [yield* makeEmailChannelSenderFromConfig]
  }),
)

const settings = Layer.unwrap(
  Effect.map(configuredChannelsConfig, (configuredChannels) =>
    layerDispatchSettingsFromConfig({ workerId, configuredChannels }),
  ),
)

const schedule = Layer.effectDiscard(
  Effect.gen(function* () {
    const scheduler = yield* makeEmailSchedulerFromConfig()
    yield* scheduler.tick.pipe(
      Effect.catchCause((cause) => Effect.logError("the email schedule failed", cause)),
      Effect.uninterruptible,
      Effect.repeat(Schedule.spaced("1 minute")),
      Effect.forkScoped,
    )
  }),
)

const production = Config.String("NODE_ENV").pipe(
  Config.withDefault("development"),
  Config.map((env) => env === "production"),
)

const main = Layer.mergeAll(layerDispatchWorker, schedule).pipe(
  Layer.provide(layerDispatcher),
  Layer.provide(Layer.mergeAll(senders, settings)),
  Layer.provide(Layer.mergeAll(layerRepositories, layerMailSender).pipe(Layer.provideMerge(layerFromConfig))),
)

const program = Effect.gen(function* () {
  const format = logFormatFor(yield* production)
  return yield* Layer.launch(main).pipe(Effect.provide(layerLogger(format)))
})

const fiber = Effect.runFork(
  program.pipe(
    Effect.catchCause((cause) =>
      Effect.andThen(
        Effect.logError("email dispatcher stopped", cause),
        Effect.sync(() => process.exit(1)),
      ),
    ),
  ),
)
// One shutdown path: interrupting closes the layers' scope; the pass in flight finishes first.
const stop = () => {
  fiber.interruptUnsafe()
}
process.once("SIGTERM", stop)
process.once("SIGINT", stop)
