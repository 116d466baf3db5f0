import { type EntityKind, NotFound, StoreError } from "@spridning/core"
import { Effect, Schema } from "effect"

/** A record with the same key already exists (SQLSTATE 23505). */
export class Duplicate extends Schema.TaggedError<Duplicate>()("Duplicate", {
  entity: Schema.String,
  constraint: Schema.String,
  /** The server's own words, e.g. `Key (email)=(a@b.se) already exists.` */
  detail: Schema.String,
}) {
  override get message(): string {
    return `A ${this.entity} like this already exists (${this.constraint}): ${this.detail}`
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

/** A record breaks one of the schema's rules (SQLSTATE 23514, 23502). */
export class InvalidRecord extends Schema.TaggedError<InvalidRecord>()("InvalidRecord", {
  entity: Schema.String,
  constraint: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `Invalid ${this.entity}: breaks ${this.constraint}${this.detail === "" ? "" : ` (${this.detail})`}`
  }
}

export type ConstraintError = Duplicate | Conflict | InvalidRecord | NotFound

interface ServerError {
  readonly code: string
  readonly detail: string
  readonly constraint: string
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
      const constraint = record.constraint_name ?? record.constraint
      return {
        code: record.code,
        detail: typeof record.detail === "string" ? record.detail : "",
        constraint: typeof constraint === "string" ? constraint : "",
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
    thrown instanceof InvalidRecord
  ) {
    return thrown
  }
  const server = serverErrorOf(error.cause)
  if (server === undefined) return error
  switch (server.code) {
    case "23505":
      return new Duplicate({ entity, constraint: server.constraint, detail: server.detail })
    case "23503": {
      if (server.detail.includes("is still referenced")) {
        return new Conflict({ entity, id, reason: `other records still refer to it (${server.detail})` })
      }
      const missing = missingReference(server.detail)
      return missing === undefined
        ? new InvalidRecord({ entity, constraint: server.constraint, detail: server.detail })
        : new NotFound(missing)
    }
    case "23514":
    case "23502":
    case "22P02":
      return new InvalidRecord({ entity, constraint: server.constraint, detail: server.detail })
    default:
      return error
  }
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
