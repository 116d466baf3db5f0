import type { App } from "@slack/bolt"
import { Effect } from "effect"
import { homeView, unknownPersonHome } from "../features/home.js"
import { slackCall } from "../slack-api/slack-call.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { openUpdateAction } from "../views/digest-message.js"
import { resolvePerson } from "./resolve-person.js"

/** Opening the app's Home tab publishes a fresh Home for that person. */
export const registerAppHome = (app: App, deps: SlackAppDeps): void => {
  // "Öppna" buttons are links; Slack still sends the click, which only needs an answer.
  app.action(openUpdateAction, async ({ ack }) => {
    await ack()
  })
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return
    const teamId = body.team_id
    await deps.runtime.runPromise(
      Effect.gen(function* () {
        const { who, language } = yield* resolvePerson(deps, client, { teamId, userId: event.user })
        const view =
          who === undefined
            ? unknownPersonHome(language)
            : yield* homeView(who, language, deps.now(), deps.publicUrl)
        yield* slackCall("views.publish", () => client.views.publish({ user_id: event.user, view }))
      }).pipe(Effect.catch((error) => Effect.sync(() => deps.log("error", "App Home failed", error)))),
    )
  })
}
