import { Config, Effect, Layer, Option, type Redacted } from "effect"
import { MailSender } from "../sending/mail-sender.js"
import { makeMailSinkSender } from "../sending/mail-sink-sender.js"
import { makeSendGridSender } from "../sending/sendgrid-sender.js"
import { makeSmtpSender } from "../sending/smtp-sender.js"

/** Everything the email channel reads from the environment. */
export interface EmailConfig {
  readonly sendGridApiKey: Option.Option<Redacted.Redacted<string>>
  readonly sendGridBaseUrl: Option.Option<string>
  /** `smtp://host:port`: mail over SMTP (Mailpit in compose.yaml) when there is no SendGrid key. */
  readonly smtpUrl?: Option.Option<string>
  readonly from: { readonly email: string; readonly name: string }
  readonly mailSinkDirectory: string
  /** Where the API is reachable by readers: links in mail point here. */
  readonly publicUrl: string
  readonly linkSecret: Redacted.Redacted<string>
  /** SendGrid's event-webhook verification key (base64 SPKI DER, as SendGrid shows it). */
  readonly webhookPublicKey: Option.Option<string>
}

const fromAddress = Config.String("SPRIDNING_MAIL_FROM").pipe(
  Config.withDefault("Spridning <spridning@localhost>"),
  Config.map((text) => {
    const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(text)
    return match === null
      ? { email: text.trim(), name: "Spridning" }
      : { email: match[2]!.trim(), name: match[1]!.replace(/^"|"$/g, "") || "Spridning" }
  }),
)

export const emailConfig: Config.Config<EmailConfig> = Config.all({
  sendGridApiKey: Config.option(Config.Redacted("SENDGRID_API_KEY")),
  sendGridBaseUrl: Config.option(Config.String("SENDGRID_API_BASE_URL")),
  smtpUrl: Config.option(Config.String("SPRIDNING_SMTP_URL")),
  from: fromAddress,
  mailSinkDirectory: Config.String("SPRIDNING_MAIL_SINK_DIR").pipe(Config.withDefault(".data/mail")),
  publicUrl: Config.String("SPRIDNING_PUBLIC_URL").pipe(
    Config.withDefault("http://localhost:3000"),
    Config.map((url) => url.replace(/\/+$/, "")),
  ),
  linkSecret: Config.Redacted("SPRIDNING_LINK_SECRET"),
  webhookPublicKey: Config.option(Config.String("SENDGRID_WEBHOOK_PUBLIC_KEY")),
})

/**
 * SendGrid when SENDGRID_API_KEY is set, else SMTP when SPRIDNING_SMTP_URL is set, else
 * `.eml` files in SPRIDNING_MAIL_SINK_DIR.
 */
export const makeMailSenderFromConfig = (config: EmailConfig) =>
  Option.match(config.sendGridApiKey, {
    onNone: () =>
      Option.match(config.smtpUrl ?? Option.none(), {
        onNone: () => makeMailSinkSender({ directory: config.mailSinkDirectory, from: config.from }),
        onSome: (url) => makeSmtpSender({ url, from: config.from }),
      }),
    onSome: (apiKey) =>
      makeSendGridSender({
        apiKey,
        from: config.from,
        ...Option.match(config.sendGridBaseUrl, { onNone: () => ({}), onSome: (baseUrl) => ({ baseUrl }) }),
      }),
  })

export const layerMailSenderFromConfig: Layer.Layer<MailSender, Config.ConfigError> = Layer.effect(
  MailSender,
  Effect.map(emailConfig, makeMailSenderFromConfig),
)
