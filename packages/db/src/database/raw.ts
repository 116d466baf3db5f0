import { type SQL, sql } from "drizzle-orm"
import { Clock, Effect } from "effect"
import type { Db } from "./database.js"

/**
 * `db.execute()` answers `{ rows }` on PGlite and an array on postgres.js; raw statements
 * go through here so callers see one shape.
 */
export const executeRows = async <Row>(db: Db, statement: SQL): Promise<ReadonlyArray<Row>> => {
  const result: unknown = await db.execute(statement)
  if (Array.isArray(result)) return result as ReadonlyArray<Row>
  if (typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows)) {
    return result.rows as ReadonlyArray<Row>
  }
  return []
}

/** Raw timestamps go in as ISO text: postgres.js rejects a `Date` in a raw `sql` parameter. */
export const timestampParam = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`

/** `now` as the caller passed it, or Effect's clock (so tests can move time). */
export const nowOr = (now: Date | undefined): Effect.Effect<Date> =>
  now === undefined ? Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis)) : Effect.succeed(now)
