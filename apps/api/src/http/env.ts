import type { Caller } from "../auth/caller.js"

/** What middleware puts on every request's context. */
export interface ApiEnv {
  Variables: {
    caller: Caller
  }
}
