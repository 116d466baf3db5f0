import { and, inArray, sql } from "drizzle-orm"
import type { Db } from "../database/database.js"
import { idIs } from "../database/ids.js"
import { deliveries, follows, people, roleAssignments, slackUserLinks } from "../schema/index.js"

/** The name a deleted person's history shows. */
export const removedPersonName = "Borttagen person"

/** An address no mail can reach and no one else can hold (`.invalid` is reserved, RFC 2606). */
export const removedPersonEmail = (id: string): string =>
  `removed+${encodeURIComponent(id)}@spridning.invalid`

/**
 * Deletes a person as the network sees it while keeping what was sent: their roles, follows
 * and Slack link go, mail not yet sent is suppressed, and the row stays with name and address
 * replaced so deliveries and receipts keep their counts (and their region). The audit log is
 * kept as it is.
 */
export const removePerson = async (tx: Db, id: string, now: Date = new Date()): Promise<void> => {
  await tx.delete(roleAssignments).where(idIs(roleAssignments.personId, id))
  await tx.delete(follows).where(idIs(follows.personId, id))
  await tx.delete(slackUserLinks).where(idIs(slackUserLinks.personId, id))
  await tx
    .update(deliveries)
    .set({ state: "suppressed", lastError: "the person was deleted", leaseUntil: null })
    .where(and(idIs(deliveries.personId, id), inArray(deliveries.state, ["pending", "failed", "sending"])))
  await tx
    .update(people)
    .set({
      name: removedPersonName,
      email: removedPersonEmail(id),
      orgUnitId: null,
      channels: sql`'{}'`,
      optedOutOfAll: true,
      optedOutOfThemeGroups: sql`'{}'`,
      removedAt: now,
      updatedAt: now,
    })
    .where(idIs(people.id, id))
}
