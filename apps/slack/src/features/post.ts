import type { WebClient } from "@slack/web-api"
import {
  Audience,
  catalogue,
  type DisseminationPlan,
  indexNetwork,
  type Language,
  mayPublish,
  type PublishingChoice,
  planDissemination,
  planReach,
  previewDissemination,
  publishersOf,
  publishingChoices,
  publishRefusalText,
  type RegionId,
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
import { type PostPreview, previewBlocks, previewLines } from "../views/post-preview.js"
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
  const preview = yield* postPreview(who, language, initialValues(rights))
  const view = postModal(language, rights, who.network.regions, preview)
  yield* slackCall("views.open", () => client.views.open({ trigger_id: triggerId, view }))
  return undefined
})

export type StateValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>

/** The modal's state before anything is touched: the one group preselected when there is one. */
const initialValues = (rights: ReadonlyArray<PublishingChoice>): StateValues =>
  rights.length === 1 && rights[0] !== undefined
    ? { [postFields.themeGroup]: { value: { selected_option: { value: rights[0].themeGroup.id } } } }
    : {}

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

/** Who the modal's fields say the post is for, once core has allowed it. */
interface Draft {
  readonly themeGroupId?: ThemeGroupId
  readonly groupName: string
  readonly kind: "meetingNotes" | "workListItem"
  readonly audience: Audience
}

/**
 * The group and regions chosen in the modal, checked the way publishing checks them (core's
 * rights, merged groups): either a draft that may be published, or the errors per field.
 */
const draftOf = Effect.fn("draftOf")(function* (who: SlackPerson, language: Language, values: StateValues) {
  const texts = textsFor(language)
  const groupValue = textOf(values, postFields.themeGroup)
  const themeGroupId = groupValue === undefined ? undefined : Option.getOrUndefined(decodeGroup(groupValue))
  const kind = textOf(values, postFields.kind) === "workListItem" ? "workListItem" : "meetingNotes"
  const index = indexNetwork(who.network)
  const groupName =
    themeGroupId === undefined
      ? texts.noGroup
      : (index.themeGroupById.get(themeGroupId)?.name ?? themeGroupId)
  const invalid = (errors: Record<string, string>) => ({ _tag: "Invalid" as const, errors })
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
    return invalid({ [postFields.themeGroup]: texts.postNotAllowed(groupValue) })
  }
  if (
    audience === undefined ||
    (audience.regions ?? []).some((regionId) => !index.regionById.has(regionId))
  ) {
    return invalid({ [postFields.regions]: texts.fieldRequired })
  }
  const decision = mayPublish(who.network, publishers, {
    ...(themeGroupId === undefined ? {} : { themeGroupId }),
    audience,
  })
  if (decision._tag === "Refused") {
    const reason = decision.reason
    return invalid(
      reason._tag === "MayNotPublish"
        ? {
            [postFields.themeGroup]:
              themeGroupId === undefined ? texts.postNoRights : texts.postNotAllowed(groupName),
          }
        : reason._tag === "NotYourThemeGroup"
          ? { [postFields.themeGroup]: publishRefusalText(who.network, language, reason) }
          : { [postFields.regions]: publishRefusalText(who.network, language, reason) },
    )
  }
  const merged = yield* refuseMergedInUpdate(who.network, {
    ...(themeGroupId === undefined ? {} : { themeGroupId }),
    audience,
  }).pipe(
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
  if (merged !== undefined) return invalid({ [postFields.themeGroup]: merged })
  const draft: Draft = { ...(themeGroupId === undefined ? {} : { themeGroupId }), groupName, kind, audience }
  return { _tag: "Draft" as const, draft }
})

/**
 * What publishing would do, from core's plan: people (not deliveries, the author not counted)
 * per region, who bridges into which region and which regions stay unreachable. The same plan
 * publishing stores, so the preview and the confirmation never disagree with what is sent.
 */
const previewOf = (who: SlackPerson, language: Language, plan: DisseminationPlan): PostPreview => {
  const index = indexNetwork(who.network)
  const regionName = (id: string) => index.regionById.get(id as RegionId)?.name ?? id
  const reach = planReach(plan, who.person.id)
  const bridges = new Map<string, PostPreview["bridges"][number]>()
  for (const delivery of plan.deliveries) {
    if (delivery.bridge === undefined || delivery.personId === who.person.id) continue
    bridges.set(`${delivery.bridge.regionId}/${delivery.personId}`, {
      region: regionName(delivery.bridge.regionId),
      person: index.personById.get(delivery.personId)?.name ?? delivery.personId,
      via: delivery.bridge.via,
    })
  }
  return {
    people: reach.people,
    byRegion: who.network.regions.flatMap((region) => {
      const people = reach.peopleByRegion.get(region.id)
      return people === undefined ? [] : [{ region: region.name, people }]
    }),
    bridges: [...bridges.values()],
    unreachable: plan.unreachableRegions.map((entry) => ({
      region: regionName(entry.regionId),
      reason: entry.reason,
    })),
    passOnLine: plan.passOnLine[language],
  }
}

const updateFromDraft = (draft: Draft, id: string, title: string): Update => ({
  id: decodeUpdateId(id),
  kind: draft.kind,
  ...(draft.themeGroupId === undefined ? {} : { themeGroupId: draft.themeGroupId }),
  title,
  audience: draft.audience,
})

/**
 * The modal's preview for what is filled in so far (on opening, and each time the group or the
 * regions change): core's plan in numbers, or why it could not be published like this.
 */
export const postPreview = Effect.fn("postPreview")(function* (
  who: SlackPerson,
  language: Language,
  values: StateValues,
) {
  const checked = yield* draftOf(who, language, values)
  if (checked._tag === "Invalid") {
    return previewBlocks(language, { refused: Object.values(checked.errors).join(" ") })
  }
  const { plan } = yield* previewDissemination(who.network, {
    ...(checked.draft.themeGroupId === undefined ? {} : { themeGroupId: checked.draft.themeGroupId }),
    audience: checked.draft.audience,
  })
  return previewBlocks(language, previewOf(who, language, plan))
})

/** Recomputes the open modal's preview and puts it in place of the old one. */
export const refreshPostPreview = Effect.fn("refreshPostPreview")(function* (
  client: WebClient,
  who: SlackPerson,
  language: Language,
  view: { readonly id: string; readonly hash?: string; readonly values: StateValues },
) {
  const rights = publishingChoices(who.network, publishersOf(who.network, who.person.id, who.isAdmin))
  const preview = yield* postPreview(who, language, view.values)
  const updated = postModal(language, rights, who.network.regions, preview)
  yield* slackCall("views.update", () =>
    client.views.update({
      view_id: view.id,
      ...(view.hash === undefined ? {} : { hash: view.hash }),
      view: updated,
    }),
  )
})

/** "*Titel* är publicerad …", then the preview's lines again, and the update's page. */
const confirmationText = (
  who: SlackPerson,
  language: Language,
  plan: DisseminationPlan,
  title: string,
  groupName: string,
  publicUrl: string,
  id: string,
) => {
  const texts = textsFor(language)
  const preview = previewOf(who, language, plan)
  const page = updateLinks(publicUrl, { id, kind: "meetingNotes" }).page
  return [
    texts.published(escapeMrkdwn(title), escapeMrkdwn(groupName), preview.people),
    ...previewLines(language, preview).slice(1),
    `<${page}|${catalogue(language).content.openUpdate}>`,
  ].join("\n")
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
  publicUrl = "http://localhost:3000",
) {
  const texts = textsFor(language)
  const errors: Record<string, string> = {}
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
  const checked = yield* draftOf(who, language, values)
  if (checked._tag === "Invalid") {
    return { answer: { response_action: "errors", errors: checked.errors } } satisfies PostOutcome
  }
  const { themeGroupId, groupName, audience } = checked.draft
  const id = `slack-${viewId}`
  const update = updateFromDraft(checked.draft, id, title)
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
    .publish(
      { id, ...(themeGroupId === undefined ? {} : { themeGroupId }), title, body, audience, details },
      plan,
      who.actor,
      now,
    )
    .pipe(
      Effect.as({ _tag: "Published" as const }),
      Effect.catchTag("Duplicate", () => Effect.succeed({ _tag: "AlreadyPublished" as const })),
    )
  return {
    answer: { response_action: "clear" },
    confirmation:
      published._tag === "Published"
        ? confirmationText(who, language, plan, title, groupName, publicUrl, id)
        : texts.alreadyPublished,
  } satisfies PostOutcome
})
