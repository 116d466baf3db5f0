import { type Channel, defaultRetryPolicy, type RetryPolicy } from "@spridning/core"
import { Config, Context, Layer } from "effect"

/** How a dispatcher runs; built once per process from configuration (`dispatchConfig`). */
export interface DispatchSettingsShape {
  /** Names this dispatcher in the outbox; only it may mark what it claimed. */
  readonly workerId: string
  /** Pause between passes when nothing was due. */
  readonly pollMillis: number
  /** Deliveries claimed per statement (a batch); best a multiple of 1,000, SendGrid's request size. */
  readonly claimLimit: number
  /**
   * Batches one pass may claim while earlier ones are still going out; the pass ends sooner when
   * nothing more is due. Bounds how long a pass (and so a shutdown) takes.
   */
  readonly claimsPerPass: number
  /** How long a claim holds; a claim that runs out makes its deliveries `uncertain`. */
  readonly leaseMillis: number
  /** Provider requests in flight at once. */
  readonly sendConcurrency: number
  readonly retryPolicy: RetryPolicy
  readonly random: () => number
  /**
   * The channels configured for this installation (Slack on or off), whatever senders this
   * process has: core reroutes a delivery only when its channel is not configured anywhere.
   */
  readonly configuredChannels: ReadonlySet<Channel>
}

export class DispatchSettings extends Context.Service<DispatchSettings, DispatchSettingsShape>()(
  "spridning/dispatch/DispatchSettings",
) {}

/** The dispatcher's environment: one name for the poll interval, one for the uncertain window. */
export const dispatchConfig = Config.all({
  pollMillis: Config.Int("SPRIDNING_POLL_MS").pipe(Config.withDefault(2_000)),
  uncertainResendAfterMillis: Config.Int("SPRIDNING_UNCERTAIN_RESEND_AFTER_MS").pipe(
    Config.withDefault(defaultRetryPolicy.uncertainResendAfterMillis),
  ),
})
export type DispatchConfig = Config.Success<typeof dispatchConfig>

export const makeDispatchSettings = (
  input: Pick<DispatchSettingsShape, "workerId" | "configuredChannels"> & Partial<DispatchSettingsShape>,
): DispatchSettingsShape => ({
  pollMillis: 2_000,
  claimLimit: 2_000,
  claimsPerPass: 10,
  leaseMillis: 5 * 60_000,
  sendConcurrency: 4,
  retryPolicy: defaultRetryPolicy,
  random: Math.random,
  ...input,
})

/** Settings from `dispatchConfig` plus what the entry point knows (its id, the configured channels). */
export const layerDispatchSettingsFromConfig = (
  input: Pick<DispatchSettingsShape, "workerId" | "configuredChannels"> & Partial<DispatchSettingsShape>,
) =>
  Layer.effect(
    DispatchSettings,
    Config.map(dispatchConfig, (config) =>
      makeDispatchSettings({
        pollMillis: config.pollMillis,
        ...input,
        retryPolicy: {
          ...(input.retryPolicy ?? defaultRetryPolicy),
          uncertainResendAfterMillis: config.uncertainResendAfterMillis,
        },
      }),
    ),
  )

/**
 * The channels this installation has configured: email always (SendGrid or the mail sink),
 * Slack when SLACK_SIGNING_SECRET is set (the same test the composed server makes).
 */
export const configuredChannelsConfig: Config.Config<ReadonlySet<Channel>> = Config.option(
  Config.String("SLACK_SIGNING_SECRET"),
).pipe(
  Config.map(
    (secret): ReadonlySet<Channel> =>
      new Set<Channel>(secret._tag === "Some" && secret.value !== "" ? ["email", "slack"] : ["email"]),
  ),
)
