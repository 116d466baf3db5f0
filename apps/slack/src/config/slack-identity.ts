import type { AuthorizeResult } from "@slack/bolt"
import { classifySlackError, makeWebClient, type SlackClientSettings } from "../slack-api/slack-call.js"
import type { Log } from "../slack-app/deps.js"

/** Who the app is in Slack: the bot and the workspace it is installed in. */
export interface SlackIdentity {
  readonly botId: string
  readonly botUserId: string
  readonly teamId: string
}

export interface SlackIdentitySource {
  /** Asks Slack (`auth.test`) the first time; the answer is kept. A failure is not kept. */
  readonly get: () => Promise<SlackIdentity>
}

/**
 * The bot and team ids from `auth.test`, fetched when first needed and then cached, so an
 * operator sets only the signing secret and the bot token and start-up never waits on Slack.
 * Ids given in the configuration are used as they are, and with all three Slack is never asked.
 */
export const slackIdentity = (
  settings: SlackClientSettings,
  given: Partial<SlackIdentity> = {},
): SlackIdentitySource => {
  const { botId, botUserId, teamId } = given
  if (botId !== undefined && botUserId !== undefined && teamId !== undefined) {
    const known = Promise.resolve({ botId, botUserId, teamId })
    return { get: () => known }
  }
  const client = makeWebClient(settings)
  let cached: Promise<SlackIdentity> | undefined
  return {
    get: () => {
      cached ??= client.auth.test().then(
        (answer) => {
          const found = {
            botId: botId ?? answer.bot_id,
            botUserId: botUserId ?? answer.user_id,
            teamId: teamId ?? answer.team_id,
          }
          if (found.botId === undefined || found.botUserId === undefined || found.teamId === undefined) {
            throw new Error("Slack's auth.test named no bot: SLACK_BOT_TOKEN must be a bot token (xoxb-…)")
          }
          return { botId: found.botId, botUserId: found.botUserId, teamId: found.teamId }
        },
        (error: unknown) => {
          cached = undefined
          throw classifySlackError("auth.test", error)
        },
      )
      return cached
    },
  }
}

/**
 * Bolt's `authorize` over the identity: with Slack's Web API down, requests are still
 * handled (with the token alone), so `/spridning hjälp` answers; Bolt only loses the ids it
 * uses to ignore the bot's own events, which Spridning does not listen to.
 */
export const authorizeWith =
  (botToken: string, identity: SlackIdentitySource, log: Log) => async (): Promise<AuthorizeResult> => {
    try {
      const { botId, botUserId, teamId } = await identity.get()
      return { botToken, botId, botUserId, teamId }
    } catch (error) {
      log("warn", "Slack's auth.test failed; answering without the bot's ids", error)
      return { botToken }
    }
  }

/**
 * Starts what needs the workspace id (the Slack delivery worker) once Slack has told it,
 * asking again with a growing pause while Slack cannot be reached. Never blocks the caller.
 */
export const whenIdentified = (
  identity: SlackIdentitySource,
  log: Log,
  start: (identity: SlackIdentity) => { readonly stop: () => Promise<void> },
): { readonly stop: () => Promise<void> } => {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let started: { readonly stop: () => Promise<void> } | undefined
  const attempt = (count: number) => {
    identity.get().then(
      (found) => {
        if (!stopped) started = start(found)
      },
      (error: unknown) => {
        if (stopped) return
        const delay = Math.min(60_000, 1_000 * 2 ** count)
        log(
          "warn",
          `Slack's auth.test failed; Slack deliveries start once it answers (next try in ${delay} ms)`,
          error,
        )
        timer = setTimeout(() => attempt(count + 1), delay)
        timer.unref()
      },
    )
  }
  attempt(0)
  return {
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await started?.stop()
    },
  }
}
