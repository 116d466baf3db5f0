import type { App } from "@slack/bolt"
import type { WebClient } from "@slack/web-api"
import type { Language } from "@spridning/core"
import { Effect } from "effect"
import { parseCommand } from "../commands/parse-command.js"
import { channelCommand } from "../features/channel.js"
import { coverageReply } from "../features/coverage.js"
import { digestCommand } from "../features/digest.js"
import { failureReply } from "../features/failures.js"
import { followCommand, unfollowCommand } from "../features/follow.js"
import { helpReply } from "../features/help.js"
import { openPostModal } from "../features/post.js"
import { whoCommand } from "../features/who.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { type CommandReply, reply } from "../views/blocks.js"
import { textsFor } from "../views/texts.js"
import { resolvePerson } from "./resolve-person.js"

/** The command's Slack name; the manifest declares the same. */
export const spridningCommand = "/spridning"

const answer = (
  deps: SlackAppDeps,
  client: WebClient,
  input: {
    readonly text: string
    readonly teamId: string
    readonly userId: string
    readonly triggerId: string
    readonly channelId: string
  },
) => {
  const { command, typedIn } = parseCommand(input.text)
  // Errors are told in the person's language once they are known, not in the typed word's.
  let language: Language = typedIn
  return Effect.gen(function* () {
    const helpOnly = command._tag === "Help" || command._tag === "Unknown"
    const resolved = yield* resolvePerson(
      deps,
      client,
      { teamId: input.teamId, userId: input.userId },
      typedIn,
    ).pipe(
      // Help needs nobody's records: with Slack's Web API down it still answers, in the language typed.
      Effect.catch((error) =>
        helpOnly
          ? Effect.succeed({ who: undefined, language: typedIn ?? deps.defaultLanguage })
          : Effect.fail(error),
      ),
    )
    const who = resolved.who
    language = resolved.language
    if (command._tag === "Help") return helpReply(language)
    if (command._tag === "Unknown") return helpReply(language, command.input)
    if (who === undefined) return reply(textsFor(language).notLinked)
    switch (command._tag) {
      case "Coverage":
        return coverageReply(who.network, language, command.region)
      case "Who":
        return yield* whoCommand(who.network, who.person, language, command.query)
      case "Follow":
        return yield* followCommand(who, language, command.themeGroup)
      case "Unfollow":
        return yield* unfollowCommand(who, language, command.themeGroup)
      case "Post":
        return yield* openPostModal(client, who, language, input.triggerId)
      case "Digest":
        return yield* digestCommand(who, language, deps.now())
      case "Channel":
        return yield* channelCommand(
          who,
          language,
          {
            teamId: input.teamId,
            channelId: input.channelId,
            withHistory: command.withHistory,
            ...(command.themeGroup === undefined ? {} : { themeGroup: command.themeGroup }),
          },
          deps.now(),
        )
    }
  }).pipe(
    Effect.catch((error) =>
      Effect.sync(() => {
        deps.log("error", `/spridning ${command._tag} failed`, error)
        return failureReply(language, error) as CommandReply | undefined
      }),
    ),
    Effect.map((answered) => ({ answered, language })),
  )
}

/**
 * Slack waits three seconds for the acknowledgement. An answer ready before this is the
 * acknowledgement itself; a slower one (Slack taking seconds to tell us who a first-time user
 * is) is acknowledged with "one moment" and delivered through the command's `response_url`,
 * so nobody is left with an empty answer.
 */
const answerWithinMillis = 2_000

const blocksOf = (answered: CommandReply) => ({ ...answered, blocks: [...answered.blocks] })

/**
 * `/spridning …`: one listener; each subcommand's answer comes from its feature module and is
 * sent as the acknowledgement itself (ephemeral), or through `response_url` when it is slow.
 */
export const registerSpridningCommand = (app: App, deps: SlackAppDeps): void => {
  app.command(spridningCommand, async ({ command, ack, respond, client }) => {
    const pending = deps.runtime.runPromise(
      answer(deps, client, {
        text: command.text,
        teamId: command.team_id,
        userId: command.user_id,
        triggerId: command.trigger_id,
        channelId: command.channel_id,
      }),
    )
    let timer: NodeJS.Timeout | undefined
    const slow = new Promise<"slow">((resolve) => {
      timer = setTimeout(() => resolve("slow"), deps.answerWithinMillis ?? answerWithinMillis)
    })
    const first = await Promise.race([pending, slow])
    clearTimeout(timer)
    if (first !== "slow") {
      await ack(first.answered === undefined ? undefined : blocksOf(first.answered))
      return
    }
    await ack(reply(textsFor(parseCommand(command.text).typedIn).oneMoment))
    const { answered } = await pending
    if (answered === undefined) return
    await respond({ ...blocksOf(answered), response_type: "ephemeral", replace_original: true }).catch(
      (error: unknown) => deps.log("error", "answering through response_url failed", error),
    )
  })
}
