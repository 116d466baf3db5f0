import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types"
import type { Language, PublishingChoice, Region } from "@spridning/core"
import { context } from "./blocks.js"
import { textsFor } from "./texts.js"

export const postModalCallbackId = "spridning_post"

/** Block ids of the modal's inputs; each input's action id is `value`. */
export const postFields = {
  themeGroup: "theme_group",
  regions: "regions",
  kind: "kind",
  title: "title",
  body: "body",
  meetingDate: "meeting_date",
  status: "status",
} as const

const option = (text: string, value: string): PlainTextOption => ({
  text: { type: "plain_text", text: text.slice(0, 75), emoji: true },
  value,
})

const plain = (text: string) => ({ type: "plain_text" as const, text, emoji: true })

/** The value of the regions option that names no region: the whole audience. */
export const allRegionsValue = "all"

/**
 * The modal behind `/spridning inlägg`: meeting notes or a work-list item, in a group the person
 * may publish in (or none), to the regions they choose; core's rights decide on submission.
 */
export const postModal = (
  language: Language,
  rights: ReadonlyArray<PublishingChoice>,
  regions: ReadonlyArray<Region>,
  /** What publishing would do with what is filled in (see `postPreview`), shown last. */
  preview: ReadonlyArray<KnownBlock> = [],
): ModalView => {
  const texts = textsFor(language)
  const meetingNotes = option(texts.kindMeetingNotes, "meetingNotes")
  const kinds = [meetingNotes, option(texts.kindWorkListItem, "workListItem")]
  const planned = option(texts.statusPlanned, "planned")
  const statuses = [planned, option(texts.statusOngoing, "ongoing"), option(texts.statusDone, "done")]
  const blocks: Array<KnownBlock> = [
    {
      type: "input",
      block_id: postFields.themeGroup,
      optional: true,
      // Choosing a group updates the preview at once.
      dispatch_action: true,
      label: plain(texts.fieldGroup),
      element: {
        type: "static_select",
        action_id: "value",
        // Slack lists at most 100 options.
        options: rights.slice(0, 100).map((right) => option(right.themeGroup.name, right.themeGroup.id)),
        ...(rights.length === 1 && rights[0] !== undefined
          ? { initial_option: option(rights[0].themeGroup.name, rights[0].themeGroup.id) }
          : {}),
      },
    },
    {
      type: "input",
      block_id: postFields.kind,
      label: plain(texts.fieldKind),
      element: { type: "radio_buttons", action_id: "value", options: kinds, initial_option: meetingNotes },
    },
    {
      type: "input",
      block_id: postFields.title,
      label: plain(texts.fieldTitle),
      element: { type: "plain_text_input", action_id: "value", max_length: 200 },
    },
    {
      type: "input",
      block_id: postFields.body,
      label: plain(texts.fieldBody),
      element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000 },
    },
    {
      type: "input",
      block_id: postFields.meetingDate,
      optional: true,
      label: plain(texts.fieldMeetingDate),
      element: { type: "datepicker", action_id: "value" },
    },
    {
      type: "input",
      block_id: postFields.status,
      optional: true,
      label: plain(texts.fieldStatus),
      element: { type: "static_select", action_id: "value", options: statuses, initial_option: planned },
    },
  ]
  const onlyRegion = rights.find((right) => right.onlyRegion !== undefined)?.onlyRegion
  const restricted = onlyRegion !== undefined && rights.every((right) => right.onlyRegion === onlyRegion)
  const regionOption = (region: Region) => option(region.name, region.id)
  const own = regions.find((region) => region.id === onlyRegion)
  blocks.splice(1, 0, {
    type: "input",
    block_id: postFields.regions,
    optional: true,
    dispatch_action: true,
    label: plain(texts.fieldRegions),
    element: {
      type: "multi_static_select",
      action_id: "value",
      options: [option(texts.allRegions, allRegionsValue), ...regions.slice(0, 99).map(regionOption)],
      ...(restricted && own !== undefined ? { initial_options: [regionOption(own)] } : {}),
    },
  })
  if (restricted && own !== undefined) blocks.push(context(texts.regionOnlyNote(own.name)))
  blocks.push(...preview)
  return {
    type: "modal",
    callback_id: postModalCallbackId,
    title: plain(texts.modalTitle),
    submit: plain(texts.modalSubmit),
    close: plain(texts.modalClose),
    private_metadata: JSON.stringify({ language }),
    blocks,
  }
}
