import { ReportingRelation, ReportingRule, Role } from "@spridning/core"
import { Schema, Struct } from "effect"
import { networkScope, regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/**
 * "vem/vilka rapportera till, vem få input ifrån?" The network's defaults belong to the network
 * office; a region's own rules to that region's editor.
 */
export const reportingRulesRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "reportingRule",
    plural: "reporting rules",
    schema: ReportingRule,
    patch: ReportingRule.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.reportingRules,
    filters: {
      /** A region's id, or `default` for the network's defaults. */
      regionId: Schema.optionalKey(Schema.String),
      relation: Schema.optionalKey(ReportingRelation),
      from: Schema.optionalKey(Role),
    },
    matches: (rule, filter) =>
      (filter.regionId === undefined ||
        (filter.regionId === "default" ? rule.regionId === undefined : rule.regionId === filter.regionId)) &&
      (filter.relation === undefined || rule.relation === filter.relation) &&
      (filter.from === undefined || rule.from === filter.from),
    scopeOf: (rule) => (rule.regionId === undefined ? networkScope : regionScope(rule.regionId)),
    remove: {
      description:
        "Deletes the rule. Refused with 409 while other rules chain through it: a rule of the same relation that leads to this rule's `from` role (in the same region, or a network default) would then stop halfway. Delete from the start of the chain, or change those rules first.",
      blockedBy: (rule, network) => {
        const leadingIn = network.reportingRules.filter(
          (other) =>
            other.id !== rule.id &&
            other.relation === rule.relation &&
            other.to === rule.from &&
            (rule.regionId === undefined || other.regionId === undefined || other.regionId === rule.regionId),
        )
        return leadingIn.length === 0
          ? undefined
          : `Reporting chains run through ${rule.id}: ${leadingIn.map((other) => other.id).join(", ")} lead to ${rule.from}, who ${rule.relation === "reportsTo" ? "reports on" : "gets input"} through it. Delete or change those rules first.`
      },
    },
  })
