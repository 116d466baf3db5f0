import type { WebClient } from "@slack/web-api"
import {
  Audience,
  catalogue,
  indexNetwork,
  type Language,
  mayPublish,
  type PlanReach,
  planDissemination,
  planReach,
  publishersOf,
  publishingChoices,
  publishRefusalText,
  refuseMergedInUpdate,
  restrictedRegion,
  ThemeGroupId,
  type Update,
  UpdateId,
  updateLinks,
} from "@spridning/core"
import { type NewUpdate, Updates } from "@spridning/db"
import { Effect, Option, Schema } from "effect"
import type { SlackPerson } from "../people/slack-person.js"
import { slackCall } from "../slack-api/slack-call.js"
import { type CommandReply, escapeMrkdwn, reply } from "../views/blocks.js"
import { allRegionsValue, postFields, postModal } from "../views/post-modal.js"
import { textsFor } from "../views/texts.js"

/** `/spridning inlägg`: opens the modal, or says why the person cannot post. */
export const openPostModal = Effect.fn("openPostModal")(function* (
  client: WebClient,
  who: SlackPerson,
  language: Language,
  triggerId: string,
) {
  const texts = textsFor(language)
  const rights = publishingChoices(who.network, publishersOf(who.network, who.person.id, who.isAdmin))
  if (rights.length === 0) return reply(texts.postNoRights) as CommandReply | undefined
  const view = postModal(language, rights, who.network.regions)
  yield* slackCall("views.open", () => client.views.open({ trigger_id: triggerId, view }))
  return undefined
})

type StateValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>

interface FieldValue {
  readonly value?: string | null
  readonly selected_option?: { readonly value?: string } | null
  readonly selected_options?: ReadonlyArray<{ readonly value?: string }> | null
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

const selectedValues = (values: StateValues, blockId: string): ReadonlyArray<string> =>
  (field(values, blockId).selected_options ?? []).flatMap((option) =>
    option.value === undefined || option.value === "" ? [] : [option.value],
  )

const decodeGroup = Schema.decodeUnknownOption(ThemeGroupId)
const decodeAudience = Schema.decodeUnknownOption(Audience)
const decodeUpdateId = Schema.decodeUnknownSync(UpdateId)

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
/** "går ut till 68 personer", the regions that cannot be reached, and the update's page. */
const confirmationText = (
  who: SlackPerson,
  language: Language,
  reach: PlanReach,
  title: string,
  groupName: string,
  publicUrl: string,
  id: string,
) => {
  const texts = textsFor(language)
  const index = indexNetwork(who.network)
  const unreachable = reach.unreachableRegions.map((r) => index.regionById.get(r)?.name ?? r)
  const page = updateLinks(publicUrl, { id, kind: "meetingNotes" }).page
  return [
    texts.published(escapeMrkdwn(title), escapeMrkdwn(groupName), reach.people),
    ...(unreachable.length === 0 ? [] : [texts.unreachable(escapeMrkdwn(unreachable.join(", ")))]),
    `<${page}|${catalogue(language).content.openUpdate}>`,
  ].join("\n")
}

export const submitPost = Effect.fn("submitPost")(function* (
  who: SlackPerson,
  language: Language,
  viewId: string,
  values: StateValues,
  now: Date,
  publicUrl = "http://localhost:3000",
) {
  const texts = textsFor(language)
  const errors: Record<string, string> = {}
  const groupValue = textOf(values, postFields.themeGroup)
  const themeGroupId = groupValue === undefined ? undefined : Option.getOrUndefined(decodeGroup(groupValue))
  const kind = textOf(values, postFields.kind) === "workListItem" ? "workListItem" : "meetingNotes"
  const title = textOf(values, postFields.title)
  const body = textOf(values, postFields.body)
  const meetingDate = textOf(values, postFields.meetingDate)
  const status = textOf(values, postFields.status)
  if (title === undefined) errors[postFields.title] = texts.fieldRequired
  if (body === undefined) errors[postFields.body] = texts.fieldRequired
  if (kind === "meetingNotes" && meetingDate === undefined)
    errors[postFields.meetingDate] = texts.meetingDateRequired
  if (title === undefined || body === undefined || Object.keys(errors).length > 0) {
    return { answer: { response_action: "errors", errors } } satisfies PostOutcome
  }
  const index = indexNetwork(who.network)
  const groupName =
    themeGroupId === undefined
      ? texts.noGroup
      : (index.themeGroupById.get(themeGroupId)?.name ?? themeGroupId)
  const publishers = publishersOf(who.network, who.person.id, who.isAdmin)
  const chosen = selectedValues(values, postFields.regions)
  const onlyRegion = restrictedRegion(publishers, themeGroupId)
  // Nothing chosen: as wide as the person's right reaches; "the whole network" is chosen explicitly.
  const regions = chosen.includes(allRegionsValue)
    ? []
    : chosen.length > 0
      ? chosen
      : onlyRegion === undefined
        ? []
        : [onlyRegion]
  const audience = Option.getOrUndefined(
    decodeAudience({
      scope: "network",
      ...(themeGroupId === undefined ? {} : { themeGroups: [themeGroupId] }),
      ...(regions.length === 0 ? {} : { regions }),
    }),
  )
  if (groupValue !== undefined && (themeGroupId === undefined || !index.themeGroupById.has(themeGroupId))) {
    return {
      answer: {
        response_action: "errors",
        errors: { [postFields.themeGroup]: texts.postNotAllowed(groupValue) },
      },
    } satisfies PostOutcome
  }
  if (
    audience === undefined ||
    (audience.regions ?? []).some((regionId) => !index.regionById.has(regionId))
  ) {
    return {
      answer: { response_action: "errors", errors: { [postFields.regions]: texts.fieldRequired } },
    } satisfies PostOutcome
  }
  const decision = mayPublish(who.network, publishers, {
    ...(themeGroupId === undefined ? {} : { themeGroupId }),
    audience,
  })
  if (decision._tag === "Refused") {
    const reason = decision.reason
    const error =
      reason._tag === "MayNotPublish"
        ? {
            [postFields.themeGroup]:
              themeGroupId === undefined ? texts.postNoRights : texts.postNotAllowed(groupName),
          }
        : reason._tag === "NotYourThemeGroup"
          ? { [postFields.themeGroup]: publishRefusalText(who.network, language, reason) }
          : { [postFields.regions]: publishRefusalText(who.network, language, reason) }
    return { answer: { response_action: "errors", errors: error } } satisfies PostOutcome
  }
  const id = `slack-${viewId}`
  const update: Update = {
    id: decodeUpdateId(id),
    kind,
    ...(themeGroupId === undefined ? {} : { themeGroupId }),
    title,
    audience,
  }
  const details: NewUpdate["details"] =
    kind === "meetingNotes"
      ? { kind: "meetingNotes", meetingDate: meetingDate ?? now.toISOString().slice(0, 10) }
      : {
          kind: "workListItem",
          status: status === "ongoing" || status === "done" ? status : "planned",
        }
  const merged = yield* refuseMergedInUpdate(who.network, update).pipe(
    Effect.as(undefined),
    Effect.catchTag("ThemeGroupMerged", (refused) =>
      Effect.succeed(
        catalogue(language).mergedGroup(
          index.themeGroupById.get(refused.themeGroupId)?.name ?? refused.themeGroupId,
          refused.mergedIntoName,
        ),
      ),
    ),
  )
  if (merged !== undefined) {
    return {
      answer: { response_action: "errors", errors: { [postFields.themeGroup]: merged } },
    } satisfies PostOutcome
  }
  const plan = yield* planDissemination(who.network, update)
  const updates = yield* Updates
  const published = yield* updates
    .publish(
      { id, ...(themeGroupId === undefined ? {} : { themeGroupId }), title, body, audience, details },
      plan,
      who.actor,
      now,
    )
    .pipe(
      Effect.map(() => ({ _tag: "Published" as const, reach: planReach(plan, who.person.id) })),
      Effect.catchTag("Duplicate", () => Effect.succeed({ _tag: "AlreadyPublished" as const })),
    )
  return {
    answer: { response_action: "clear" },
    confirmation:
      published._tag === "Published"
        ? confirmationText(who, language, published.reach, title, groupName, publicUrl, id)
        : texts.alreadyPublished,
  } satisfies PostOutcome
})
