import { Config, Option, Redacted } from "effect"

/** Everything the Slack app reads from the environment. */
export interface SlackConfig {
  readonly signingSecret: Redacted.Redacted<string>
  readonly botToken: Redacted.Redacted<string>
  /** `xapp-…`: when set, Slack talks to us over Socket Mode instead of `/slack/events`. */
  readonly appToken: Option.Option<Redacted.Redacted<string>>
  /** Overrides `https://slack.com/api/` (Slack's government cloud, tests). */
  readonly apiUrl: Option.Option<string>
  readonly botId: string
  readonly botUserId: string
  /** The workspace the app is installed in (`T…`): people are linked per workspace. */
  readonly teamId: string
  /** The network office's emails: they may publish in every group. */
  readonly adminEmails: ReadonlyArray<string>
  /** Where Spridning's pages are: "Läs mer", calendar files and proposal links point there. */
  readonly publicUrl: string
}

const nonEmpty = (name: string) => Config.NonEmptyString(name).pipe(Config.map((value) => value.trim()))

const apiUrl = Config.option(
  Config.String("SLACK_API_URL").pipe(Config.map((url) => (url.endsWith("/") ? url : `${url}/`))),
)

export const slackConfig: Config.Config<SlackConfig> = Config.all({
  signingSecret: Config.Redacted("SLACK_SIGNING_SECRET"),
  botToken: Config.Redacted("SLACK_BOT_TOKEN"),
  appToken: Config.option(Config.Redacted("SLACK_APP_TOKEN")),
  apiUrl,
  botId: nonEmpty("SLACK_BOT_ID"),
  botUserId: nonEmpty("SLACK_BOT_USER_ID"),
  teamId: nonEmpty("SLACK_TEAM_ID"),
  publicUrl: Config.String("SPRIDNING_PUBLIC_URL").pipe(
    Config.withDefault("http://localhost:3000"),
    Config.map((url) => url.replace(/\/+$/, "")),
  ),
  adminEmails: Config.String("SPRIDNING_SLACK_ADMINS").pipe(
    Config.withDefault(""),
    Config.map((list) =>
      list
        .split(",")
        .map((email) => email.trim())
        .filter((email) => email !== ""),
    ),
  ),
})

/** The pieces `slackRoutes` / `startSocketMode` / the worker take, from a read config. */
export const slackSettings = (config: SlackConfig) => ({
  signingSecret: Redacted.value(config.signingSecret),
  botToken: Redacted.value(config.botToken),
  botId: config.botId,
  botUserId: config.botUserId,
  teamId: config.teamId,
  adminEmails: config.adminEmails,
  publicUrl: config.publicUrl,
  ...Option.match(config.apiUrl, { onNone: () => ({}), onSome: (url) => ({ apiUrl: url }) }),
})
