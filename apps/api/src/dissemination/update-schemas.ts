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
/** Meeting notes as stored: corrected notes say how, and when. */
const StoredMeetingNotesDetails = Schema.Struct({
  kind: Schema.Literal("meetingNotes"),
  meetingDate: IsoDate,
  correction: Schema.optionalKey(Schema.Struct({ note: Schema.String, at: Schema.String })),
})
export const WorkListItemDetails = Schema.Struct({
  kind: Schema.Literal("workListItem"),
  status: Schema.Literals(["planned", "ongoing", "done"]),
  dueDate: Schema.optionalKey(IsoDate),
})
/** A join link readers can click: http or https, nothing else (no "Teams", no "javascript:"). */
export const WebUrl = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) => {
        if (!URL.canParse(s)) return false
        const url = new URL(s)
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0
      },
      { message: "must be a web address starting with https:// or http://" },
    ),
  ),
)

/** A digital hour as stored: what any version of the API accepted. */
const StoredDigitalHourDetails = Schema.Struct({
  kind: Schema.Literal("digitalHour"),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  location: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(Schema.String),
  /** Raised each time the hour is moved or cancelled (the calendar file's SEQUENCE). */
  sequence: Schema.optionalKey(Schema.Int),
  cancelledAt: Schema.optionalKey(Schema.String),
})

/** A digital hour as a caller writes it: it ends after it starts, and its link is a web address. */
export const DigitalHourDetails = Schema.Struct({
  kind: Schema.Literal("digitalHour"),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  location: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(WebUrl),
}).check(
  Schema.makeFilter((hour) =>
    Date.parse(hour.endsAt) > Date.parse(hour.startsAt)
      ? undefined
      : { path: ["endsAt"], issue: "must be after startsAt" },
  ),
)
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
  StoredMeetingNotesDetails,
  WorkListItemDetails,
  StoredDigitalHourDetails,
  GoodExampleDetails,
  ProposalRoundDetails,
  ActionPlanDetails,
  Schema.Struct({
    kind: Schema.Literal("proposalAnswer"),
    answer: Schema.optionalKey(
      Schema.Struct({
        proposalId: Schema.String,
        regionId: Schema.String,
        proposalText: Schema.String,
        status: Schema.Literals(["accepted", "merged", "declined"]),
        reason: Schema.optionalKey(Schema.String),
        previousStatus: Schema.optionalKey(Schema.Literals(["accepted", "merged", "declined"])),
      }),
    ),
  }),
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

/** A digital hour moved: new times (and, if given, a new place or link). */
export const DigitalHourMove = Schema.Struct({
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  location: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(WebUrl),
}).check(
  Schema.makeFilter((hour) =>
    Date.parse(hour.endsAt) > Date.parse(hour.startsAt)
      ? undefined
      : { path: ["endsAt"], issue: "must be after startsAt" },
  ),
)

/** A new deadline for a proposal round (it reopens a closed one). */
export const RoundDeadline = Schema.Struct({ deadline: IsoDateTime })

/** planned → ongoing → done; `publish: true` sends the change to those who got the item. */
export const WorkListStatusChange = Schema.Struct({
  status: Schema.Literals(["planned", "ongoing", "done"]),
  publish: Schema.optionalKey(Schema.Boolean),
})

/** A correction to published notes: a short note for readers, and the corrected text. */
export const NotesCorrection = Schema.Struct({
  note: Text,
  title: Schema.optionalKey(Text),
  body: Schema.optionalKey(Schema.String),
})
