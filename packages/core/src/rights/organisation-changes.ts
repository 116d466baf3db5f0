import type { RegionId, ThemeGroupId } from "../organisation/ids.js"
import type { Network, Person, RegionalBody, RoleAssignment } from "../organisation/model.js"
import { themeGroupRoles } from "../organisation/model.js"
import type { Publisher } from "./publishing.js"

/**
 * The part of the network a change to the organisation touches, the same for the office's
 * workspace as for an API token:
 * - `Network`: only the network office (admins);
 * - `Region`: that region's editor (process leader, presidium member);
 * - `ThemeGroup`: that group's editor (chair), and, when it also sits in a region (a
 *   participant from Region Skåne), that region's editor too.
 */
export type ChangeScope =
  | { readonly _tag: "Network" }
  | { readonly _tag: "Region"; readonly regionId: RegionId }
  | { readonly _tag: "ThemeGroup"; readonly themeGroupId: ThemeGroupId; readonly regionId?: RegionId }

/** A person, their follows and preferences belong to their region. */
export const personScope = (person: Pick<Person, "regionId">): ChangeScope => ({
  _tag: "Region",
  regionId: person.regionId,
})

/** A role in a theme group may be set by the group's editor and the region's; other roles by the region's. */
export const roleScope = (role: Pick<RoleAssignment, "regionId" | "themeGroupId">): ChangeScope =>
  role.themeGroupId === undefined
    ? { _tag: "Region", regionId: role.regionId }
    : { _tag: "ThemeGroup", themeGroupId: role.themeGroupId, regionId: role.regionId }

/** Referensgrupper, regionala råd och nätverk belong to their region. */
export const regionalBodyScope = (body: Pick<RegionalBody, "regionId">): ChangeScope => ({
  _tag: "Region",
  regionId: body.regionId,
})

/** Whether someone holding `rights` may change what lies in every one of `scopes`. */
export const mayChangeIn = (
  rights: ReadonlyArray<Publisher>,
  ...scopes: ReadonlyArray<ChangeScope>
): boolean =>
  scopes.every((scope) =>
    rights.some((right) =>
      right._tag === "Admin"
        ? true
        : right._tag === "RegionEditor"
          ? scope._tag !== "Network" && scope.regionId === right.regionId
          : scope._tag === "ThemeGroup" && scope.themeGroupId === right.themeGroupId,
    ),
  )

/**
 * A person's theme-group roles that are their region's only link to an active group: with
 * them gone the region would hear of the group only through fallbacks, so removing the person
 * waits until someone else is appointed (or the role is removed on purpose).
 */
export const onlyBridgeRoles = (
  network: Network,
  person: Pick<Person, "id">,
): ReadonlyArray<RoleAssignment> =>
  network.roles.filter(
    (role) =>
      role.personId === person.id &&
      role.themeGroupId !== undefined &&
      network.themeGroups.some((group) => group.id === role.themeGroupId && group.status === "active") &&
      !network.roles.some(
        (other) =>
          other.personId !== person.id &&
          other.regionId === role.regionId &&
          other.themeGroupId === role.themeGroupId &&
          themeGroupRoles.includes(other.role),
      ),
  )

/**
 * The roles that make people members of a regional body: while there are any, the body is
 * not removed (the members would silently lose their forum); their roles go first.
 */
export const regionalBodyMembers = (
  network: Network,
  body: Pick<RegionalBody, "id">,
): ReadonlyArray<RoleAssignment> => network.roles.filter((role) => role.regionalBodyId === body.id)

/** "varje förslag besvaras": an answer other than accepted tells the region why. */
export const proposalAnswerNeedsReason = (status: "accepted" | "merged" | "declined"): boolean =>
  status !== "accepted"
