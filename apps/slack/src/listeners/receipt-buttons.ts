import type { App, BlockButtonAction } from "@slack/bolt"
import type { KnownBlock } from "@slack/types"
import type { ReceiptKind } from "@spridning/core"
import { Updates } from "@spridning/db"
import { Effect } from "effect"
import { failureText } from "../features/failures.js"
import { openForwardModal, submitForward } from "../features/forward.js"
import { homeView } from "../features/home.js"
import type { StateValues } from "../features/post.js"
import { recordReceipt } from "../features/receipts.js"
import { slackCall } from "../slack-api/slack-call.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { digestItemBlockPrefix, markDigestItem } from "../views/digest-message.js"
import { type ForwardMetadata, forwardFields, forwardModalCallbackId } from "../views/forward.js"
import { receiptLabel } from "../views/labels.js"
import { textsFor } from "../views/texts.js"
import { receiptActions, updateMessage } from "../views/update-message.js"
import { resolvePerson } from "./resolve-person.js"

const kinds: ReadonlyArray<ReceiptKind> = ["read", "passedOn", "acted"]

/**
 * Läst / Delat vidare / Omsatt i handling: one listener per button. The click is acknowledged
 * at once; then the receipt is recorded and the message (a DM), the App Home, or an ephemeral
 * note (a group channel) shows what was marked.
 */
export const registerReceiptButtons = (app: App, deps: SlackAppDeps): void => {
  registerForward(app, deps)
  for (const kind of kinds) {
    app.action<BlockButtonAction>(receiptActions[kind], async ({ ack, body, action, client }) => {
      await ack()
      const teamId = body.team?.id ?? body.user.team_id ?? ""
      const userId = body.user.id
      const channelId = body.channel?.id ?? body.container?.channel_id
      const messageTs = body.message?.ts ?? body.container?.message_ts
      await deps.runtime.runPromise(
        Effect.gen(function* () {
          const { who, language } = yield* resolvePerson(deps, client, { teamId, userId })
          const texts = textsFor(language)
          const tell = (text: string) =>
            channelId === undefined
              ? Effect.void
              : slackCall("chat.postEphemeral", () =>
                  client.chat.postEphemeral({ channel: channelId, user: userId, text }),
                )
          if (who === undefined) return yield* tell(texts.notLinked)
          // "Delat vidare" on a DM also offers to share the update in Slack; the modal opens
          // first, while Slack's trigger is fresh.
          if (kind === "passedOn" && channelId?.startsWith("D") === true) {
            yield* openForwardModal(client, language, action.value ?? "", body.trigger_id).pipe(
              Effect.catch((error) =>
                Effect.sync(() => deps.log("warn", "could not open the Delat vidare modal", error)),
              ),
            )
          }
          const outcome = yield* recordReceipt(who, action.value ?? "", kind, deps.now())
          if (outcome._tag === "NoDelivery") return yield* tell(texts.receiptNoDelivery)
          if (body.container?.type === "view") {
            const view = yield* homeView(who, language, deps.now(), deps.publicUrl)
            return yield* slackCall("views.publish", () => client.views.publish({ user_id: userId, view }))
          }
          if (
            channelId !== undefined &&
            messageTs !== undefined &&
            action.block_id.startsWith(digestItemBlockPrefix)
          ) {
            // A digest keeps its other items: only the clicked one shows what is marked.
            const blocks = markDigestItem(
              (body.message?.blocks ?? []) as ReadonlyArray<KnownBlock>,
              outcome.delivery.updateId,
              `:white_check_mark: ${texts.receiptsDone(outcome.done.map((done) => receiptLabel(language, done)).join(", "))}`,
            )
            return yield* slackCall("chat.update", () =>
              client.chat.update({
                channel: channelId,
                ts: messageTs,
                text: body.message?.text ?? "",
                blocks,
              }),
            )
          }
          if (channelId?.startsWith("D") === true && messageTs !== undefined) {
            const update = yield* (yield* Updates).get(outcome.delivery.updateId)
            const message = updateMessage({
              language,
              network: who.network,
              update,
              publicUrl: deps.publicUrl,
              reasons: outcome.delivery.reasons,
              ...(outcome.delivery.bridge === undefined ? {} : { bridge: outcome.delivery.bridge }),
              receiptsDone: outcome.done,
              // Redrawn as the sender drew it, with the link to the reader's settings.
              ...(deps.preferencesUrl === undefined
                ? {}
                : { preferencesUrl: deps.preferencesUrl(who.person.id) }),
            })
            return yield* slackCall("chat.update", () =>
              client.chat.update({
                channel: channelId,
                ts: messageTs,
                text: message.text,
                blocks: message.blocks,
              }),
            )
          }
          const label = receiptLabel(language, kind)
          return yield* tell(outcome.isNew ? texts.receiptRecorded(label) : texts.receiptAlready(label))
        }).pipe(
          Effect.asVoid,
          Effect.catch((error) => Effect.sync(() => deps.log("error", `receipt ${kind} failed`, error))),
        ),
      )
    })
  }
}

const readMetadata = (raw: string): ForwardMetadata | undefined => {
  try {
    const parsed = JSON.parse(raw) as Partial<ForwardMetadata>
    return typeof parsed.updateId === "string"
      ? { updateId: parsed.updateId, language: parsed.language ?? "sv" }
      : undefined
  } catch {
    return undefined
  }
}

/** The Delat vidare modal was submitted: share the update where chosen and record the receipt. */
const registerForward = (app: App, deps: SlackAppDeps): void => {
  app.view(forwardModalCallbackId, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id
    const userId = body.user.id
    const metadata = readMetadata(view.private_metadata)
    const answer = await deps.runtime.runPromise(
      Effect.gen(function* () {
        const { who, language } = yield* resolvePerson(deps, client, { teamId, userId })
        if (who === undefined || metadata === undefined) {
          return {
            response_action: "errors" as const,
            errors: { [forwardFields.channel]: textsFor(language).notLinked },
          }
        }
        return yield* submitForward(client, who, language, {
          updateId: metadata.updateId,
          sharerSlackId: userId,
          values: view.state.values as StateValues,
          publicUrl: deps.publicUrl,
          now: deps.now(),
        })
      }).pipe(
        Effect.catch((error) =>
          Effect.sync(() => {
            deps.log("error", "sharing an update from Slack failed", error)
            return {
              response_action: "errors" as const,
              errors: {
                [forwardFields.channel]: failureText(metadata?.language ?? deps.defaultLanguage, error),
              },
            }
          }),
        ),
      ),
    )
    await ack(answer)
  })
}
