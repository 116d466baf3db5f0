import type { InclusionReason } from "../audience/model.js"
import type { DisseminationPlan, PlannedDelivery } from "../dissemination/model.js"
import type { PersonId, RegionId, UpdateId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Channel, Network, Person } from "../organisation/model.js"

/** The proposal an answer is about: which region sent it, and who. */
export interface AnsweredProposal {
  readonly regionId: RegionId
  readonly submittedBy?: PersonId
}

const email: ReadonlyArray<Channel> = ["email"]

/**
 * "varje förslag besvaras": the answer goes to the region that proposed, that is the person who
 * sent the proposal and the region's process leader(s). An answer is a direct reply, not a
 * mailing: someone who chose no channel still gets it by email; only someone who opted out of
 * everything is skipped. The pass-on line is empty: an answer is not passed on.
 */
export const proposalAnswerPlan = (
  network: Network,
  answerUpdateId: UpdateId,
  proposal: AnsweredProposal,
): DisseminationPlan => {
  const index = indexNetwork(network)
  const reasonsByPerson = new Map<PersonId, Array<InclusionReason>>()
  const add = (personId: PersonId, reason: InclusionReason) => {
    const reasons = reasonsByPerson.get(personId) ?? []
    reasons.push(reason)
    reasonsByPerson.set(personId, reasons)
  }
  if (proposal.submittedBy !== undefined && index.personById.has(proposal.submittedBy)) {
    add(proposal.submittedBy, { _tag: "SubmittedProposal", regionId: proposal.regionId })
  }
  for (const role of index.rolesByRegion.get(proposal.regionId) ?? []) {
    if (role.role === "processLeader" && role.themeGroupId === undefined) {
      add(role.personId, { _tag: "HoldsRole", role: "processLeader", regionId: proposal.regionId })
    }
  }
  const deliveries: Array<PlannedDelivery> = []
  const skipped: Array<DisseminationPlan["skipped"][number]> = []
  for (const [personId, reasons] of reasonsByPerson) {
    const person = index.personById.get(personId) as Person
    if (person.preferences.optedOutOfAll) {
      skipped.push({ personId, reason: "optedOutOfAll" })
      continue
    }
    const channels = person.preferences.channels.length > 0 ? person.preferences.channels : email
    for (const channel of new Set(channels)) {
      deliveries.push({ updateId: answerUpdateId, personId, regionId: proposal.regionId, channel, reasons })
    }
  }
  return {
    updateId: answerUpdateId,
    deliveries,
    unreachableRegions:
      deliveries.length === 0
        ? [{ regionId: proposal.regionId, reason: "noContactPersonOrProcessLeader" }]
        : [],
    skipped,
    passOnLine: { sv: "", en: "" },
  }
}
