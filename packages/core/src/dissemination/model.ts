import { Schema } from "effect"
import { Audience, InclusionReason } from "../audience/model.js"
import { PersonId, RegionId, ThemeGroupId, UpdateId } from "../organisation/ids.js"
import { Channel } from "../organisation/model.js"

/** What a theme group (or the network office) publishes. */
export const UpdateKind = Schema.Literals([
  "meetingNotes",
  "workListItem",
  "digitalHour",
  "goodExample",
  "proposalRound",
  "proposalAnswer",
  "actionPlan",
  "briefing",
])
export type UpdateKind = typeof UpdateKind.Type

/** The part of an update that dissemination needs: what it is, whose it is, whom it is for. */
export const Update = Schema.Struct({
  id: UpdateId,
  kind: UpdateKind,
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  title: Schema.String.pipe(Schema.check(Schema.isNonEmpty({ message: "must not be empty" }))),
  audience: Audience,
})
export type Update = typeof Update.Type

/**
 * "kontaktperson kopplad till temagrupperna … Det kan vara processledarna eller andra utsedda
 * personer." A bridge carries an update into a targeted region that has nobody in the group.
 */
export const Bridge = Schema.Struct({
  regionId: RegionId,
  via: Schema.Literals(["contactPerson", "processLeader"]),
})
export type Bridge = typeof Bridge.Type

/** One message to one person on one channel, as planned (before any sending). */
export const PlannedDelivery = Schema.Struct({
  updateId: UpdateId,
  personId: PersonId,
  regionId: RegionId,
  channel: Channel,
  reasons: Schema.Array(InclusionReason),
  bridge: Schema.optionalKey(Bridge),
})
export type PlannedDelivery = typeof PlannedDelivery.Type

/** A targeted region without a participant that no bridge could reach, and why. */
export const UnreachableRegion = Schema.Struct({
  regionId: RegionId,
  reason: Schema.Literals(["noContactPersonOrProcessLeader", "bridgeOptedOut"]),
})
export type UnreachableRegion = typeof UnreachableRegion.Type

export const DisseminationPlan = Schema.Struct({
  updateId: UpdateId,
  deliveries: Schema.Array(PlannedDelivery),
  unreachableRegions: Schema.Array(UnreachableRegion),
  /** People who would have been reached but opted out, or chose no channel. */
  skipped: Schema.Array(
    Schema.Struct({
      personId: PersonId,
      reason: Schema.Literals(["optedOutOfAll", "optedOutOfThemeGroup", "noChannel"]),
    }),
  ),
  /** "Sprid vidare till: …", in Swedish and English. */
  passOnLine: Schema.Struct({ sv: Schema.String, en: Schema.String }),
})
export type DisseminationPlan = typeof DisseminationPlan.Type
