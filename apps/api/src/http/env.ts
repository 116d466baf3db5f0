import type { Caller } from "../auth/caller.js"
import type { Log } from "./logging.js"

/** What middleware puts on every request's context. */
export interface ApiEnv {
  Variables: {
    caller: Caller
    /** The host's log (the one Effect logger), set before anything else runs. */
    log: Log
    /** Set by the host's `requestId()` middleware, when it has one. */
    requestId?: string
  }
}
