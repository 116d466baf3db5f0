import type { Language } from "@spridning/core"
import type { SpridningRuntime } from "./services.js"

export type LogLevel = "info" | "warn" | "error"
export type Log = (level: LogLevel, message: string, detail?: unknown) => void

/** What every listener needs besides Slack's own arguments. */
export interface SlackAppDeps {
  readonly runtime: SpridningRuntime
  /** Emails (lower case) of the network office: they may publish in every group. */
  readonly adminEmails: ReadonlySet<string>
  readonly now: () => Date
  readonly log: Log
  /** For people Spridning does not know yet. */
  readonly defaultLanguage: Language
  /** Spridning's public address, for "Läs mer", calendar files and proposal links. */
  readonly publicUrl: string
  /** How long a command's answer may take before it goes through `response_url` instead (2 s). */
  readonly answerWithinMillis?: number
}

export const consoleLog: Log = (level, message, detail) => {
  const line = JSON.stringify({ level, message, ...(detail === undefined ? {} : { detail: String(detail) }) })
  if (level === "error") console.error(line)
  else console.log(line)
}
