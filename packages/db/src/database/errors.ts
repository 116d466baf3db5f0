import { type EntityKind, NotFound, StoreError } from "@spridning/core"
import { Effect, Schema } from "effect"

/** Column names as people say them, for messages that must not read like SQL. */
const columnWords: Record<string, string> = {
  id: "id",
  email: "email",
  "lower(email)": "email",
  name: "name",
  region_id: "region",
  theme_group_id: "theme group",
  person_id: "person",
  regional_body_id: "regional body",
  org_unit_id: "organisational unit",
  healthcare_region_id: "healthcare region",
  token_hash: "token",
  slack_channel_id: "Slack channel",
  slack_team_id: "Slack workspace",
  slack_user_id: "Slack user",
  provider_event_id: "provider event",
}
const inWords = (column: string): string => columnWords[column.trim()] ?? column.trim().replaceAll("_", " ")

/** `Key (lower(email))=(a@b.se) already exists.` → `email "a@b.se"` */
const keyInWords = (detail: string): string | undefined => {
  const match = /^Key \((.*)\)=\((.*)\)/.exec(detail)
  if (match === null) return undefined
  const columns = (match[1] ?? "").split(/,\s*(?![^(]*\))/).map(inWords)
  return `${columns.join(" and ")} "${match[2] ?? ""}"`
}

/** A record with the same key already exists (SQLSTATE 23505). */
export class Duplicate extends Schema.TaggedError<Duplicate>()("Duplicate", {
  entity: Schema.String,
  constraint: Schema.String,
  /** The server's own words, e.g. `Key (email)=(a@b.se) already exists.`; kept for logs. */
  detail: Schema.String,
}) {
  override get message(): string {
    const key = keyInWords(this.detail)
    return key === undefined
      ? `Another ${this.entity} like this already exists.`
      : `Another ${this.entity} already has ${key}.`
  }
}

/** The change cannot be made as things stand, e.g. a record others still point at. */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  entity: Schema.String,
  id: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `Cannot change ${this.entity} "${this.id}": ${this.reason}`
  }
}

/** The schema's rules in words, by constraint name. */
const ruleWords: Record<string, string> = {
  theme_groups_merged_has_successor: "a merged theme group names the group it was merged into, and only then",
  theme_groups_knowledge_governance_complete:
    "knowledge governance needs both a level and an area, or neither",
  role_assignments_theme_group_roles:
    "participant, chair and contact person are held in a theme group (give themeGroupId); other roles are not",
  role_assignments_body_member:
    "bodyMember is held in a regional body (give regionalBodyId); other roles are not",
}

/** A record breaks one of the schema's rules (SQLSTATE 23514, 23502). */
export class InvalidRecord extends Schema.TaggedError<InvalidRecord>()("InvalidRecord", {
  entity: Schema.String,
  constraint: Schema.String,
  /** The server's own words; kept for logs, never shown. */
  detail: Schema.String,
  column: Schema.optionalKey(Schema.String),
}) {
  override get message(): string {
    if (this.column !== undefined) return `Invalid ${this.entity}: ${inWords(this.column)} must be given.`
    const rule = ruleWords[this.constraint]
    return rule === undefined
      ? `Invalid ${this.entity}: it breaks the rule "${this.constraint}".`
      : `Invalid ${this.entity}: ${rule}.`
  }
}

/** What each data exception (SQLSTATE class 22) means for the caller. */
const valueWords: Record<string, string> = {
  "22001": "a text is longer than can be stored",
  "22003": "a number is outside the range that can be stored (whole numbers: -2147483648 to 2147483647)",
  "22007": "a date or time is not written as a date",
  "22008": "a date or time is not in the calendar (e.g. 2026-02-30 or year 0)",
  "22021": "a text contains a character that cannot be stored (such as NUL, \\u0000)",
  "22P05": "a text contains a character that cannot be stored (such as NUL, \\u0000)",
  "22P02": "a value is not written the way its field needs",
  "22012": "a value divides by zero",
}

/** A value that storage cannot hold (SQLSTATE class 22): the caller's input, not an outage. */
export class InvalidValue extends Schema.TaggedError<InvalidValue>()("InvalidValue", {
  entity: Schema.String,
  code: Schema.String,
  /** The server's own words; kept for logs, never shown. */
  detail: Schema.String,
}) {
  override get message(): string {
    return `Cannot store this ${this.entity}: ${valueWords[this.code] ?? "a value cannot be stored as given"}.`
  }
}

export type ConstraintError = Duplicate | Conflict | InvalidRecord | InvalidValue | NotFound

interface ServerError {
  readonly code: string
  readonly message: string
  readonly detail: string
  readonly constraint: string
  readonly table: string
  readonly column: string
}

/**
 * drizzle wraps the driver's error; postgres.js and PGlite name the fields differently
 * (`constraint_name` vs `constraint`). Both carry the SQLSTATE in `code`.
 */
export const serverErrorOf = (error: unknown): ServerError | undefined => {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const record = current as Record<string, unknown>
    if (typeof record.code === "string" && /^[0-9A-Z]{5}$/.test(record.code)) {
      const text = (value: unknown): string => (typeof value === "string" ? value : "")
      return {
        code: record.code,
        message: text(record.message),
        detail: text(record.detail),
        constraint: text(record.constraint_name ?? record.constraint),
        table: text(record.table_name ?? record.table),
        column: text(record.column_name ?? record.column),
      }
    }
    current = record.cause
  }
  return undefined
}

const entityOfTable: Record<string, EntityKind> = {
  healthcare_regions: "healthcareRegion",
  regions: "region",
  org_units: "orgUnit",
  theme_groups: "themeGroup",
  people: "person",
  role_assignments: "roleAssignment",
  regional_bodies: "regionalBody",
  reporting_rules: "reportingRule",
  updates: "update",
  deliveries: "delivery",
  proposal_rounds: "update",
}

/** `Key (region_id)=(r-x) is not present in table "regions".` → region r-x */
const missingReference = (detail: string): { entity: EntityKind; id: string } | undefined => {
  const match = /Key \(([^)]*)\)=\((.*)\) is not present in table "([^"]+)"/.exec(detail)
  const entity = match?.[3] === undefined ? undefined : entityOfTable[match[3]]
  if (match === null || entity === undefined) return undefined
  return { entity, id: match[2] ?? "" }
}

/** Turns a failed write's SQLSTATE into the domain error it means for `entity`. */
export const constraintErrorOf = (
  entity: string,
  id: string,
  error: StoreError,
): ConstraintError | StoreError => {
  // Work inside a transaction throws domain errors to roll back; they are kept as they are.
  const thrown = error.cause
  if (
    thrown instanceof NotFound ||
    thrown instanceof Duplicate ||
    thrown instanceof Conflict ||
    thrown instanceof InvalidRecord ||
    thrown instanceof InvalidValue
  ) {
    return thrown
  }
  const server = serverErrorOf(error.cause)
  if (server === undefined) return error
  switch (server.code) {
    case "23505":
      return new Duplicate({ entity, constraint: server.constraint, detail: server.detail })
    case "23503": {
      const referrer = /is still referenced from table "([^"]+)"/.exec(server.detail)?.[1]
      if (referrer !== undefined) {
        return new Conflict({
          entity,
          id,
          reason: `${referrer.replaceAll("_", " ")} still refer to it; remove or move them first`,
        })
      }
      const missing = missingReference(server.detail)
      return missing === undefined
        ? new InvalidRecord({ entity, constraint: server.constraint, detail: server.detail })
        : new NotFound(missing)
    }
    case "23514":
      return new InvalidRecord({ entity, constraint: server.constraint, detail: server.detail })
    case "23502":
      return new InvalidRecord({
        entity,
        constraint: server.constraint,
        detail: server.detail,
        ...(server.column === "" ? {} : { column: server.column }),
      })
    default:
      if (server.code.startsWith("22")) {
        return new InvalidValue({ entity, code: server.code, detail: server.message })
      }
      if (server.code.startsWith("23")) {
        return new InvalidRecord({ entity, constraint: server.constraint, detail: server.detail })
      }
      return error
  }
}

/**
 * The domain error a failed statement means, for failures that were not mapped where they
 * happened: the entity is read from the table the server names.
 */
export const storeFailureOf = (error: StoreError): ConstraintError | StoreError => {
  const server = serverErrorOf(error.cause)
  if (server === undefined || !(server.code.startsWith("22") || server.code.startsWith("23"))) {
    return constraintErrorOf("record", "", error)
  }
  return constraintErrorOf(entityOfTable[server.table] ?? "record", "", error)
}

/** Maps constraint violations of a write on `entity` to typed errors; other failures stay `StoreError`. */
export const mapConstraintErrors =
  (entity: string, id = "") =>
  <A, E, R>(
    self: Effect.Effect<A, E | StoreError, R>,
  ): Effect.Effect<A, E | StoreError | ConstraintError, R> =>
    Effect.catch(
      self,
      (error): Effect.Effect<never, E | StoreError | ConstraintError> =>
        error instanceof StoreError
          ? Effect.fail(constraintErrorOf(entity, id, error))
          : Effect.fail(error as E),
    )
