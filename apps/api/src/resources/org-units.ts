import { OrgUnit, RegionId, Sector } from "@spridning/core"
import { Schema, Struct } from "effect"
import { regionScope } from "../auth/caller.js"
import type { RouteContext } from "../http/route-context.js"
import { organisationRouter } from "./organisation-resource.js"

/** Verksamheter inside a region. */
export const orgUnitsRouter = (context: RouteContext) =>
  organisationRouter(context, {
    entity: "orgUnit",
    plural: "org units",
    schema: OrgUnit,
    patch: OrgUnit.mapFields(Struct.omit(["id"])).mapFields(Struct.map(Schema.optionalKey)),
    select: (network) => network.orgUnits,
    filters: { regionId: Schema.optionalKey(RegionId), sector: Schema.optionalKey(Sector) },
    matches: (unit, filter) =>
      (filter.regionId === undefined || unit.regionId === filter.regionId) &&
      (filter.sector === undefined || unit.sector === filter.sector),
    scopeOf: (unit) => regionScope(unit.regionId),
    remove: {
      description: "Deletes the unit. Refused with 409 while people belong to it: move them first.",
      blockedBy: (unit, network) => {
        const staff = network.people.filter((person) => person.orgUnitId === unit.id)
        return staff.length === 0
          ? undefined
          : `${unit.name} still has ${staff.length} ${staff.length === 1 ? "person" : "people"} (${staff.map((person) => person.id).join(", ")}); move them to another unit first.`
      },
    },
  })
