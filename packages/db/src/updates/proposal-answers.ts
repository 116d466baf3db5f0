import type { UpdateId } from "@spridning/core"
import { eq, inArray } from "drizzle-orm"
import type { Db } from "../database/database.js"
import { proposalAnswers, proposals } from "../schema/index.js"
import type { ProposalAnswerDetails } from "./model.js"

export const insertProposalAnswer = async (
  tx: Db,
  updateId: UpdateId,
  answer: ProposalAnswerDetails,
): Promise<void> => {
  await tx.insert(proposalAnswers).values({
    updateId,
    proposalId: answer.proposalId,
    status: answer.status,
    reason: answer.reason ?? null,
    previousStatus: answer.previousStatus ?? null,
  })
}

/** The answers of `updateIds`, with the proposal each one answers. */
export const readProposalAnswers = async (
  db: Db,
  updateIds: ReadonlyArray<UpdateId>,
): Promise<Array<{ readonly updateId: UpdateId; readonly answer: ProposalAnswerDetails }>> => {
  const rows = await db
    .select({
      updateId: proposalAnswers.updateId,
      proposalId: proposalAnswers.proposalId,
      status: proposalAnswers.status,
      reason: proposalAnswers.reason,
      previousStatus: proposalAnswers.previousStatus,
      regionId: proposals.regionId,
      proposalText: proposals.text,
    })
    .from(proposalAnswers)
    .innerJoin(proposals, eq(proposals.id, proposalAnswers.proposalId))
    .where(inArray(proposalAnswers.updateId, [...updateIds]))
  return rows.map((row) => ({
    updateId: row.updateId,
    answer: {
      proposalId: row.proposalId,
      regionId: row.regionId,
      proposalText: row.proposalText,
      status: row.status,
      ...(row.reason === null ? {} : { reason: row.reason }),
      ...(row.previousStatus === null ? {} : { previousStatus: row.previousStatus }),
    },
  }))
}
