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
 * Who an update is for. Omitted filters do not narrow: no regions means every region.
 * Selectors (tags, theme groups, roles, functions) widen: a person is included when they
 * match any of them; with no selectors everyone in scope in the targeted regions is included.
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
  /** The answer to a proposal goes to whoever sent it for the region. */
  Schema.TaggedStruct("SubmittedProposal", { regionId: RegionId }),
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

export const ResolvedAudience = Schema.Struct({
  recipients: Schema.Array(Recipient),
  excluded: Schema.Array(ExcludedRecipient),
  /** The regions the audience targets, after expanding healthcare regions. */
  targetedRegions: Schema.Array(RegionId),
})
export type ResolvedAudience = typeof ResolvedAudience.Type
