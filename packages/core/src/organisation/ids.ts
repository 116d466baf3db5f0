import { Schema } from "effect"

/**
 * Identifiers are opaque, non-empty strings, branded per entity so that a region id can
 * never be passed where a theme-group id is expected.
 */
const Id = Schema.String.pipe(
  Schema.check(Schema.isNonEmpty({ message: "must not be empty" }), Schema.isTrimmed()),
)

export const HealthcareRegionId = Id.pipe(Schema.brand("HealthcareRegionId"))
export type HealthcareRegionId = typeof HealthcareRegionId.Type
export const RegionId = Id.pipe(Schema.brand("RegionId"))
export type RegionId = typeof RegionId.Type
export const OrgUnitId = Id.pipe(Schema.brand("OrgUnitId"))
export type OrgUnitId = typeof OrgUnitId.Type
export const ThemeGroupId = Id.pipe(Schema.brand("ThemeGroupId"))
export type ThemeGroupId = typeof ThemeGroupId.Type
export const PersonId = Id.pipe(Schema.brand("PersonId"))
export type PersonId = typeof PersonId.Type
export const RoleAssignmentId = Id.pipe(Schema.brand("RoleAssignmentId"))
export type RoleAssignmentId = typeof RoleAssignmentId.Type
export const RegionalBodyId = Id.pipe(Schema.brand("RegionalBodyId"))
export type RegionalBodyId = typeof RegionalBodyId.Type
export const ReportingRuleId = Id.pipe(Schema.brand("ReportingRuleId"))
export type ReportingRuleId = typeof ReportingRuleId.Type
export const UpdateId = Id.pipe(Schema.brand("UpdateId"))
export type UpdateId = typeof UpdateId.Type
export const DeliveryId = Id.pipe(Schema.brand("DeliveryId"))
export type DeliveryId = typeof DeliveryId.Type
