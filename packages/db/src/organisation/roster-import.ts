import {
  Channel,
  Email,
  Language,
  Person,
  PersonFunction,
  Role,
  RoleAssignment,
  type StoreError,
  themeGroupRoles,
} from "@spridning/core"
import { CsvError, parse } from "csv-parse/sync"
import { sql } from "drizzle-orm"
import { Effect, Result, Schema } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import type { Database, Db } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { executeRows } from "../database/raw.js"
import { orgUnits, people, regionalBodies, regions, themeGroups } from "../schema/index.js"
import { insertPeople, insertRoles } from "./bulk.js"

/**
 * The roster CSV: one row per person and role (a person with several roles has several
 * rows, with the same person columns; a row without `role` adds the person only).
 */
export const rosterColumns = [
  "person_id",
  "name",
  "email",
  "function",
  "region_id",
  "org_unit_id",
  "channels",
  "language",
  "role",
  "role_region_id",
  "theme_group_id",
  "regional_body_id",
] as const
export type RosterColumn = (typeof rosterColumns)[number]
const requiredColumns: ReadonlyArray<RosterColumn> = ["person_id", "name", "email", "function", "region_id"]

/** One thing wrong with the file, and where. `line` counts from 1 (the header). */
export interface RosterProblem {
  readonly line: number
  readonly column: string
  readonly reason: string
}

/** The roster has problems; nothing was written. */
export class RosterInvalid extends Schema.TaggedError<RosterInvalid>()("RosterInvalid", {
  problems: Schema.Array(
    Schema.Struct({ line: Schema.Number, column: Schema.String, reason: Schema.String }),
  ),
}) {
  override get message(): string {
    const shown = this.problems
      .slice(0, 50)
      .map(
        (problem) =>
          `line ${problem.line}${problem.column === "" ? "" : `, column ${problem.column}`}: ${problem.reason}`,
      )
    const more = this.problems.length > 50 ? [`… and ${this.problems.length - 50} more`] : []
    return [
      `The roster has ${this.problems.length} problem(s); nothing was imported.`,
      ...shown,
      ...more,
    ].join("\n")
  }
}

/** Columns that name a record that must already exist. */
export type ReferenceColumn =
  | "region_id"
  | "role_region_id"
  | "org_unit_id"
  | "theme_group_id"
  | "regional_body_id"

export interface ParsedRoster {
  readonly people: ReadonlyArray<Person>
  readonly roles: ReadonlyArray<RoleAssignment>
  /** Ids the rows refer to, checked against the database before writing. */
  readonly references: ReadonlyArray<{
    readonly line: number
    readonly column: ReferenceColumn
    readonly id: string
  }>
  /** The first line of each person. */
  readonly lineOfPerson: ReadonlyMap<string, number>
  /** Every well-formed address in the file, bad rows included, checked against stored people. */
  readonly emails: ReadonlyArray<{ readonly line: number; readonly personId: string; readonly email: string }>
  /** Data rows read (the header not counted). */
  readonly rows: number
}

/** Where a long import has got to; the CLI prints one line per call. */
export interface RosterProgress {
  readonly phase: "checked" | "written"
  readonly rows: number
  readonly of: number
}

export interface RosterOptions {
  /** Check everything, write nothing. */
  readonly dryRun?: boolean
  /** Called every `progressEvery` rows (default 1,000) while checking, and once when written. */
  readonly onProgress?: (progress: RosterProgress) => void
  readonly progressEvery?: number
}

/**
 * Swedish Excel saves "CSV" with semicolons (comma is the decimal sign there); the header
 * says which one a file uses, since no column name contains either.
 */
const delimiterOf = (text: string): "," | ";" => {
  const header = (text.startsWith("\uFEFF") ? text.slice(1) : text).split(/\r?\n/, 1)[0] ?? ""
  const count = (character: string) => header.split(character).length - 1
  return count(";") > count(",") ? ";" : ","
}

const isFunction = Schema.is(PersonFunction)
const isRole = Schema.is(Role)
const isChannel = Schema.is(Channel)
const isLanguage = Schema.is(Language)
const isEmail = Schema.is(Email)
// The rows are new input: once every cell passed the checks above, core's schemas brand the ids.
const decodePerson = Schema.decodeUnknownResult(Person)
const decodeRole = Schema.decodeUnknownResult(RoleAssignment)

const listOf = <A extends string>(values: ReadonlyArray<A>) => values.join(", ")

/**
 * Parses and checks a roster without touching the database: shape, values, and that rows of
 * the same person agree. Every bad row is reported, not just the first.
 */
export const parseRoster = (
  text: string,
  options: Pick<RosterOptions, "onProgress" | "progressEvery"> = {},
): { readonly roster: ParsedRoster; readonly problems: Array<RosterProblem> } => {
  const problems: Array<RosterProblem> = []
  const empty: ParsedRoster = {
    people: [],
    roles: [],
    references: [],
    lineOfPerson: new Map(),
    emails: [],
    rows: 0,
  }
  const delimiter = delimiterOf(text)
  let rows: Array<{ record: Array<string>; info: { lines: number } }>
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: Array<string>; info: { lines: number } }>
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === "number" ? error.lines : 0
    problems.push({
      line,
      column: "",
      reason: `not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    })
    return { roster: empty, problems }
  }
  const [header, ...body] = rows
  if (header === undefined || (header.record.length === 1 && header.record[0] === "")) {
    problems.push({
      line: 1,
      column: "",
      reason: `the file is empty; expected a header row: ${rosterColumns.join(",")}`,
    })
    return { roster: empty, problems }
  }
  const columns = header.record.map((name) => name.trim().toLowerCase())
  if (columns.length === 1 && /[\t|]/.test(columns[0] ?? "")) {
    problems.push({
      line: 1,
      column: "",
      reason: "the header has one column; separate columns with comma (,) or semicolon (;)",
    })
    return { roster: empty, problems }
  }
  columns.forEach((name, index) => {
    if (!(rosterColumns as ReadonlyArray<string>).includes(name)) {
      problems.push({
        line: 1,
        column: name,
        reason: `unknown column (column ${index + 1}); known: ${rosterColumns.join(", ")}`,
      })
    }
  })
  for (const required of requiredColumns) {
    if (!columns.includes(required))
      problems.push({ line: 1, column: required, reason: "required column is missing" })
  }
  if (problems.length > 0) return { roster: empty, problems }

  const peopleById = new Map<string, { person: Person; line: number }>()
  const personIdByEmail = new Map<string, string>()
  const roles = new Map<string, RoleAssignment>()
  const references: Array<{ line: number; column: ReferenceColumn; id: string }> = []
  const emails: Array<{ line: number; personId: string; email: string }> = []
  const seenPersonIds = new Set<string>()
  const every = Math.max(1, options.progressEvery ?? 1_000)

  for (const [index, { record, info }] of body.entries()) {
    if ((index + 1) % every === 0)
      options.onProgress?.({ phase: "checked", rows: index + 1, of: body.length })
    const line = info.lines
    const rowProblems: Array<RosterProblem> = []
    const problem = (column: RosterColumn | "", reason: string) => rowProblems.push({ line, column, reason })
    if (record.length !== columns.length) {
      problem("", `has ${record.length} fields, the header has ${columns.length}`)
      problems.push(...rowProblems)
      continue
    }
    const cell = (column: RosterColumn): string => {
      const index = columns.indexOf(column)
      return index < 0 ? "" : (record[index] ?? "").trim()
    }
    for (const required of requiredColumns) if (cell(required) === "") problem(required, "must not be empty")
    // PostgreSQL text cannot hold NUL; named here, or the whole import fails on one row.
    columns.forEach((column, index) => {
      if ((record[index] ?? "").includes("\u0000"))
        problem(column as RosterColumn, "contains the NUL character (\\u0000)")
    })

    const email = cell("email")
    if (email !== "" && !isEmail(email)) problem("email", `"${email}" is not an email address`)
    const personFunction = cell("function")
    if (personFunction !== "" && !isFunction(personFunction)) {
      problem("function", `"${personFunction}" is not a function; one of: ${listOf(PersonFunction.literals)}`)
    }
    const channels =
      cell("channels") === ""
        ? ["email"]
        : cell("channels")
            .split(delimiter === ";" ? /[,|]/ : /[;|]/)
            .map((value) => value.trim())
    for (const channel of channels) {
      if (!isChannel(channel))
        problem(
          "channels",
          `"${channel}" is not a channel; use ${listOf(Channel.literals)}, separated by "${delimiter === ";" ? "," : ";"}"`,
        )
    }
    const language = cell("language") === "" ? "sv" : cell("language")
    if (!isLanguage(language))
      problem("language", `"${language}" is not a language; use ${listOf(Language.literals)}`)

    const role = cell("role")
    const themeGroupId = cell("theme_group_id")
    const regionalBodyId = cell("regional_body_id")
    if (role !== "") {
      if (!isRole(role)) problem("role", `"${role}" is not a role; one of: ${listOf(Role.literals)}`)
      else if (themeGroupRoles.includes(role) && themeGroupId === "") {
        problem("theme_group_id", `a ${role} needs the theme group it is held in`)
      } else if (!themeGroupRoles.includes(role) && themeGroupId !== "") {
        problem("theme_group_id", `a ${role} is not held in a theme group; leave it empty`)
      }
      if (role === "bodyMember" && regionalBodyId === "")
        problem("regional_body_id", "a bodyMember needs the regional body")
      if (role !== "bodyMember" && regionalBodyId !== "")
        problem("regional_body_id", `a ${role} is not held in a regional body`)
    } else {
      if (themeGroupId !== "") problem("role", "theme_group_id is given but no role")
      if (regionalBodyId !== "") problem("role", "regional_body_id is given but no role")
    }

    // Ids and addresses are checked on bad rows too, so one run reports everything.
    const personId = cell("person_id")
    const firstRowOfPerson = !seenPersonIds.has(personId)
    seenPersonIds.add(personId)
    const refer = (column: ReferenceColumn, id: string) => {
      if (id !== "") references.push({ line, column, id })
    }
    if (firstRowOfPerson) {
      refer("region_id", cell("region_id"))
      refer("org_unit_id", cell("org_unit_id"))
    }
    refer("role_region_id", cell("role_region_id"))
    refer("theme_group_id", themeGroupId)
    refer("regional_body_id", regionalBodyId)
    if (email !== "" && isEmail(email) && personId !== "") {
      const emailKey = email.toLowerCase()
      const otherId = personIdByEmail.get(emailKey)
      if (otherId !== undefined && otherId !== personId) {
        problem("email", `${email} is already used by person ${otherId} in this file`)
      } else if (otherId === undefined) {
        personIdByEmail.set(emailKey, personId)
        emails.push({ line, personId, email })
      }
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems)
      continue
    }
    const decodedPerson = decodePerson({
      id: personId,
      name: cell("name"),
      email,
      function: personFunction,
      regionId: cell("region_id"),
      ...(cell("org_unit_id") === "" ? {} : { orgUnitId: cell("org_unit_id") }),
      preferences: { channels, language, optedOutOfAll: false, optedOutOfThemeGroups: [] },
    })
    if (Result.isFailure(decodedPerson)) {
      problems.push({ line, column: "", reason: decodedPerson.failure.message })
      continue
    }
    const person = decodedPerson.success
    const earlier = peopleById.get(personId)
    if (earlier === undefined) {
      peopleById.set(personId, { person, line })
    } else if (JSON.stringify(earlier.person) !== JSON.stringify(person)) {
      const differing = (
        ["name", "email", "function", "region_id", "org_unit_id", "channels", "language"] as const
      ).filter((column) => {
        const index = columns.indexOf(column)
        const earlierRow = body.find((row) => row.info.lines === earlier.line)
        return index >= 0 && (earlierRow?.record[index] ?? "").trim() !== (record[index] ?? "").trim()
      })
      problems.push({
        line,
        column: differing.join(",") || "person_id",
        reason: `person ${personId} is described differently on line ${earlier.line}`,
      })
      continue
    }
    if (role !== "" && isRole(role)) {
      const roleRegionId = cell("role_region_id") === "" ? person.regionId : cell("role_region_id")
      const scope = themeGroupId !== "" ? themeGroupId : regionalBodyId
      const id = [personId, role, roleRegionId, scope].filter((part) => part !== "").join(":")
      const decodedRole = decodeRole({
        id,
        personId,
        role,
        regionId: roleRegionId,
        ...(themeGroupId === "" ? {} : { themeGroupId }),
        ...(regionalBodyId === "" ? {} : { regionalBodyId }),
      })
      if (Result.isFailure(decodedRole)) {
        problems.push({ line, column: "", reason: decodedRole.failure.message })
        continue
      }
      roles.set(id, decodedRole.success)
    }
  }
  return {
    roster: {
      people: [...peopleById.values()].map((entry) => entry.person),
      roles: [...roles.values()],
      references,
      lineOfPerson: new Map([...peopleById.entries()].map(([id, entry]) => [id, entry.line])),
      emails,
      rows: body.length,
    },
    problems,
  }
}

const tableOf: Record<
  ReferenceColumn,
  typeof regions | typeof orgUnits | typeof themeGroups | typeof regionalBodies
> = {
  region_id: regions,
  role_region_id: regions,
  org_unit_id: orgUnits,
  theme_group_id: themeGroups,
  regional_body_id: regionalBodies,
}

const entityNameOf: Record<ReferenceColumn, string> = {
  region_id: "region",
  role_region_id: "region",
  org_unit_id: "org unit",
  theme_group_id: "theme group",
  regional_body_id: "regional body",
}

/**
 * Problems only the database can see: unknown ids, emails other people already have.
 * Regions, units, groups and bodies are few, so their ids are read whole; emails are
 * checked in one statement with the file's addresses as one JSON parameter.
 */
const databaseProblems = async (db: Db, roster: ParsedRoster) => {
  const problems: Array<RosterProblem> = []
  const knownIds = new Map<ReferenceColumn, Set<string>>()
  for (const column of Object.keys(tableOf) as Array<ReferenceColumn>) {
    if (!roster.references.some((ref) => ref.column === column)) continue
    const table = tableOf[column]
    knownIds.set(column, new Set((await db.select({ id: table.id }).from(table)).map((row) => row.id)))
  }
  for (const ref of roster.references) {
    if (knownIds.get(ref.column)?.has(ref.id) === false) {
      problems.push({
        line: ref.line,
        column: ref.column,
        reason: `no ${entityNameOf[ref.column]} with id "${ref.id}"`,
      })
    }
  }
  // A deleted person's row stays for their history; its id names nobody any more.
  const ids = JSON.stringify([...roster.lineOfPerson.keys()])
  const removed = await executeRows<{ id: string }>(
    db,
    sql`select ${people.id} as id from ${people}
        where ${people.removedAt} is not null and ${people.id} in (select jsonb_array_elements_text(${ids}::jsonb))`,
  )
  for (const row of removed) {
    problems.push({
      line: roster.lineOfPerson.get(row.id) ?? 0,
      column: "person_id",
      reason: `person ${row.id} was deleted; give the new person a new id`,
    })
  }
  // Letter case does not make another mailbox (the `people_email` index is on lower(email)).
  const emails = JSON.stringify(roster.emails.map((entry) => entry.email.toLowerCase()))
  const taken = await executeRows<{ id: string; email: string }>(
    db,
    sql`select ${people.id} as id, lower(${people.email}) as email from ${people}
        where lower(${people.email}) in (select jsonb_array_elements_text(${emails}::jsonb))`,
  )
  const ownerOf = new Map(taken.map((row) => [row.email, row.id]))
  for (const entry of roster.emails) {
    const owner = ownerOf.get(entry.email.toLowerCase())
    if (owner !== undefined && owner !== entry.personId) {
      problems.push({
        line: entry.line,
        column: "email",
        reason: `${entry.email} already belongs to person ${owner}`,
      })
    }
  }
  return problems
}

export interface RosterImportResult {
  readonly people: number
  readonly roles: number
  /** True when nothing was written (`dryRun`). */
  readonly dryRun: boolean
}

/**
 * Imports a roster in one pass: the file's format, the ids it refers to and the addresses
 * others already have are all checked before anything is reported, so every bad row is
 * named at once with line, column and reason; nothing is written unless the whole file is
 * valid (or ever, with `dryRun`). Known people are updated; known roles are kept.
 */
export const importRoster = (
  database: Database["Service"],
  text: string,
  actor: string,
  options: RosterOptions = {},
): Effect.Effect<RosterImportResult, RosterInvalid | StoreError | ConstraintError> =>
  Effect.gen(function* () {
    const { roster, problems } = parseRoster(text, options)
    const headerBroken = problems.some((problem) => problem.line <= 1)
    const counts = { people: roster.people.length, roles: roster.roles.length }
    return yield* database
      .transaction("import roster", async (tx) => {
        const found = headerBroken ? problems : [...problems, ...(await databaseProblems(tx, roster))]
        // A row's own problems stay in the order the checks found them; rows in file order.
        const sorted = found
          .map((problem, index) => ({ problem, index }))
          .sort((a, b) => a.problem.line - b.problem.line || a.index - b.index)
          .map(({ problem }) => problem)
        if (sorted.length > 0) throw new RosterInvalid({ problems: sorted })
        if (options.dryRun === true) return { ...counts, dryRun: true }
        await insertPeople(tx, roster.people, "updateRosterFields")
        await insertRoles(tx, roster.roles, true)
        await writeAudit(tx, [
          { actor, action: "importRoster", entity: "person", entityId: "*", after: counts },
        ])
        options.onProgress?.({ phase: "written", rows: roster.rows, of: roster.rows })
        return { ...counts, dryRun: false }
      })
      .pipe(
        mapConstraintErrors("person"),
        Effect.catch(
          (error): Effect.Effect<never, RosterInvalid | StoreError | ConstraintError> =>
            error._tag === "StoreError" && error.cause instanceof RosterInvalid
              ? Effect.fail(error.cause)
              : Effect.fail(error),
        ),
      )
  })
