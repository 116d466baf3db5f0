import { RegionalBody, RegionalBodyKind, RegionId, regionalBodyMembers } from "@spridning/core"
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
    remove: {
      description:
        "Deletes the body. Refused with 409 while people are members (bodyMember roles): delete those roles first.",
      blockedBy: (body, network) => {
        const members = regionalBodyMembers(network, body)
        return members.length === 0
          ? undefined
          : `${body.name} still has ${members.length} member${members.length === 1 ? "" : "s"} (role ${members.map((role) => role.id).join(", ")}); delete those roles first.`
      },
    },
  })
