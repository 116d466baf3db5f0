import type { Network, ThemeGroupId } from "@spridning/core"
import { and, eq, inArray } from "drizzle-orm"
import { writeAudit } from "../audit/audit-log.js"
import type { Db } from "../database/database.js"
import { follows, people, roleAssignments, themeGroups } from "../schema/organisation.js"

const chunk = <A>(items: ReadonlyArray<A>, size = 2000): Array<ReadonlyArray<A>> => {
  const chunks: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}

/**
 * Stores what core's `mergeThemeGroups` decided, in one transaction: the roles and follows that
 * moved (or were dropped as duplicates), opt-outs carried over, both groups, and one audit
 * record. All or nothing: a merge half-written would lose members or followers.
 */
export const storeThemeGroupMerge = async (
  tx: Db,
  before: Network,
  after: Network,
  from: ThemeGroupId,
  into: ThemeGroupId,
  moved: { readonly roles: number; readonly follows: number },
  actor: string,
): Promise<void> => {
  const rolesAfter = new Map(after.roles.map((role) => [role.id, role]))
  const touched = before.roles.filter((role) => role.themeGroupId === from)
  const dropped = touched.filter((role) => !rolesAfter.has(role.id)).map((role) => role.id)
  const movedIds = touched.filter((role) => rolesAfter.has(role.id)).map((role) => role.id)
  for (const ids of chunk(dropped))
    await tx.delete(roleAssignments).where(inArray(roleAssignments.id, [...ids]))
  for (const ids of chunk(movedIds)) {
    await tx
      .update(roleAssignments)
      .set({ themeGroupId: into })
      .where(inArray(roleAssignments.id, [...ids]))
  }

  await tx.delete(follows).where(inArray(follows.themeGroupId, [from, into]))
  const intoFollows = after.follows.filter((follow) => follow.themeGroupId === into)
  for (const rows of chunk(intoFollows)) {
    await tx.insert(follows).values(
      rows.map((follow) => ({
        personId: follow.personId,
        themeGroupId: into,
        frequency: follow.frequency,
      })),
    )
  }

  const peopleBefore = new Map(before.people.map((person) => [person.id, person]))
  for (const person of after.people) {
    const was = peopleBefore.get(person.id)
    if (
      was !== undefined &&
      was.preferences.optedOutOfThemeGroups !== person.preferences.optedOutOfThemeGroups
    ) {
      await tx
        .update(people)
        .set({ optedOutOfThemeGroups: [...person.preferences.optedOutOfThemeGroups] })
        .where(eq(people.id, person.id))
    }
  }

  const intoAfter = after.themeGroups.find((group) => group.id === into)
  await tx
    .update(themeGroups)
    .set({ status: "merged", mergedInto: into })
    .where(and(eq(themeGroups.id, from), eq(themeGroups.status, "active")))
  if (intoAfter !== undefined) {
    await tx
      .update(themeGroups)
      .set({ wantedFunctions: [...intoAfter.wantedFunctions] })
      .where(eq(themeGroups.id, into))
  }
  await writeAudit(tx, [
    {
      actor,
      action: "merge",
      entity: "themeGroup",
      entityId: from,
      before: { from, into, roles: touched.length },
      after: { mergedInto: into, moved },
    },
  ])
}
