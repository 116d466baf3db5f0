import { HealthcareRegionId, MemberKind, Region } from "@spridning/core"
import { Schema, Struct } from "effect"
import { networkScope, regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/** The network's members. A region editor may change its own region; new members come from the network office. */
export const regionsRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "region",
    plural: "regions",
    schema: Region,
    patch: Region.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.regions,
    filters: {
      /** Halland is found from both Västra and Södra. */
      healthcareRegionId: Schema.optionalKey(HealthcareRegionId),
      kind: Schema.optionalKey(MemberKind),
    },
    matches: (region, filter) =>
      (filter.healthcareRegionId === undefined ||
        region.healthcareRegionIds.includes(filter.healthcareRegionId)) &&
      (filter.kind === undefined || region.kind === filter.kind),
    scopeOf: (region) => regionScope(region.id),
    createScope: () => networkScope,
  })
