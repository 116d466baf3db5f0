import { RegionalBody, RegionalBodyKind, RegionId } from "@spridning/core"
import { Schema, Struct } from "effect"
import { regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/** Referensgrupper, regionala råd och nätverk. */
export const regionalBodiesRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "regionalBody",
    plural: "regional bodies",
    schema: RegionalBody,
    patch: RegionalBody.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.regionalBodies,
    filters: { regionId: Schema.optionalKey(RegionId), kind: Schema.optionalKey(RegionalBodyKind) },
    matches: (body, filter) =>
      (filter.regionId === undefined || body.regionId === filter.regionId) &&
      (filter.kind === undefined || body.kind === filter.kind),
    scopeOf: (body) => regionScope(body.regionId),
  })
