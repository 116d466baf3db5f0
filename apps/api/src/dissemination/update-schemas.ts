import { Audience, RegionId, ThemeGroupId, UpdateId, UpdateKind } from "@spridning/core"
import { Schema } from "effect"

const Text = Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" })))

/** `2026-03-14` */
export const IsoDate = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)), {
      message: "must be a date such as 2026-03-14",
    }),
  ),
)

/** `2026-03-14T09:00:00Z` or with an offset. */
export const IsoDateTime = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      { message: "must be a date and time such as 2026-03-14T09:00:00Z" },
    ),
  ),
)

export const MeetingNotesDetails = Schema.Struct({
  kind: Schema.Literal("meetingNotes"),
  meetingDate: IsoDate,
})
export const WorkListItemDetails = Schema.Struct({
  kind: Schema.Literal("workListItem"),
  status: Schema.Literals(["planned", "ongoing", "done"]),
  dueDate: Schema.optionalKey(IsoDate),
})
export const DigitalHourDetails = Schema.Struct({
  kind: Schema.Literal("digitalHour"),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  location: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(Schema.String),
})
export const GoodExampleDetails = Schema.Struct({
  kind: Schema.Literal("goodExample"),
  tags: Schema.Array(Text),
  regionId: Schema.optionalKey(RegionId),
})
export const ProposalRoundDetails = Schema.Struct({
  kind: Schema.Literal("proposalRound"),
  deadline: IsoDateTime,
  planYear: Schema.optionalKey(Schema.Int),
})
export const ActionPlanDetails = Schema.Struct({ kind: Schema.Literal("actionPlan"), planYear: Schema.Int })

/** What only one kind of update carries; `kind` says which. */
export const UpdateDetails = Schema.Union([
  MeetingNotesDetails,
  WorkListItemDetails,
  DigitalHourDetails,
  GoodExampleDetails,
  ProposalRoundDetails,
  ActionPlanDetails,
])
export type UpdateDetails = typeof UpdateDetails.Type

const common = {
  /** Chosen by the caller, or generated. */
  id: Schema.optionalKey(UpdateId),
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  title: Text,
  body: Schema.optionalKey(Schema.String),
  audience: Audience,
}

/** An update as a caller writes it. */
export const UpdateRequest = Schema.Struct({ ...common, details: UpdateDetails })
export type UpdateRequest = typeof UpdateRequest.Type

/** The same for one kind, where the path says the kind. */
export const requestOf = <D extends Schema.Top & { readonly DecodingServices: never }>(details: D) =>
  Schema.Struct({ ...common, details })

export const StoredDetails = Schema.Union([
  ...UpdateDetails.members,
  Schema.Struct({ kind: Schema.Literal("proposalAnswer") }),
  Schema.Struct({ kind: Schema.Literal("briefing"), regionId: RegionId, periodKey: Schema.String }),
])

/** An update as stored: a draft until `publishedAt` is set. */
export const UpdateView = Schema.Struct({
  id: UpdateId,
  kind: UpdateKind,
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  title: Schema.String,
  body: Schema.String,
  audience: Audience,
  details: StoredDetails,
  createdBy: Schema.String,
  createdAt: Schema.String,
  publishedAt: Schema.optionalKey(Schema.String),
  passOnLine: Schema.optionalKey(Schema.Struct({ sv: Schema.String, en: Schema.String })),
}).annotate({ identifier: "Update" })
export type UpdateView = typeof UpdateView.Type
