import type { Follow, Person, RoleAssignment } from "@spridning/core"
import { sql } from "drizzle-orm"
import type { Db } from "../database/database.js"
import { follows, people, roleAssignments } from "../schema/index.js"
import { inChunks } from "./rows.js"

/**
 * Bulk writes for the tables that grow with the network (people, roles, follows). Each slice
 * travels as ONE JSON parameter unpacked by the server (`jsonb_to_recordset`): no per-row
 * parameters for the client to build, and far below PostgreSQL's parameter limit.
 */
const rowsPerStatement = 20_000

/** On a known id: fail (`Duplicate`), or update the person's roster fields (import). */
export type OnKnownPerson = "fail" | "updateRosterFields"

export const insertPeople = async (
  tx: Db,
  values: ReadonlyArray<Person>,
  onKnown: OnKnownPerson,
): Promise<void> => {
  for (const chunk of inChunks(values, rowsPerStatement)) {
    const rows = JSON.stringify(
      chunk.map((person) => ({
        id: person.id,
        name: person.name,
        email: person.email,
        function: person.function,
        region_id: person.regionId,
        org_unit_id: person.orgUnitId ?? null,
        channels: person.preferences.channels,
        language: person.preferences.language,
        opted_out_of_all: person.preferences.optedOutOfAll,
        opted_out_of_theme_groups: person.preferences.optedOutOfThemeGroups,
      })),
    )
    const conflict =
      onKnown === "fail"
        ? sql``
        : sql`on conflict (id) do update set
                name = excluded.name, email = excluded.email, function = excluded.function,
                region_id = excluded.region_id, org_unit_id = excluded.org_unit_id,
                channels = excluded.channels, language = excluded.language, updated_at = now()`
    await tx.execute(
      sql`insert into ${people}
            (id, name, email, function, region_id, org_unit_id, channels, language,
             opted_out_of_all, opted_out_of_theme_groups)
          select row.id, row.name, row.email, row.function, row.region_id, row.org_unit_id,
                 array(select jsonb_array_elements_text(row.channels)), row.language,
                 row.opted_out_of_all, array(select jsonb_array_elements_text(row.opted_out_of_theme_groups))
          from jsonb_to_recordset(${rows}::jsonb) as row(
            id text, name text, email text, function text, region_id text, org_unit_id text,
            channels jsonb, language text, opted_out_of_all boolean, opted_out_of_theme_groups jsonb)
          ${conflict}`,
    )
  }
}

/** Roles already held (same id) are kept when `skipKnown`; otherwise they are a `Duplicate`. */
export const insertRoles = async (
  tx: Db,
  values: ReadonlyArray<RoleAssignment>,
  skipKnown: boolean,
): Promise<void> => {
  for (const chunk of inChunks(values, rowsPerStatement)) {
    const rows = JSON.stringify(
      chunk.map((role) => ({
        id: role.id,
        person_id: role.personId,
        role: role.role,
        region_id: role.regionId,
        theme_group_id: role.themeGroupId ?? null,
        regional_body_id: role.regionalBodyId ?? null,
      })),
    )
    await tx.execute(
      sql`insert into ${roleAssignments} (id, person_id, role, region_id, theme_group_id, regional_body_id)
          select row.id, row.person_id, row.role, row.region_id, row.theme_group_id, row.regional_body_id
          from jsonb_to_recordset(${rows}::jsonb) as row(
            id text, person_id text, role text, region_id text, theme_group_id text, regional_body_id text)
          ${skipKnown ? sql`on conflict do nothing` : sql``}`,
    )
  }
}

/** A follow that exists already keeps its frequency. */
export const insertFollows = async (tx: Db, values: ReadonlyArray<Follow>): Promise<void> => {
  for (const chunk of inChunks(values, rowsPerStatement)) {
    const rows = JSON.stringify(
      chunk.map((follow) => ({
        person_id: follow.personId,
        theme_group_id: follow.themeGroupId,
        frequency: follow.frequency,
      })),
    )
    await tx.execute(
      sql`insert into ${follows} (person_id, theme_group_id, frequency)
          select row.person_id, row.theme_group_id, row.frequency
          from jsonb_to_recordset(${rows}::jsonb) as row(person_id text, theme_group_id text, frequency text)
          on conflict do nothing`,
    )
  }
}
