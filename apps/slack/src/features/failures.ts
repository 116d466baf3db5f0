import type { Language } from "@spridning/core"
import { type CommandReply, reply } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"

/**
 * What a person sees when something outside their control failed: never a stack trace, always
 * what happened and that trying again later is the remedy. The detail goes to the log.
 */
export const failureReply = (language: Language, error: unknown): CommandReply =>
  reply(failureText(language, error))

export const failureText = (language: Language, error: unknown): string => {
  const texts = textsFor(language)
  const tag = typeof error === "object" && error !== null ? (error as { _tag?: unknown })._tag : undefined
  return tag === "SlackCallFailed" ? texts.slackUnavailable : texts.storeUnavailable
}
