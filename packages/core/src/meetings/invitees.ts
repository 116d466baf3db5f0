import { Effect, Schema } from "effect"
import { InclusionReason } from "../audience/model.js"
import { NotFound } from "../organisation/errors.js"
import { PersonId, type RegionId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Network, Role } from "../organisation/model.js"

/** A person invited to a regional network meeting, with every role that earns the invitation. */
export const Invitee = Schema.Struct({ personId: PersonId, reasons: Schema.NonEmptyArray(InclusionReason) })
export type Invitee = typeof Invitee.Type

/** `includeRegionalBodies`: also invite the members of the region's regional bodies. */
export interface RegionalMeetingOptions {
  readonly includeRegionalBodies?: boolean
}

const alwaysInvited: ReadonlyArray<Role> = ["participant", "processLeader", "presidiumMember"]

/**
 * "nätverksträffar på lokal/regional nivå där alla temagruppsdeltagare, processledare och
 * presidieledamot deltar": the invite list of a region's network meeting, computed from the
 * roles rather than typed. With `includeRegionalBodies`, the members of the region's
 * reference groups, councils and networks are invited too ("kan regionens
 * temagruppsdeltagare bjudas in dit"). Each person once, with every reason; ordered by id.
 */
export const regionalMeetingInvitees = (
  network: Network,
  regionId: RegionId,
  options: RegionalMeetingOptions = {},
): Effect.Effect<ReadonlyArray<Invitee>, NotFound> =>
  Effect.suspend(() => {
    const index = indexNetwork(network)
    if (!index.regionById.has(regionId)) return Effect.fail(new NotFound({ entity: "region", id: regionId }))
    const invited: ReadonlyArray<Role> = options.includeRegionalBodies
      ? [...alwaysInvited, "bodyMember"]
      : alwaysInvited
    const reasonsByPerson = new Map<PersonId, Array<InclusionReason>>()
    for (const assignment of index.rolesByRegion.get(regionId) ?? []) {
      if (!invited.includes(assignment.role)) continue
      const reasons = reasonsByPerson.get(assignment.personId) ?? []
      reasons.push({
        _tag: "HoldsRole",
        role: assignment.role,
        regionId: assignment.regionId,
        ...(assignment.themeGroupId === undefined ? {} : { themeGroupId: assignment.themeGroupId }),
        ...(assignment.regionalBodyId === undefined ? {} : { regionalBodyId: assignment.regionalBodyId }),
      })
      reasonsByPerson.set(assignment.personId, reasons)
    }
    const invitees: Array<Invitee> = []
    for (const [personId, [first, ...rest]] of [...reasonsByPerson].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (first !== undefined) invitees.push({ personId, reasons: [first, ...rest] })
    }
    return Effect.succeed(invitees)
  })
