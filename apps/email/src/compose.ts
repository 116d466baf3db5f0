import { Effect, Layer, Option } from "effect"
import { emailConfig, makeMailSenderFromConfig } from "./config/email-config.js"
import { makeEmailChannelSender } from "./delivery/email-channel.js"
import { makeLinkSigner } from "./links/signed-links.js"
import { type EmailRouteServices, emailRoutes } from "./routes/email-routes.js"
import { type EmailSchedulerOptions, makeEmailScheduler } from "./schedule/email-scheduler.js"
import { MailSender } from "./sending/mail-sender.js"
import { webhookPublicKey } from "./webhook/event-webhook.js"

/**
 * The email routes over the repositories in the current context, configured from the
 * environment (SPRIDNING_LINK_SECRET, SPRIDNING_PUBLIC_URL, SENDGRID_WEBHOOK_PUBLIC_KEY).
 * The composed server mounts the result: `app.route("/", yield* makeEmailRoutesFromConfig)`.
 */
export const makeEmailRoutesFromConfig = Effect.gen(function* () {
  const config = yield* emailConfig
  const context = yield* Effect.context<EmailRouteServices>()
  return emailRoutes({
    run: (effect) => Effect.runPromise(Effect.provideContext(effect, context)),
    links: makeLinkSigner(config.linkSecret, config.publicUrl),
    ...Option.match(config.webhookPublicKey, {
      onNone: () => ({}),
      onSome: (key) => ({ webhookKey: webhookPublicKey(key) }),
    }),
  })
})

/** SendGrid when SENDGRID_API_KEY is set, else the `.eml` mail sink. */
export const layerMailSender: Layer.Layer<MailSender, unknown> = Layer.effect(
  MailSender,
  Effect.map(emailConfig, makeMailSenderFromConfig),
)

/** The email channel's sender for the dispatcher, configured from the environment; needs a MailSender. */
export const makeEmailChannelSenderFromConfig = Effect.gen(function* () {
  const config = yield* emailConfig
  return yield* makeEmailChannelSender({
    links: makeLinkSigner(config.linkSecret, config.publicUrl),
    organizer: config.from,
  })
})

type Configured<T> = Omit<T, "links" | "organizer">

export const makeEmailSchedulerFromConfig = (options: Configured<EmailSchedulerOptions> = {}) =>
  Effect.gen(function* () {
    const config = yield* emailConfig
    return yield* makeEmailScheduler({
      ...options,
      links: makeLinkSigner(config.linkSecret, config.publicUrl),
      organizer: config.from,
    })
  })
