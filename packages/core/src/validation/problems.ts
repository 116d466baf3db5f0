import { Schema } from "effect"
import { EntityKind } from "../organisation/errors.js"
import { PersonId, RegionId } from "../organisation/ids.js"
import { Role } from "../organisation/model.js"

/** Something wrong with a network, with the ids involved. */
export const NetworkProblem = Schema.Union([
  /** The region's effective reportsTo rules loop: these roles report round in a circle. */
  Schema.TaggedStruct("ReportingCycle", {
    regionId: RegionId,
    roles: Schema.Array(Role),
    personIds: Schema.Array(PersonId),
  }),
  /** A role holder whose report line leads nowhere: no rule for the role, or nobody holds the target. */
  Schema.TaggedStruct("NobodyToReportTo", {
    personId: PersonId,
    regionId: RegionId,
    role: Role,
    reason: Schema.Literals(["noRuleForRole", "nobodyHoldsTargetRole"]),
  }),
  /** Every region needs a process leader, a presidium member and a management contact. */
  Schema.TaggedStruct("MissingRole", {
    regionId: RegionId,
    role: Schema.Literals(["processLeader", "presidiumMember", "management"]),
  }),
  /** A field that points at something the network does not have. */
  Schema.TaggedStruct("DanglingReference", {
    entity: EntityKind,
    id: Schema.String,
    field: Schema.String,
    missingId: Schema.String,
  }),
  /** A role that must name a theme group or regional body but does not. */
  Schema.TaggedStruct("IncompleteRole", {
    roleAssignmentId: Schema.String,
    personId: PersonId,
    role: Role,
    missingField: Schema.Literals(["themeGroupId", "regionalBodyId"]),
  }),
])
export type NetworkProblem = typeof NetworkProblem.Type
