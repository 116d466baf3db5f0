import { rateLimiter } from "hono-rate-limiter"
import type { ApiEnv } from "./env.js"
import { makeProblem } from "./problem.js"

export interface RateLimitOptions {
  /** Requests one token may make per window. */
  readonly limit: number
  readonly windowMillis: number
}

/**
 * Each token has its own budget, so one busy integration cannot starve the network office.
 * The limiter sets `Retry-After` and the draft-7 `RateLimit` headers itself.
 */
export const perTokenRateLimit = (options: RateLimitOptions) =>
  rateLimiter<ApiEnv>({
    windowMs: options.windowMillis,
    limit: options.limit,
    standardHeaders: "draft-7",
    keyGenerator: (c) => c.get("caller").tokenId,
    handler: (c) => {
      const problem = makeProblem(
        429,
        `This token may make ${options.limit} requests per ${Math.max(1, Math.round(options.windowMillis / 1000))} s; wait for the number of seconds in Retry-After.`,
        { instance: c.req.path },
      )
      c.header("content-type", "application/problem+json")
      return c.body(JSON.stringify(problem), 429)
    },
  })
