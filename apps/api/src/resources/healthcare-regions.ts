import { HealthcareRegion } from "@spridning/core"
import { Schema, Struct } from "effect"
import { networkScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/** Sjukvårdsregioner: the six groupings; only the network office changes them. */
export const healthcareRegionsRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "healthcareRegion",
    plural: "healthcare regions",
    schema: HealthcareRegion,
    patch: HealthcareRegion.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.healthcareRegions,
    filters: {},
    matches: () => true,
    scopeOf: () => networkScope,
  })
