import { Schema } from "effect"
import { HealthcareRegionId, PersonId, RegionalBodyId, RegionId, ThemeGroupId } from "../organisation/ids.js"
import { PersonFunction, Role } from "../organisation/model.js"

/**
 * "När är det 'bara' för nätverket och när är det för 'alla'?" An update for the `network`
 * reaches people who hold a role in it or follow a group; a `public` one reaches everyone
 * registered, including staff who only subscribe.
 */
export const AudienceScope = Schema.Literals(["network", "public"])
export type AudienceScope = typeof AudienceScope.Type

/**
 * "handlar det om styrning och ledning eller verktyg till medarbetare". Tags say whom the
 * content speaks to; each tag maps to roles and functions in `audience/tags.ts`.
 */
export const AudienceTag = Schema.Literals([
  "governance-and-leadership",
  "tools-for-staff",
  "clinicians",
  "strategists",
  "public-health",
])
export type AudienceTag = typeof AudienceTag.Type

/**
 * Who an update is for: one rule, "who" widens, "where" narrows.
 *
 * - "Who" selectors (tags, roles, functions, theme groups) each add people: the audience is the
 *   union of everyone any of them matches. Without any, everyone in scope is in.
 * - "Where" selectors (regions, healthcare regions) only filter that union to people whose home
 *   region is one of the named places (a list of places reads "in any of these"). Without any,
 *   every region.
 * - Scope `network` keeps people holding a role or following a group; `public` keeps everyone,
 *   so a network audience is always part of the same public one.
 *
 * See `resolveAudience` for what each selector matches.
 */
export const Audience = Schema.Struct({
  scope: AudienceScope,
  tags: Schema.optionalKey(Schema.Array(AudienceTag)),
  regions: Schema.optionalKey(Schema.Array(RegionId)),
  healthcareRegions: Schema.optionalKey(Schema.Array(HealthcareRegionId)),
  themeGroups: Schema.optionalKey(Schema.Array(ThemeGroupId)),
  roles: Schema.optionalKey(Schema.Array(Role)),
  functions: Schema.optionalKey(Schema.Array(PersonFunction)),
})
export type Audience = typeof Audience.Type

/** Why a person is in an audience. A recipient carries every reason that applies. */
export const InclusionReason = Schema.Union([
  Schema.TaggedStruct("HoldsRole", {
    role: Role,
    regionId: RegionId,
    themeGroupId: Schema.optionalKey(ThemeGroupId),
    regionalBodyId: Schema.optionalKey(RegionalBodyId),
  }),
  Schema.TaggedStruct("FollowsThemeGroup", { themeGroupId: ThemeGroupId }),
  Schema.TaggedStruct("MatchesTag", { tag: AudienceTag }),
  Schema.TaggedStruct("HasFunction", { function: PersonFunction }),
  /** Audiences without selectors include everyone in scope in the targeted regions. */
  Schema.TaggedStruct("InTargetedRegion", { regionId: RegionId, scope: AudienceScope }),
])
export type InclusionReason = typeof InclusionReason.Type

export const Recipient = Schema.Struct({
  personId: PersonId,
  regionId: RegionId,
  reasons: Schema.NonEmptyArray(InclusionReason),
})
export type Recipient = typeof Recipient.Type

/** Someone the audience would have reached, left out because of their own choice. */
export const ExcludedRecipient = Schema.Struct({
  personId: PersonId,
  reason: Schema.Literals(["optedOutOfAll", "optedOutOfThemeGroup"]),
})
export type ExcludedRecipient = typeof ExcludedRecipient.Type

/** One "who" selector of an audience: one tag, role, function or theme group. */
export const WhoSelector = Schema.Union([
  Schema.TaggedStruct("Tag", { tag: AudienceTag }),
  Schema.TaggedStruct("Role", { role: Role }),
  Schema.TaggedStruct("Function", { function: PersonFunction }),
  Schema.TaggedStruct("ThemeGroup", { themeGroupId: ThemeGroupId }),
])
export type WhoSelector = typeof WhoSelector.Type

/** One "where" selector of an audience: a region, or a healthcare region. */
export const WherePlace = Schema.Union([
  Schema.TaggedStruct("Region", { regionId: RegionId }),
  Schema.TaggedStruct("HealthcareRegion", { healthcareRegionId: HealthcareRegionId }),
])
export type WherePlace = typeof WherePlace.Type

/**
 * What each selector did: how many recipients each "who" selector brought in (a recipient
 * matching two selectors counts for both), and how many recipients live in each named place.
 * The "Sprid vidare till" line is written from this, so it names what the resolution did.
 */
export const AudienceContributions = Schema.Struct({
  scope: AudienceScope,
  who: Schema.Array(Schema.Struct({ selector: WhoSelector, recipients: Schema.Int })),
  where: Schema.Array(
    Schema.Struct({ place: WherePlace, regions: Schema.Array(RegionId), recipients: Schema.Int }),
  ),
})
export type AudienceContributions = typeof AudienceContributions.Type

export const ResolvedAudience = Schema.Struct({
  recipients: Schema.Array(Recipient),
  excluded: Schema.Array(ExcludedRecipient),
  /** The regions the audience targets, after expanding healthcare regions. */
  targetedRegions: Schema.Array(RegionId),
  contributions: AudienceContributions,
})
export type ResolvedAudience = typeof ResolvedAudience.Type
