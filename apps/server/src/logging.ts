import { type Log, type LogFormat, type LogLevel, layerLogger } from "@spridning/dispatch"
import { Effect, ManagedRuntime, Option } from "effect"
import type { MiddlewareHandler } from "hono"
import { requestId } from "hono/request-id"
import type { ServerConfig } from "./config.js"

export type { Log, LogLevel } from "@spridning/dispatch"

const effectLevel = { info: "Info", warn: "Warn", error: "Error" } as const

const annotationsOf = (detail: unknown): Record<string, unknown> =>
  typeof detail === "object" && detail !== null && !(detail instanceof Error)
    ? (detail as Record<string, unknown>)
    : { detail: detail instanceof Error ? { error: detail.name, message: detail.message } : detail }

/**
 * The process's one log for code outside Effect: dispatch's logger layer, built once. (Built
 * per line, as `@spridning/dispatch`'s `makeLog` does, a line costs about 150 µs — more than a
 * cached API read — and the server writes one per request.)
 */
export const makeLog = (format: LogFormat): Log => {
  const runtime = ManagedRuntime.make(layerLogger(format))
  return (level: LogLevel, message: string, detail?: unknown) => {
    const entry = Effect.logWithLevel(effectLevel[level])(message)
    runtime.runFork(detail === undefined ? entry : entry.pipe(Effect.annotateLogs(annotationsOf(detail))))
  }
}

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
