import { type Log, type LogFormat, makeLog } from "@spridning/dispatch"
import { Option } from "effect"
import type { MiddlewareHandler } from "hono"
import { requestId } from "hono/request-id"
import type { ServerConfig } from "./config.js"

export { type Log, type LogLevel, makeLog } from "@spridning/dispatch"

/** JSON lines in production, readable lines in development, unless SPRIDNING_LOG_FORMAT says. */
export const logFormat = (config: Pick<ServerConfig, "logFormat" | "production">): LogFormat =>
  Option.getOrElse(config.logFormat, () => (config.production ? "json" : "pretty"))

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

/** The process's one log function, for code outside Effect (the same Effect logger underneath). */
export const makeServerLog = (config: Pick<ServerConfig, "logFormat" | "production">): Log =>
  makeLog(logFormat(config))
