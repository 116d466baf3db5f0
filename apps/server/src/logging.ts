import type { MiddlewareHandler } from "hono"
import { requestId } from "hono/request-id"

export type LogLevel = "info" | "warn" | "error"
export type Log = (level: LogLevel, message: string, detail?: unknown) => void

const describe = (detail: unknown): unknown =>
  detail instanceof Error ? { error: detail.name, message: detail.message } : detail

/**
 * One log line per event: JSON for machines in production, a readable line in development.
 * Every line carries its time and level; request lines carry the request id.
 */
export const makeLog =
  (
    format: "json" | "pretty",
    write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ): Log =>
  (level, message, detail) => {
    const at = new Date().toISOString()
    if (format === "json") {
      write(
        JSON.stringify({ at, level, message, ...(detail === undefined ? {} : { detail: describe(detail) }) }),
      )
      return
    }
    const extra = detail === undefined ? "" : ` ${JSON.stringify(describe(detail))}`
    write(`${at.slice(11, 19)} ${level.toUpperCase().padEnd(5)} ${message}${extra}`)
  }

/** Gives each request an id (honouring an incoming `X-Request-Id`) and logs it when answered. */
export const requestLogging = (log: Log): ReadonlyArray<MiddlewareHandler> => [
  requestId(),
  async (c, next) => {
    const started = performance.now()
    await next()
    const status = c.res.status
    log(status >= 500 ? "error" : "info", `${c.req.method} ${c.req.path} ${status}`, {
      requestId: c.get("requestId"),
      ms: Math.round(performance.now() - started),
    })
  },
]
