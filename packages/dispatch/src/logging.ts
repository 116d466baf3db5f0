import { Effect, type Layer, Logger } from "effect"

export type LogFormat = "json" | "pretty"
export type LogLevel = "info" | "warn" | "error"

/** JSON lines in production, a readable line in development. */
export const logFormatFor = (production: boolean): LogFormat => (production ? "json" : "pretty")

/** The process's one logger: Effect's, in the chosen format. Every entry point provides it. */
export const layerLogger = (format: LogFormat): Layer.Layer<never> =>
  Logger.layer([format === "json" ? Logger.consoleJson : Logger.consolePretty({ colors: false })])

/**
 * For code outside Effect (Hono middleware, Bolt listeners): `(level, message, detail)` written
 * through the same Effect logger, so one process has one log format.
 */
export type Log = (level: LogLevel, message: string, detail?: unknown) => void

const effectLevel = { info: "Info", warn: "Warn", error: "Error" } as const

const describe = (detail: unknown): unknown =>
  detail instanceof Error ? { error: detail.name, message: detail.message } : detail

export const makeLog = (format: LogFormat): Log => {
  const logger = layerLogger(format)
  return (level, message, detail) => {
    const entry = Effect.logWithLevel(effectLevel[level])(message)
    Effect.runFork(
      (detail === undefined
        ? entry
        : entry.pipe(
            Effect.annotateLogs(
              typeof detail === "object" && detail !== null && !(detail instanceof Error)
                ? (detail as Record<string, unknown>)
                : { detail: describe(detail) },
            ),
          )
      ).pipe(Effect.provide(logger)),
    )
  }
}
