import { OrgUnitId, onlyBridgeRoles, Person, PersonFunction, RegionId } from "@spridning/core"
import { Effect, Schema, Struct } from "effect"
import { regionScope } from "../auth/caller.js"
import { conflict } from "../http/api-problem.js"
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
    // One mailbox, one person: a second person with the same address in other letters would
    // get every mail twice.
    admits: (person, network) => {
      const address = person.email.toLowerCase()
      const other = network.people.find((p) => p.id !== person.id && p.email.toLowerCase() === address)
      return other === undefined
        ? Effect.void
        : Effect.fail(
            conflict(
              `${other.name} (${other.id}) already has the address ${other.email}; letter case does not make another mailbox. Change that person instead.`,
            ),
          )
    },
    remove: {
      description:
        "Deletes the person from the network: their roles, follows and Slack link go with them and mail not yet sent to them is suppressed. What was sent stays counted: deliveries and receipts keep their region and numbers, the person's name becomes \"Borttagen person\" and the address an unreachable one; the audit log is kept, and the id stays taken. Refused with 409 while the person is their region's only participant, chair or contact person in an active theme group (the only bridge): appoint someone else first, or delete that role on purpose with DELETE /v1/role-assignments/{id}.",
      blockedBy: (person, network) => {
        const bridges = onlyBridgeRoles(network, person)
        if (bridges.length === 0) return undefined
        const named = bridges
          .map((role) => {
            const group = network.themeGroups.find((g) => g.id === role.themeGroupId)
            return `${group?.name ?? role.themeGroupId} (role ${role.id})`
          })
          .join(", ")
        return `${person.name} (${person.id}) is the only link between ${person.regionId} and ${named}. Appoint someone else first, or delete the role on purpose with DELETE /v1/role-assignments/{id}.`
      },
    },
  })
