import type { WebClient } from "@slack/web-api"
import {
  type Audience,
  indexNetwork,
  type Language,
  planDissemination,
  type ThemeGroupId,
  type Update,
  type UpdateId,
} from "@spridning/core"
import { type NewUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"
import { postingRightIn, postingRights } from "../people/posting-rights.js"
import type { SlackPerson } from "../people/slack-person.js"
import { slackCall } from "../slack-api/slack-call.js"
import { type CommandReply, escapeMrkdwn, reply } from "../views/blocks.js"
import { postFields, postModal } from "../views/post-modal.js"
import { textsFor } from "../views/texts.js"

/** `/spridning inlägg`: opens the modal, or says why the person cannot post. */
export const openPostModal = Effect.fn("openPostModal")(function* (
  client: WebClient,
  who: SlackPerson,
  language: Language,
  triggerId: string,
) {
  const texts = textsFor(language)
  const rights = postingRights(who.network, who.person, who.isAdmin)
  if (rights.length === 0) return reply(texts.postNoRights) as CommandReply | undefined
  const index = indexNetwork(who.network)
  const view = postModal(language, rights, (id) => index.regionById.get(id as never)?.name ?? id)
  yield* slackCall("views.open", () => client.views.open({ trigger_id: triggerId, view }))
  return undefined
})

type StateValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>

interface FieldValue {
  readonly value?: string | null
  readonly selected_option?: { readonly value?: string } | null
  readonly selected_date?: string | null
}

const field = (values: StateValues, blockId: string): FieldValue =>
  (values[blockId]?.value ?? {}) as FieldValue

const textOf = (values: StateValues, blockId: string): string | undefined => {
  const entry = field(values, blockId)
  const raw = entry.value ?? entry.selected_option?.value ?? entry.selected_date ?? undefined
  const trimmed = raw?.trim()
  return trimmed === undefined || trimmed === "" ? undefined : trimmed
}

/** What the modal answers Slack: close it, or show an error under the named inputs. */
export type SubmissionAnswer =
  | { readonly response_action: "clear" }
  | { readonly response_action: "errors"; readonly errors: Readonly<Record<string, string>> }

export interface PostOutcome {
  readonly answer: SubmissionAnswer
  /** A line for the person once the modal has closed. */
  readonly confirmation?: string
}

/**
 * The modal was submitted: check the fields and the right to post again (a modal can outlive
 * a role), plan the dissemination with core and publish update and deliveries in one go.
 * The update's id comes from the modal's view id, so a repeated submission finds it published
 * and publishes nothing twice.
 */
export const submitPost = Effect.fn("submitPost")(function* (
  who: SlackPerson,
  language: Language,
  viewId: string,
  values: StateValues,
  now: Date,
) {
  const texts = textsFor(language)
  const errors: Record<string, string> = {}
  const themeGroupId = textOf(values, postFields.themeGroup) as ThemeGroupId | undefined
  const kind = textOf(values, postFields.kind) === "workListItem" ? "workListItem" : "meetingNotes"
  const title = textOf(values, postFields.title)
  const body = textOf(values, postFields.body)
  const meetingDate = textOf(values, postFields.meetingDate)
  const status = textOf(values, postFields.status)
  if (themeGroupId === undefined) errors[postFields.themeGroup] = texts.fieldRequired
  if (title === undefined) errors[postFields.title] = texts.fieldRequired
  if (body === undefined) errors[postFields.body] = texts.fieldRequired
  if (kind === "meetingNotes" && meetingDate === undefined)
    errors[postFields.meetingDate] = texts.meetingDateRequired
  if (
    themeGroupId === undefined ||
    title === undefined ||
    body === undefined ||
    Object.keys(errors).length > 0
  ) {
    return { answer: { response_action: "errors", errors } } satisfies PostOutcome
  }
  const right = postingRightIn(who.network, who.person, who.isAdmin, themeGroupId)
  const groupName = indexNetwork(who.network).themeGroupById.get(themeGroupId)?.name ?? themeGroupId
  if (right === undefined) {
    return {
      answer: {
        response_action: "errors",
        errors: { [postFields.themeGroup]: texts.postNotAllowed(groupName) },
      },
    } satisfies PostOutcome
  }
  const audience: Audience = {
    scope: "network",
    themeGroups: [themeGroupId],
    ...(right.onlyRegion === undefined ? {} : { regions: [right.onlyRegion] }),
  }
  const id = `slack-${viewId}`
  const update: Update = { id: id as UpdateId, kind, themeGroupId, title, audience }
  const details: NewUpdate["details"] =
    kind === "meetingNotes"
      ? { kind: "meetingNotes", meetingDate: meetingDate ?? now.toISOString().slice(0, 10) }
      : {
          kind: "workListItem",
          status: status === "ongoing" || status === "done" ? status : "planned",
        }
  const plan = yield* planDissemination(who.network, update)
  const updates = yield* Updates
  const published = yield* updates
    .publish({ id, themeGroupId, title, body, audience, details }, plan, who.actor, now)
    .pipe(
      Effect.map((result) => ({ _tag: "Published" as const, count: result.deliveries })),
      Effect.catchTag("Duplicate", () => Effect.succeed({ _tag: "AlreadyPublished" as const })),
    )
  return {
    answer: { response_action: "clear" },
    confirmation:
      published._tag === "Published"
        ? texts.published(escapeMrkdwn(title), escapeMrkdwn(groupName), published.count)
        : texts.alreadyPublished,
  } satisfies PostOutcome
})
