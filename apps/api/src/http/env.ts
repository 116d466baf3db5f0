import type { RateLimitInfo } from "hono-rate-limiter"
import type { Caller } from "../auth/caller.js"
import type { Log } from "./logging.js"

/** What middleware puts on every request's context. */
export interface ApiEnv {
  Variables: {
    caller: Caller
    /** The host's log (the one Effect logger), set before anything else runs. */
    log: Log
    /** The caller's budget, set by hono-rate-limiter (its `requestPropertyName`) before the route runs. */
    rateLimit?: RateLimitInfo
    /** The caller's budget as draft-7 `RateLimit` headers, once the rate limit has counted the request. */
    rateLimitHeaders?: Readonly<Record<string, string>>
    /** The answer `answerWith` made, which carries every header already. */
    completeAnswer?: Response
    /** Set by the host's `requestId()` middleware, when it has one. */
    requestId?: string
  }
}
