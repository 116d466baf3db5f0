import { isValidSlackRequest } from "@slack/bolt"

/** Slack's rule: a request more than five minutes from our clock may be a replay. */
export const maxClockSkewSeconds = 5 * 60

export type VerificationFailure =
  | { readonly reason: "missingHeaders" }
  | { readonly reason: "badTimestamp"; readonly timestamp: string }
  | { readonly reason: "stale"; readonly ageSeconds: number }
  | { readonly reason: "fromTheFuture"; readonly aheadSeconds: number }
  | { readonly reason: "badSignature" }

export const describeVerificationFailure = (failure: VerificationFailure): string => {
  switch (failure.reason) {
    case "missingHeaders":
      return "missing x-slack-signature or x-slack-request-timestamp"
    case "badTimestamp":
      return `x-slack-request-timestamp "${failure.timestamp}" is not a number of seconds`
    case "stale":
      return `x-slack-request-timestamp is ${failure.ageSeconds}s old (at most ${maxClockSkewSeconds}s): possible replay`
    case "fromTheFuture":
      return `x-slack-request-timestamp is ${failure.aheadSeconds}s in the future (at most ${maxClockSkewSeconds}s)`
    case "badSignature":
      return "x-slack-signature does not match the body signed with the signing secret"
  }
}

/**
 * Checks a request the way Slack asks (signature over `v0:{timestamp}:{raw body}` with the
 * signing secret, via Bolt's `isValidSlackRequest`), and also rejects timestamps far in the
 * future, which Bolt lets through: a captured request with a forged future timestamp must not
 * stay replayable for longer than five minutes.
 */
export const verifySlackSignature = (input: {
  readonly signingSecret: string
  readonly rawBody: string
  readonly signature: string | undefined
  readonly timestamp: string | undefined
  readonly nowMilliseconds: number
}): VerificationFailure | undefined => {
  if (input.signature === undefined || input.timestamp === undefined) return { reason: "missingHeaders" }
  if (!/^\d{1,12}$/.test(input.timestamp)) return { reason: "badTimestamp", timestamp: input.timestamp }
  const timestamp = Number(input.timestamp)
  const nowSeconds = Math.floor(input.nowMilliseconds / 1000)
  if (nowSeconds - timestamp > maxClockSkewSeconds)
    return { reason: "stale", ageSeconds: nowSeconds - timestamp }
  if (timestamp - nowSeconds > maxClockSkewSeconds) {
    return { reason: "fromTheFuture", aheadSeconds: timestamp - nowSeconds }
  }
  const valid = isValidSlackRequest({
    signingSecret: input.signingSecret,
    body: input.rawBody,
    headers: { "x-slack-signature": input.signature, "x-slack-request-timestamp": timestamp },
    nowMilliseconds: input.nowMilliseconds,
  })
  return valid ? undefined : { reason: "badSignature" }
}
