import { rateLimiter, type Store } from "hono-rate-limiter"
import type { SharedCounter } from "../backend.js"
import type { ApiEnv } from "./env.js"
import { makeProblem } from "./problem.js"

export interface RateLimitOptions {
  /** Requests one token may make per window. */
  readonly limit: number
  readonly windowMillis: number
}

/**
 * hono-rate-limiter's store over counters kept in PostgreSQL, so every instance draws on the
 * one budget a token has (the library's own stores are per process or need Redis).
 */
const sharedStore = (counter: SharedCounter, windowMillis: number): Store<ApiEnv> => ({
  localKeys: false,
  prefix: "api:",
  increment: async (key) => {
    const { hits, resetAt } = await counter.hit(`api:${key}`, windowMillis)
    return { totalHits: hits, resetTime: resetAt }
  },
  decrement: (key) => counter.unhit(`api:${key}`),
  resetKey: (key) => counter.reset(`api:${key}`),
})

/**
 * Each token has its own budget, so one busy integration cannot starve the network office.
 * With `shared` (PostgreSQL) the budget holds across every instance. The limiter sets
 * `Retry-After` and the draft-7 `RateLimit` headers itself.
 */
export const perTokenRateLimit = (options: RateLimitOptions, shared?: SharedCounter) =>
  rateLimiter<ApiEnv>({
    windowMs: options.windowMillis,
    limit: options.limit,
    standardHeaders: "draft-7",
    keyGenerator: (c) => c.get("caller").tokenId,
    ...(shared === undefined ? {} : { store: sharedStore(shared, options.windowMillis) }),
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
