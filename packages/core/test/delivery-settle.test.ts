import { describe, expect, it } from "vitest"
import { defaultRetryPolicy, type RetryPolicy, settleFailure } from "../src/index.js"

const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMillis: 1_000,
  maxDelayMillis: 60_000,
  uncertainResendAfterMillis: 600_000,
}
const noJitter = () => 0

describe("settleFailure", () => {
  it("honours a 429's Retry-After counted from when the 429 answered, not from the start of the pass", () => {
    const settled = settleFailure(
      { attempts: 1 },
      {
        kind: "rateLimited",
        retryAfterMillis: 15_000,
        answeredAt: new Date("2026-11-30T10:00:20.000Z"),
        detail: "SendGrid 429",
      },
      policy,
      noJitter,
    )
    expect(settled).toEqual({ _tag: "RetryAt", at: new Date("2026-11-30T10:00:35.000Z") })
  })

  it("backs off exponentially from the failure's own time, half fixed and half jittered", () => {
    // attempt 3 with base 1 s: 4 s, half fixed (2 s) + 0.5 × half (1 s) = 3 s
    const settled = settleFailure(
      { attempts: 3 },
      { kind: "unavailable", answeredAt: new Date("2026-11-30T10:00:00.000Z"), detail: "503" },
      policy,
      () => 0.5,
    )
    expect(settled).toEqual({ _tag: "RetryAt", at: new Date("2026-11-30T10:00:03.000Z") })
  })

  it("settles a failed batch as one unit: one time for all, from its highest attempt count, one draw", () => {
    let draws = 0
    const random = () => {
      draws++
      return 1
    }
    const settled = settleFailure(
      [{ attempts: 1 }, { attempts: 3 }, { attempts: 2 }],
      { kind: "unavailable", answeredAt: new Date("2026-11-30T10:00:00.000Z"), detail: "502" },
      policy,
      random,
    )
    // attempt 3: 4 s, fully jittered up to 4 s
    expect(settled).toEqual({ _tag: "RetryAt", at: new Date("2026-11-30T10:00:04.000Z") })
    expect(draws).toBe(1)
  })

  it("never retries a refusal", () => {
    const settled = settleFailure(
      { attempts: 1 },
      {
        kind: "rejected",
        answeredAt: new Date("2026-11-30T10:00:00Z"),
        detail: "SendGrid 400: invalid from",
      },
      policy,
      noJitter,
    )
    expect(settled).toEqual({ _tag: "GiveUp", reason: "SendGrid 400: invalid from" })
  })

  it("gives up after the last attempt", () => {
    const settled = settleFailure(
      [{ attempts: 2 }, { attempts: 4 }],
      { kind: "unavailable", answeredAt: new Date("2026-11-30T10:00:00Z"), detail: "503" },
      policy,
      noJitter,
    )
    expect(settled).toEqual({ _tag: "GiveUp", reason: "gave up after 4 attempts: 503" })
  })

  it("waits ten minutes by default before re-sending an uncertain delivery", () => {
    expect(defaultRetryPolicy.uncertainResendAfterMillis).toBe(600_000)
  })
})
