import type { WebClient } from "@slack/web-api"
import type { Language } from "@spridning/core"
import { Updates } from "@spridning/db"
import { Effect } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { type SlackCallFailed, slackCall } from "../slack-api/slack-call.js"
import { forwardedMessage, forwardFields, forwardModal, forwardTextsFor } from "../views/forward.js"
import type { StateValues, SubmissionAnswer } from "./post.js"
import { recordReceipt } from "./receipts.js"

/** "Delat vidare" clicked on a DM: the modal that offers to share the update in Slack. */
export const openForwardModal = Effect.fn("openForwardModal")(function* (
  client: WebClient,
  language: Language,
  updateId: string,
  triggerId: string,
) {
  const update = yield* (yield* Updates).get(updateId)
  yield* slackCall("views.open", () =>
    client.views.open({ trigger_id: triggerId, view: forwardModal(language, update) }),
  )
})

interface Picked {
  readonly selected_conversation?: string | null
  readonly selected_user?: string | null
  readonly value?: string | null
}

const picked = (values: StateValues, blockId: string): Picked => (values[blockId]?.value ?? {}) as Picked

/** Slack's answers that mean the bot cannot post there (not a member, or no such channel). */
const cannotPostThere = new Set(["not_in_channel", "channel_not_found", "is_archived", "restricted_action"])

/**
 * The forward modal was submitted: the update goes to the chosen channel and/or person with the
 * sharer's note and the "Sprid vidare till" line, and Delat vidare is recorded for the sharer
 * (once per person and update, whichever copy it came from). A channel the bot cannot post in
 * is named under its field; nothing is recorded twice when a second target fails.
 */
export const submitForward = Effect.fn("submitForward")(function* (
  client: WebClient,
  who: SlackPerson,
  language: Language,
  input: {
    readonly updateId: string
    readonly sharerSlackId: string
    readonly values: StateValues
    readonly publicUrl: string
    readonly now: Date
  },
) {
  const texts = forwardTextsFor(language)
  const channel = picked(input.values, forwardFields.channel).selected_conversation ?? undefined
  const person = picked(input.values, forwardFields.person).selected_user ?? undefined
  const note = picked(input.values, forwardFields.note).value?.trim() || undefined
  const errors = (fields: Record<string, string>): SubmissionAnswer => ({
    response_action: "errors",
    errors: fields,
  })
  if (channel === undefined && person === undefined)
    return errors({ [forwardFields.channel]: texts.chooseOne })
  const update = yield* (yield* Updates).get(input.updateId)
  const groupName =
    update.themeGroupId === undefined
      ? undefined
      : who.network.themeGroups.find((group) => group.id === update.themeGroupId)?.name
  const message = forwardedMessage({
    language,
    update,
    ...(groupName === undefined ? {} : { groupName }),
    sharerSlackId: input.sharerSlackId,
    ...(note === undefined ? {} : { note }),
    publicUrl: input.publicUrl,
  })
  const post = (target: string) =>
    slackCall("chat.postMessage", () =>
      client.chat.postMessage({
        channel: target,
        text: message.text,
        blocks: [...message.blocks],
        unfurl_links: false,
      }),
    ).pipe(
      Effect.as(undefined),
      Effect.catchTag("SlackCallFailed", (error) => Effect.succeed(error)),
    )
  const failed: Record<string, string> = {}
  const failure = (error: SlackCallFailed | undefined, field: string, text: string) => {
    if (error !== undefined) failed[field] = text
    return error
  }
  if (channel !== undefined) {
    const error = yield* post(channel)
    failure(
      error,
      forwardFields.channel,
      error !== undefined && cannotPostThere.has(error.error) ? texts.cannotPost : texts.cannotReach,
    )
  }
  if (person !== undefined) failure(yield* post(person), forwardFields.person, texts.cannotReach)
  // Shared somewhere: that is Delat vidare, whatever else failed.
  const sharedSomewhere =
    (channel !== undefined && failed[forwardFields.channel] === undefined) ||
    (person !== undefined && failed[forwardFields.person] === undefined)
  if (sharedSomewhere) yield* recordReceipt(who, input.updateId, "passedOn", input.now)
  return Object.keys(failed).length > 0 ? errors(failed) : ({ response_action: "clear" } as SubmissionAnswer)
})
