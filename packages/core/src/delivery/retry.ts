import type { StoredDelivery } from "./model.js"

/**
 * When a failed delivery is tried again, for every channel: exponential backoff with jitter,
 * never sooner than the provider asked (SendGrid's or Slack's Retry-After).
 */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly baseDelayMillis: number
  readonly maxDelayMillis: number
  /**
   * How long an `uncertain` delivery (its lease ran out while a request may have reached the
   * provider) waits for evidence (a webhook event, the message in the Slack channel) before it
   * is sent again.
   */
  readonly uncertainResendAfterMillis: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMillis: 30_000,
  maxDelayMillis: 6 * 60 * 60_000,
  uncertainResendAfterMillis: 10 * 60_000,
}

/**
 * `attempts` counts the attempt that just failed (1 for the first). "Equal jitter": half the
 * exponential delay is fixed, half random, so retries of many batches spread out.
 */
export const retryDelayMillis = (
  policy: RetryPolicy,
  attempts: number,
  random: () => number,
  retryAfterMillis?: number,
): number => {
  const exponential = Math.min(policy.maxDelayMillis, policy.baseDelayMillis * 2 ** Math.max(0, attempts - 1))
  const jittered = exponential / 2 + random() * (exponential / 2)
  return Math.max(retryAfterMillis ?? 0, Math.round(jittered))
}

/** How a send failed, as the channel's sender reports it. */
export interface SendFailure {
  /** 429; 5xx and network errors; any other refusal (never retried). */
  readonly kind: "rateLimited" | "unavailable" | "rejected"
  /** What the provider asked for (Retry-After), if it did. */
  readonly retryAfterMillis?: number
  /** When the failure answered; waits are counted from here, not from the start of the pass. */
  readonly answeredAt: Date
  /** The provider's words (status and reason), kept as the delivery's last error. */
  readonly detail: string
}

export type Settlement =
  | { readonly _tag: "RetryAt"; readonly at: Date }
  | { readonly _tag: "GiveUp"; readonly reason: string }

/**
 * What becomes of a failed request: one delivery, or the whole batch that went in it. A batch
 * is settled as one unit (one `at` for all, from the batch's highest attempt count) so it is
 * retried whole: after a transient failure N recipients still go in ⌈N/1000⌉ requests, not in
 * as many small ones as their jittered times would scatter them into.
 */
export const settleFailure = (
  failed: Pick<StoredDelivery, "attempts"> | ReadonlyArray<Pick<StoredDelivery, "attempts">>,
  failure: SendFailure,
  policy: RetryPolicy,
  random: () => number,
): Settlement => {
  const batch: ReadonlyArray<Pick<StoredDelivery, "attempts">> = "attempts" in failed ? [failed] : failed
  const attempts = batch.reduce((highest, delivery) => Math.max(highest, delivery.attempts), 0)
  if (failure.kind === "rejected") return { _tag: "GiveUp", reason: failure.detail }
  if (attempts >= policy.maxAttempts) {
    return { _tag: "GiveUp", reason: `gave up after ${attempts} attempts: ${failure.detail}` }
  }
  const delay = retryDelayMillis(policy, attempts, random, failure.retryAfterMillis)
  return { _tag: "RetryAt", at: new Date(failure.answeredAt.getTime() + delay) }
}
