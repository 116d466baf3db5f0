import { OrgUnitId, Person, PersonFunction, RegionId } from "@spridning/core"
import { Schema, Struct } from "effect"
import { regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/** People belong to a region; that region's editor keeps them up to date. */
export const peopleRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "person",
    plural: "people",
    schema: Person,
    patch: Person.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.people,
    filters: {
      regionId: Schema.optionalKey(RegionId),
      orgUnitId: Schema.optionalKey(OrgUnitId),
      function: Schema.optionalKey(PersonFunction),
    },
    matches: (person, filter) =>
      (filter.regionId === undefined || person.regionId === filter.regionId) &&
      (filter.orgUnitId === undefined || person.orgUnitId === filter.orgUnitId) &&
      (filter.function === undefined || person.function === filter.function),
    scopeOf: (person) => regionScope(person.regionId),
  })
