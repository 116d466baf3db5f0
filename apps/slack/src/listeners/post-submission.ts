import type { App, BlockAction } from "@slack/bolt"
import { Effect } from "effect"
import { failureText } from "../features/failures.js"
import { refreshPostPreview, type StateValues, submitPost } from "../features/post.js"
import { slackCall } from "../slack-api/slack-call.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { postFields, postModalCallbackId } from "../views/post-modal.js"
import { textsFor } from "../views/texts.js"
import { resolvePerson } from "./resolve-person.js"

/**
 * The group or the regions changed in the open modal (`dispatch_action`): acknowledged at
 * once, then the preview is recomputed from core's plan and the view updated in place.
 */
const registerPostPreview = (app: App, deps: SlackAppDeps): void => {
  for (const blockId of [postFields.themeGroup, postFields.regions]) {
    app.action<BlockAction>({ block_id: blockId, action_id: "value" }, async ({ ack, body, client }) => {
      await ack()
      const view = body.view
      if (view === undefined || view.callback_id !== postModalCallbackId) return
      const teamId = body.team?.id ?? view.team_id
      await deps.runtime.runPromise(
        Effect.gen(function* () {
          const { who, language } = yield* resolvePerson(deps, client, { teamId, userId: body.user.id })
          if (who === undefined) return
          yield* refreshPostPreview(client, who, language, {
            id: view.id,
            hash: view.hash,
            values: view.state.values as StateValues,
          })
        }).pipe(
          Effect.catch((error) =>
            Effect.sync(() => deps.log("warn", "could not update the post preview", error)),
          ),
        ),
      )
    })
  }
}

/** The `/spridning inlägg` modal was submitted, or changed on its way there. */
export const registerPostSubmission = (app: App, deps: SlackAppDeps): void => {
  registerPostPreview(app, deps)
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
