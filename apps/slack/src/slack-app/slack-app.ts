import { App, LogLevel, SocketModeReceiver } from "@slack/bolt"
import type { Hono } from "hono"
import { authorizeWith, type SlackIdentitySource, slackIdentity } from "../config/slack-identity.js"
import { HonoReceiver } from "../http/hono-receiver.js"
import { registerAppHome } from "../listeners/app-home.js"
import { registerLinkUnfurls } from "../listeners/link-unfurls.js"
import { registerPostSubmission } from "../listeners/post-submission.js"
import { registerReceiptButtons } from "../listeners/receipt-buttons.js"
import { registerSpridningCommand } from "../listeners/spridning-command.js"
import { webClientOptions } from "../slack-api/slack-call.js"
import { defaultLog, type Log, type SlackAppDeps } from "./deps.js"
import type { SpridningRuntime } from "./services.js"

export interface SlackAppOptions {
  readonly botToken: string
  /**
   * Who the bot is: from `auth.test` when first needed (see `slackIdentity`). Starting never
   * waits for (or fails on) Slack, and requests are handled even when `auth.test` fails.
   */
  readonly identity?: SlackIdentitySource
  /** The bot's ids given outright (tests): Bolt then never calls `auth.test`. */
  readonly botId?: string
  readonly botUserId?: string
  /** Overrides `https://slack.com/api/`. */
  readonly apiUrl?: string
  readonly runtime: SpridningRuntime
  /** Emails of the network office (admins), compared without case. */
  readonly adminEmails?: ReadonlyArray<string>
  readonly now?: () => Date
  readonly log?: Log
  readonly defaultLanguage?: "sv" | "en"
  /** Spridning's public address (SPRIDNING_PUBLIC_URL), for links in messages. */
  readonly publicUrl?: string
  /** How long a command's answer may take before it goes through `response_url` (2 s). */
  readonly answerWithinMillis?: number
  /** The reader's settings page, signed with the mail side's secret (as the DM sender links it). */
  readonly preferencesUrl?: (personId: string) => string
}

const depsOf = (options: SlackAppOptions): SlackAppDeps => ({
  runtime: options.runtime,
  adminEmails: new Set(
    (options.adminEmails ?? []).map((email) => email.trim().toLowerCase()).filter((e) => e !== ""),
  ),
  now: options.now ?? (() => new Date()),
  log: options.log ?? defaultLog,
  defaultLanguage: options.defaultLanguage ?? "sv",
  publicUrl: options.publicUrl ?? "http://localhost:3000",
  ...(options.answerWithinMillis === undefined ? {} : { answerWithinMillis: options.answerWithinMillis }),
  ...(options.preferencesUrl === undefined ? {} : { preferencesUrl: options.preferencesUrl }),
})

/** Every feature's listeners, on any Bolt app (HTTP or Socket Mode). */
export const registerFeatures = (app: App, deps: SlackAppDeps): void => {
  registerSpridningCommand(app, deps)
  registerPostSubmission(app, deps)
  registerReceiptButtons(app, deps)
  registerAppHome(app, deps)
  registerLinkUnfurls(app, deps)
}

const boltLogLevel = LogLevel.WARN

/** Bolt's credentials: the ids when given, else an `authorize` that asks `auth.test` lazily. */
const credentials = (options: SlackAppOptions, log: Log) =>
  options.botId !== undefined && options.botUserId !== undefined
    ? { token: options.botToken, botId: options.botId, botUserId: options.botUserId }
    : {
        authorize: authorizeWith(
          options.botToken,
          options.identity ??
            slackIdentity({
              botToken: options.botToken,
              ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
            }),
          log,
        ),
      }

export interface SlackRoutesOptions extends SlackAppOptions {
  readonly signingSecret: string
  /** Answer only after listeners finished (tests, serverless). */
  readonly processBeforeResponse?: boolean
  /** Milliseconds since the epoch for signature checks; tests move it. */
  readonly clock?: () => number
}

/**
 * A Hono sub-app serving `POST /slack/events` (slash commands, interactivity and the Events
 * API share it). Mount it on the API server: `api.route("/", slackRoutes(options))`.
 */
export const slackRoutes = (options: SlackRoutesOptions): Hono => {
  const deps = depsOf(options)
  const receiver = new HonoReceiver({
    signingSecret: options.signingSecret,
    log: deps.log,
    ...(options.processBeforeResponse === undefined
      ? {}
      : { processBeforeResponse: options.processBeforeResponse }),
    ...(options.clock === undefined ? {} : { now: options.clock }),
  })
  const app = new App({
    receiver,
    ...credentials(options, deps.log),
    clientOptions: webClientOptions({
      botToken: options.botToken,
      ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
    }),
    logLevel: boltLogLevel,
  })
  registerFeatures(app, deps)
  return receiver.routes
}

export interface SocketModeOptions extends SlackAppOptions {
  /** `xapp-…`: an app-level token with `connections:write`. */
  readonly appToken: string
}

/**
 * Socket Mode: Slack pushes requests over a WebSocket, no public URL needed. Connecting is
 * retried in the background; a Slack that cannot be reached never stops the process.
 */
export const startSocketMode = (options: SocketModeOptions): { readonly stop: () => Promise<void> } => {
  const deps = depsOf(options)
  const clientOptions = webClientOptions({
    botToken: options.botToken,
    ...(options.apiUrl === undefined ? {} : { apiUrl: options.apiUrl }),
  })
  // Built here rather than by Bolt so that opening the socket also uses SLACK_API_URL and no
  // client-side retries (Bolt would otherwise pass neither to the Socket Mode client).
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logLevel: boltLogLevel,
    installerOptions: { clientOptions },
  })
  const app = new App({
    receiver,
    socketMode: true,
    appToken: options.appToken,
    ...credentials(options, deps.log),
    clientOptions,
    logLevel: boltLogLevel,
  })
  registerFeatures(app, deps)
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const connect = (attempt: number) => {
    app.start().then(
      () => deps.log("info", "Slack Socket Mode connected"),
      (error: unknown) => {
        if (stopped) return
        const delay = Math.min(60_000, 1_000 * 2 ** attempt)
        deps.log("warn", `Slack Socket Mode could not connect; retrying in ${delay} ms`, error)
        timer = setTimeout(() => connect(attempt + 1), delay)
        timer.unref()
      },
    )
  }
  connect(0)
  return {
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await app.stop().catch(() => undefined)
    },
  }
}
