import type { Context } from "hono"
import { createMiddleware } from "hono/factory"
import { type RateLimitInfo, rateLimiter, type Store } from "hono-rate-limiter"
import type { SharedCounter } from "../backend.js"
import { answerWith } from "./answer-headers.js"
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

const secondsUntil = (resetTime: Date | undefined, windowMillis: number): number =>
  resetTime === undefined
    ? Math.ceil(windowMillis / 1000)
    : Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000))

/**
 * The IETF draft-7 `RateLimit-Policy` and `RateLimit` headers, as the library writes them.
 * They are made here as a plain record rather than by the library's `c.header` calls, which
 * would make every answer's headers a Fetch `Headers` object (see `answerWith`).
 */
const draft7Headers = (info: RateLimitInfo | undefined, windowMillis: number): Record<string, string> =>
  info === undefined
    ? {}
    : {
        "ratelimit-policy": `${info.limit};w=${Math.ceil(windowMillis / 1000)}`,
        ratelimit: `limit=${info.limit}, remaining=${info.remaining}, reset=${secondsUntil(info.resetTime, windowMillis)}`,
      }

/**
 * Each token has its own budget, so one busy integration cannot starve the network office.
 * With `shared` (PostgreSQL) the budget holds across every instance. Every answer says what
 * is left of the budget; a refused request is told when to try again (`Retry-After`).
 */
export const perTokenRateLimit = (options: RateLimitOptions, shared?: SharedCounter) => {
  const limiter = rateLimiter<ApiEnv>({
    windowMs: options.windowMillis,
    limit: options.limit,
    standardHeaders: false,
    keyGenerator: (c) => c.get("caller").tokenId,
    ...(shared === undefined ? {} : { store: sharedStore(shared, options.windowMillis) }),
    handler: (c: Context<ApiEnv>) => {
      const problem = makeProblem(
        429,
        `This token may make ${options.limit} requests per ${Math.max(1, Math.round(options.windowMillis / 1000))} s; wait for the number of seconds in Retry-After.`,
        { instance: c.req.path },
      )
      return answerWith(c, JSON.stringify(problem), 429, {
        "content-type": "application/problem+json",
        ...draft7Headers(c.get("rateLimit"), options.windowMillis),
        "retry-after": String(secondsUntil(c.get("rateLimit")?.resetTime, options.windowMillis)),
      })
    },
  })
  return createMiddleware<ApiEnv>((c, next) =>
    limiter(c, () => {
      c.set("rateLimitHeaders", draft7Headers(c.get("rateLimit"), options.windowMillis))
      return next()
    }),
  )
}
