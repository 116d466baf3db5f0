import type { App } from "@slack/bolt"
import type { WebClient } from "@slack/web-api"
import { Effect } from "effect"
import { parseCommand } from "../commands/parse-command.js"
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
  },
) => {
  const { command, typedIn } = parseCommand(input.text)
  return Effect.gen(function* () {
    const helpOnly = command._tag === "Help" || command._tag === "Unknown"
    const { who, language } = yield* resolvePerson(
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
    }
  }).pipe(
    Effect.catch((error) =>
      Effect.sync(() => {
        deps.log("error", `/spridning ${command._tag} failed`, error)
        return failureReply(typedIn, error) as CommandReply | undefined
      }),
    ),
  )
}

/**
 * `/spridning …`: one listener; each subcommand's answer comes from its feature module and is
 * sent as the acknowledgement itself (ephemeral), so it arrives within Slack's three seconds.
 */
export const registerSpridningCommand = (app: App, deps: SlackAppDeps): void => {
  app.command(spridningCommand, async ({ command, ack, client }) => {
    const answered = await deps.runtime.runPromise(
      answer(deps, client, {
        text: command.text,
        teamId: command.team_id,
        userId: command.user_id,
        triggerId: command.trigger_id,
      }),
    )
    await ack(answered === undefined ? undefined : { ...answered, blocks: [...answered.blocks] })
  })
}
