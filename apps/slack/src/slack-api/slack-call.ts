import { ErrorCode, WebClient, type WebClientOptions } from "@slack/web-api"
import { Effect, Schema } from "effect"

/**
 * A Web API call that did not succeed. `rateLimited` (HTTP 429) carries Slack's
 * `Retry-After`; `unavailable` (network, 5xx) is worth retrying; `rejected` is Slack's
 * `{ ok: false, error }` (e.g. `channel_not_found`, `invalid_auth`) and retrying will not help.
 */
export class SlackCallFailed extends Schema.TaggedError<SlackCallFailed>()("SlackCallFailed", {
  method: Schema.String,
  kind: Schema.Literals(["rateLimited", "unavailable", "rejected"]),
  error: Schema.String,
  retryAfterSeconds: Schema.optionalKey(Schema.Number),
}) {
  override get message(): string {
    return this.kind === "rateLimited"
      ? `Slack ${this.method} was rate limited; retry after ${this.retryAfterSeconds ?? "?"}s`
      : `Slack ${this.method} failed (${this.kind}): ${this.error}`
  }
}

const hasCode = (error: unknown): error is { code: string } =>
  typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"

export const classifySlackError = (method: string, error: unknown): SlackCallFailed => {
  if (hasCode(error)) {
    switch (error.code) {
      case ErrorCode.RateLimitedError:
        return new SlackCallFailed({
          method,
          kind: "rateLimited",
          error: "ratelimited",
          retryAfterSeconds: (error as unknown as { retryAfter: number }).retryAfter,
        })
      case ErrorCode.PlatformError:
        return new SlackCallFailed({
          method,
          kind: "rejected",
          error: String((error as unknown as { data: { error: string } }).data.error),
        })
      case ErrorCode.HTTPError: {
        const status = (error as unknown as { statusCode: number }).statusCode
        return new SlackCallFailed({
          method,
          kind: status >= 500 ? "unavailable" : "rejected",
          error: `HTTP ${status}`,
        })
      }
      case ErrorCode.RequestError:
        return new SlackCallFailed({
          method,
          kind: "unavailable",
          error: String((error as unknown as Error).message),
        })
    }
  }
  return new SlackCallFailed({
    method,
    kind: "unavailable",
    error: error instanceof Error ? error.message : String(error),
  })
}

/** Runs one Web API call as an Effect, its failure classified. */
export const slackCall = <A>(method: string, call: () => Promise<A>): Effect.Effect<A, SlackCallFailed> =>
  Effect.tryPromise({ try: call, catch: (error) => classifySlackError(method, error) })

export interface SlackClientSettings {
  readonly botToken: string
  /** Overrides `https://slack.com/api/` (Slack's government cloud, tests). */
  readonly apiUrl?: string
}

/**
 * The Web API client options Spridning uses everywhere: a 429 comes back to us (the outbox
 * schedules the retry after `Retry-After`) instead of the client sleeping inside a request,
 * and the client does not retry by itself, so a dead Slack never holds a worker or a listener.
 */
export const webClientOptions = (settings: SlackClientSettings): WebClientOptions => ({
  ...(settings.apiUrl === undefined ? {} : { slackApiUrl: settings.apiUrl }),
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
})

export const makeWebClient = (settings: SlackClientSettings): WebClient =>
  new WebClient(settings.botToken, webClientOptions(settings))
