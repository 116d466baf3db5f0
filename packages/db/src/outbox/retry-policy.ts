/**
 * When a failed delivery is tried again, for every channel draining the outbox: exponential
 * backoff with jitter, never sooner than the provider asked (SendGrid's or Slack's Retry-After).
 */
export interface RetryPolicy {
  readonly maxAttempts: number
  readonly baseDelayMillis: number
  readonly maxDelayMillis: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMillis: 30_000,
  maxDelayMillis: 6 * 60 * 60_000,
}

/**
 * `attempts` counts the attempt that just failed (1 for the first). "Equal jitter": half the
 * exponential delay is fixed, half random, so retries of a whole batch spread out.
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
