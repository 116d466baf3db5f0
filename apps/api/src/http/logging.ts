import { type Log, logFormatFor, makeLog } from "@spridning/dispatch"
import type { Context } from "hono"

export type { Log } from "@spridning/dispatch"

/** The API's log when its host gives none: the one Effect logger, JSON lines in production. */
export const defaultLog = (): Log => makeLog(logFormatFor(process.env.NODE_ENV === "production"))

/** Stack and message, or what an unknown throw says: annotations must survive JSON. */
export const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)

/**
 * A failure while answering a request, logged with the request's id (set by the host's
 * `requestId()` middleware; `X-Request-Id` in the answer), method and path.
 */
export const logRequestFailure = (c: Context, message: string, error: unknown): void => {
  const log = c.get("log") as Log | undefined
  const requestId = c.get("requestId") as string | undefined
  ;(log ?? fallback())("error", message, {
    ...(requestId === undefined ? {} : { requestId }),
    method: c.req.method,
    path: c.req.path,
    error: describeError(error),
  })
}

let fallbackLog: Log | undefined
/** For a context the API's own middleware did not see (an app mounting parts of it). */
const fallback = (): Log => {
  fallbackLog ??= defaultLog()
  return fallbackLog
}
