import {
  PersonId,
  RegionalBodyId,
  RegionId,
  Role,
  RoleAssignment,
  refuseMergedThemeGroup,
  ThemeGroupId,
} from "@spridning/core"
import { Effect, Schema, Struct } from "effect"
import { regionScope, themeGroupScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/**
 * Who holds which role where. A role in a theme group may be set by the group's editor and by
 * the editor of the region the person represents; other roles by the region's editor.
 */
export const roleAssignmentsRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "roleAssignment",
    plural: "role assignments",
    schema: RoleAssignment,
    patch: RoleAssignment.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.roles,
    filters: {
      personId: Schema.optionalKey(PersonId),
      regionId: Schema.optionalKey(RegionId),
      themeGroupId: Schema.optionalKey(ThemeGroupId),
      regionalBodyId: Schema.optionalKey(RegionalBodyId),
      role: Schema.optionalKey(Role),
    },
    matches: (assignment, filter) =>
      (filter.personId === undefined || assignment.personId === filter.personId) &&
      (filter.regionId === undefined || assignment.regionId === filter.regionId) &&
      (filter.themeGroupId === undefined || assignment.themeGroupId === filter.themeGroupId) &&
      (filter.regionalBodyId === undefined || assignment.regionalBodyId === filter.regionalBodyId) &&
      (filter.role === undefined || assignment.role === filter.role),
    scopeOf: (assignment) =>
      assignment.themeGroupId === undefined
        ? regionScope(assignment.regionId)
        : themeGroupScope(assignment.themeGroupId, assignment.regionId),
    // A merged group takes no new roles: they belong in the group it was merged into.
    admits: (assignment, network) =>
      assignment.themeGroupId === undefined
        ? Effect.void
        : refuseMergedThemeGroup(network, assignment.themeGroupId, "roleAssignment"),
  })
