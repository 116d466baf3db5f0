import type { App } from "@slack/bolt"
import { Effect } from "effect"
import { failureText } from "../features/failures.js"
import { submitPost } from "../features/post.js"
import { slackCall } from "../slack-api/slack-call.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { postFields, postModalCallbackId } from "../views/post-modal.js"
import { textsFor } from "../views/texts.js"
import { resolvePerson } from "./resolve-person.js"

/** The `/spridning inlägg` modal was submitted. */
export const registerPostSubmission = (app: App, deps: SlackAppDeps): void => {
  app.view(postModalCallbackId, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id
    const userId = body.user.id
    const outcome = await deps.runtime.runPromise(
      Effect.gen(function* () {
        const { who, language } = yield* resolvePerson(deps, client, { teamId, userId })
        if (who === undefined) {
          return {
            answer: {
              response_action: "errors" as const,
              errors: { [postFields.themeGroup]: textsFor(language).notLinked },
            },
          }
        }
        return yield* submitPost(who, language, view.id, view.state.values, deps.now(), deps.publicUrl)
      }).pipe(
        Effect.catch((error) =>
          Effect.sync(() => {
            deps.log("error", "publishing from Slack failed", error)
            const message = failureText(deps.defaultLanguage, error)
            return { answer: { response_action: "errors" as const, errors: { [postFields.title]: message } } }
          }),
        ),
      ),
    )
    await ack(outcome.answer)
    const confirmation = "confirmation" in outcome ? outcome.confirmation : undefined
    if (confirmation !== undefined) {
      // Best effort: the post is published whether or not this note reaches the person.
      await deps.runtime.runPromise(
        slackCall("chat.postMessage", () =>
          client.chat.postMessage({ channel: userId, text: confirmation }),
        ).pipe(
          Effect.catch((error) => Effect.sync(() => deps.log("warn", "could not confirm a post", error))),
        ),
      )
    }
  })
}
