import type { Language } from "@spridning/core"
import { type Log, logFormatFor, makeLog } from "@spridning/dispatch"
import type { SpridningRuntime } from "./services.js"

export type { Log, LogLevel } from "@spridning/dispatch"

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
  /** The reader's own settings page (a signed link), kept on a DM when a receipt click redraws it. */
  readonly preferencesUrl?: (personId: string) => string
  /** How long a command's answer may take before it goes through `response_url` instead (2 s). */
  readonly answerWithinMillis?: number
}

/** Without a log from the host: the one Effect logger (dispatch's), JSON lines in production. */
export const defaultLog: Log = makeLog(logFormatFor(process.env.NODE_ENV === "production"))
