import { Schema } from "effect"
import { type PersonId, type RegionId, ThemeGroupId } from "../organisation/ids.js"
import { Channel, FollowFrequency, Language, type Role } from "../organisation/model.js"

/** Keep each followed group's own frequency (shown when they differ). */
export const CadenceChoice = Schema.Union([FollowFrequency, Schema.Literal("unchanged")])
export type CadenceChoice = typeof CadenceChoice.Type

/**
 * What a reader chooses on their own page, as a whole: the page sends every field each time, so
 * sending the same choice twice changes nothing the second time.
 */
export const PreferenceChoice = Schema.Struct({
  channels: Schema.Array(Channel),
  language: Language,
  /** How often mail from followed groups comes; one choice for every followed group. */
  cadence: CadenceChoice,
  optedOutOfAll: Schema.Boolean,
  /** The active theme groups the reader wants mail from (following them, or through a role). */
  themeGroups: Schema.Array(ThemeGroupId),
})
export type PreferenceChoice = typeof PreferenceChoice.Type

/** One active theme group as the reader's page shows it. */
export interface GroupOnPage {
  readonly themeGroupId: ThemeGroupId
  readonly name: string
  /** True when mail from the group reaches the reader (a follow or a role, not opted out). */
  readonly receiving: boolean
  readonly following?: FollowFrequency
  /** The roles the reader holds in the group: stopping its mail does not take them away. */
  readonly roles: ReadonlyArray<Role>
}

/** What a reader's page starts from: the stored choice and every active group. */
export interface PreferencePage {
  readonly personId: PersonId
  readonly name: string
  readonly choice: PreferenceChoice
  readonly groups: ReadonlyArray<GroupOnPage>
}

/** Who carries a group's mail into a region after a change. */
export interface TakesOver {
  readonly personId: PersonId
  readonly name: string
  readonly via: "contactPerson" | "processLeader"
}

/** What a change does, in terms the reader can act on; rendered by `explainPreferenceEffect`. */
export type PreferenceEffect =
  | { readonly _tag: "ChannelsChanged"; readonly channels: ReadonlyArray<Channel> }
  | { readonly _tag: "LanguageChanged"; readonly language: Language }
  | { readonly _tag: "StoppedAll" }
  | { readonly _tag: "ResumedAll" }
  | {
      readonly _tag: "CadenceChanged"
      readonly cadence: FollowFrequency
      readonly themeGroupIds: ReadonlyArray<ThemeGroupId>
    }
  | {
      readonly _tag: "StopsThemeGroup"
      readonly themeGroupId: ThemeGroupId
      /** Roles the reader keeps in the group although its mail stops. */
      readonly keepsRoles: ReadonlyArray<Role>
    }
  | {
      readonly _tag: "StartsThemeGroup"
      readonly themeGroupId: ThemeGroupId
      /** Absent when the mail comes through a role (always at once). */
      readonly frequency?: FollowFrequency
    }
  /**
   * "kontaktperson … en kanal in": the reader was the region's way into a group it has no
   * participant in; someone else takes over, or nobody does.
   */
  | {
      readonly _tag: "BridgeLost"
      readonly regionId: RegionId
      readonly themeGroupId: ThemeGroupId
      readonly takenOverBy?: TakesOver
    }
  | { readonly _tag: "BridgeTaken"; readonly regionId: RegionId; readonly themeGroupId: ThemeGroupId }

/** The writes that make the change, through the same store functions as the API (so audited). */
export interface PreferenceSteps {
  /** The person's new preferences, when they change. */
  readonly preferences?: {
    readonly channels: ReadonlyArray<Channel>
    readonly language: Language
    readonly optedOutOfAll: boolean
    readonly optedOutOfThemeGroups: ReadonlyArray<ThemeGroupId>
  }
  readonly follow: ReadonlyArray<{
    readonly personId: PersonId
    readonly themeGroupId: ThemeGroupId
    readonly frequency: FollowFrequency
  }>
  readonly unfollow: ReadonlyArray<ThemeGroupId>
}
