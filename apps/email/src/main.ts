import { hostname } from "node:os"
import { layerFromConfig, layerRepositories } from "@spridning/db"
import { Config, Effect, Fiber, Layer, ManagedRuntime } from "effect"
import { layerMailSender, makeEmailSchedulerFromConfig, makeEmailWorkerFromConfig } from "./compose.js"
import { MailSender } from "./sending/mail-sender.js"

/**
 * Production entry: `node apps/email/dist/main.js`. Drains email deliveries and runs the
 * schedule (digests, reminders, briefings) against DATABASE_URL (PGlite without it). Run as
 * many as needed: claims and once-keys keep them from sending anything twice.
 */
const runtime = ManagedRuntime.make(
  Layer.mergeAll(layerRepositories, layerMailSender).pipe(Layer.provideMerge(layerFromConfig)),
)

const main = Effect.gen(function* () {
  const pollMillis = yield* Config.Int("SPRIDNING_MAIL_POLL_MS").pipe(Config.withDefault(2000))
  const worker = yield* makeEmailWorkerFromConfig({ workerId: `${hostname()}:${process.pid}` })
  const scheduler = yield* makeEmailSchedulerFromConfig()
  const sender = yield* MailSender
  yield* Effect.logInfo(
    sender.kind === "sendgrid"
      ? "email worker sending through SendGrid"
      : "email worker writing .eml files to the mail sink",
  )
  const logged = <A, E>(what: string, effect: Effect.Effect<A, E>) =>
    effect.pipe(Effect.catchCause((cause) => Effect.as(Effect.logError(`${what} failed`, cause), undefined)))
  const drainLoop = Effect.forever(
    Effect.gen(function* () {
      const report = yield* logged("draining the outbox", worker.drainOnce)
      if (report === undefined || report.claimed === 0) yield* Effect.sleep(pollMillis)
      else yield* Effect.logInfo("email drain", report)
    }),
  )
  const scheduleLoop = Effect.forever(
    Effect.andThen(logged("the email schedule", scheduler.tick), Effect.sleep("1 minute")),
  )
  yield* Effect.all([drainLoop, scheduleLoop], { concurrency: 2 })
})

const fiber = runtime.runFork(
  main.pipe(
    Effect.catchCause((cause) =>
      Effect.andThen(
        Effect.logError("email worker stopped", cause),
        Effect.sync(() => process.exit(1)),
      ),
    ),
  ),
)
const stop = () => {
  void Effect.runPromise(Fiber.interrupt(fiber)).finally(() => {
    void runtime.dispose().then(() => process.exit(0))
  })
}
process.once("SIGTERM", stop)
process.once("SIGINT", stop)
