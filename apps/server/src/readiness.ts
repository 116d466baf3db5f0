import { Database } from "@spridning/db"
import { sql } from "drizzle-orm"
import { readMigrationFiles } from "drizzle-orm/migrator"
import { Effect } from "effect"

export interface Readiness {
  readonly ready: boolean
  readonly database: "reachable" | "unreachable"
  readonly migrations: { readonly expected: number; readonly applied: number }
}

/**
 * Ready means: the database answers and every migration this build ships has been applied
 * (a machine started with an older schema must not take traffic).
 */
export const checkReadiness = (migrationsFolder: string): Effect.Effect<Readiness, never, Database> =>
  Effect.gen(function* () {
    const database = yield* Database
    const expected = readMigrationFiles({ migrationsFolder }).length
    const applied = yield* database
      .run("readiness", async (db) => {
        const result: unknown = await db.execute(
          sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
        )
        // PGlite answers { rows }, postgres.js an array of rows.
        const rows = (Array.isArray(result) ? result : (result as { rows: Array<unknown> }).rows) as Array<{
          applied: number
        }>
        return Number(rows[0]?.applied ?? 0)
      })
      .pipe(Effect.option)
    if (applied._tag === "None") {
      return { ready: false, database: "unreachable", migrations: { expected, applied: 0 } } as const
    }
    return {
      ready: applied.value >= expected,
      database: "reachable",
      migrations: { expected, applied: applied.value },
    } as const
  })
