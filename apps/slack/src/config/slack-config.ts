import { Config, Option, Redacted } from "effect"
import { slackIdentity } from "./slack-identity.js"

/** Everything the Slack app reads from the environment. */
export interface SlackConfig {
  readonly signingSecret: Redacted.Redacted<string>
  readonly botToken: Redacted.Redacted<string>
  /** `xapp-…`: when set, Slack talks to us over Socket Mode instead of `/slack/events`. */
  readonly appToken: Option.Option<Redacted.Redacted<string>>
  /** Overrides `https://slack.com/api/` (Slack's government cloud, tests). */
  readonly apiUrl: Option.Option<string>
  /**
   * The bot's and the workspace's ids. Not needed: `auth.test` tells them when first needed.
   * Given, they save that one call (and all three together mean Slack is never asked).
   */
  readonly botId: Option.Option<string>
  readonly botUserId: Option.Option<string>
  readonly teamId: Option.Option<string>
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
  botId: Config.option(nonEmpty("SLACK_BOT_ID")),
  botUserId: Config.option(nonEmpty("SLACK_BOT_USER_ID")),
  teamId: Config.option(nonEmpty("SLACK_TEAM_ID")),
  // The environment loader sets it from PORT when it is not given (see db's cli/environment).
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

/**
 * The pieces `slackRoutes` / `startSocketMode` / the worker take, from a read config. The
 * identity asks Slack lazily; `whenIdentified` starts what needs the workspace id.
 */
export const slackSettings = (config: SlackConfig) => {
  const botToken = Redacted.value(config.botToken)
  const apiUrl = Option.match(config.apiUrl, { onNone: () => ({}), onSome: (url) => ({ apiUrl: url }) })
  const given = {
    ...Option.match(config.botId, { onNone: () => ({}), onSome: (botId) => ({ botId }) }),
    ...Option.match(config.botUserId, { onNone: () => ({}), onSome: (botUserId) => ({ botUserId }) }),
    ...Option.match(config.teamId, { onNone: () => ({}), onSome: (teamId) => ({ teamId }) }),
  }
  return {
    signingSecret: Redacted.value(config.signingSecret),
    botToken,
    adminEmails: config.adminEmails,
    publicUrl: config.publicUrl,
    ...apiUrl,
    identity: slackIdentity({ botToken, ...apiUrl }, given),
  }
}
