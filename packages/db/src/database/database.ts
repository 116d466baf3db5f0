import { existsSync, mkdirSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { PGlite } from "@electric-sql/pglite"
import { StoreError } from "@spridning/core"
import { sql } from "drizzle-orm"
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core"
import { drizzle as drizzlePglite } from "drizzle-orm/pglite"
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator"
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js"
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator"
import { Config, Context, Effect, Layer, Option } from "effect"
import postgres from "postgres"
import * as schema from "../schema/index.js"

/** Both drivers fit this type; repositories are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export type Driver = "pglite" | "postgres"

/** The migrations drizzle-kit generated; the same folder serves `src` (tsx) and `dist`. */
export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url))

/** A connected database with the schema migrated to the newest version. */
export class Database extends Context.Service<
  Database,
  {
    readonly driver: Driver
    readonly db: Db
    /** Runs `work` on the database; any failure becomes a `StoreError` naming `operation`. */
    readonly run: <A>(operation: string, work: (db: Db) => Promise<A>) => Effect.Effect<A, StoreError>
    /**
     * Runs `work` in one transaction: all or nothing. Inside, use only the `tx` given —
     * touching the outer `db` waits forever on PGlite, which has a single connection.
     */
    readonly transaction: <A>(operation: string, work: (tx: Db) => Promise<A>) => Effect.Effect<A, StoreError>
  }
>()("spridning/db/Database") {}

const make = (driver: Driver, db: Db): Database["Service"] => {
  const run = <A>(operation: string, work: (db: Db) => Promise<A>) =>
    Effect.tryPromise({ try: () => work(db), catch: (cause) => new StoreError({ operation, cause }) })
  const transaction = <A>(operation: string, work: (tx: Db) => Promise<A>) =>
    Effect.tryPromise({
      try: () => db.transaction((tx) => work(tx as unknown as Db)),
      catch: (cause) => new StoreError({ operation, cause }),
    })
  return Database.of({ driver, db, run, transaction })
}

export interface PgliteOptions {
  /** A folder to keep the database in; in memory when absent. */
  readonly dataDir?: string
}

/** PostgreSQL in-process (WebAssembly): in memory for tests, or persisted in `dataDir`. */
export const layerPglite = (options: PgliteOptions = {}): Layer.Layer<Database, StoreError> =>
  Layer.effect(
    Database,
    Effect.gen(function* () {
      const client = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: async () => {
            if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true })
            const pglite = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir)
            await pglite.waitReady
            return pglite
          },
          catch: (cause) => new StoreError({ operation: "open PGlite", cause }),
        }),
        (pglite) => Effect.promise(() => pglite.close()),
      )
      const db = drizzlePglite(client, { schema })
      yield* Effect.tryPromise({
        try: () => migratePglite(db, { migrationsFolder }),
        catch: (cause) => new StoreError({ operation: "migrate", cause }),
      })
      return make("pglite", db as unknown as Db)
    }),
  )

export interface PostgresOptions {
  /** Connections in the pool. */
  readonly max?: number
}

/** Any number of processes may start at once; one migrates while the others wait. */
const migrationLockKey = 7_340_118_211

/** Runs the migrations on their own connection, under an advisory lock. */
export const migratePostgresUrl = async (url: string): Promise<void> => {
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const db = drizzlePostgres(client, { schema })
    await client`select pg_advisory_lock(${migrationLockKey})`
    try {
      await migratePostgres(db, { migrationsFolder })
    } finally {
      await client`select pg_advisory_unlock(${migrationLockKey})`
    }
  } finally {
    await client.end()
  }
}

/** PostgreSQL through postgres.js with a pool. */
export const layerPostgres = (
  url: string,
  options: PostgresOptions = {},
): Layer.Layer<Database, StoreError> =>
  Layer.effect(
    Database,
    Effect.gen(function* () {
      yield* Effect.tryPromise({
        try: () => migratePostgresUrl(url),
        catch: (cause) => new StoreError({ operation: "migrate", cause }),
      })
      const client = yield* Effect.acquireRelease(
        Effect.sync(() => postgres(url, { max: options.max ?? 10, onnotice: () => {} })),
        (client) => Effect.promise(() => client.end({ timeout: 5 })),
      )
      const db = drizzlePostgres(client, { schema })
      yield* Effect.tryPromise({
        try: () => db.execute(sql`select 1`),
        catch: (cause) => new StoreError({ operation: "connect to PostgreSQL", cause }),
      })
      return make("postgres", db as unknown as Db)
    }),
  )

/**
 * The default PGlite folder: `.data/pglite` at the workspace root (the folder with
 * `pnpm-workspace.yaml`), so the CLI and every app started through pnpm (which runs each in
 * its own package folder) open the same database. Outside a workspace: the current folder.
 */
export const defaultDataDir = (from: string = process.cwd()): string => {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "pnpm-workspace.yaml"))) return join(folder, ".data", "pglite")
    if (dirname(folder) === folder) return resolve(from, ".data", "pglite")
  }
}

/**
 * `DATABASE_URL` set → PostgreSQL; otherwise PGlite persisted in `SPRIDNING_DATA_DIR`
 * (default: see `defaultDataDir`). PGlite is one process's database: stop the app before
 * running CLI commands against the same folder.
 */
export const layerFromConfig: Layer.Layer<Database, StoreError | Config.ConfigError> = Layer.unwrap(
  Effect.gen(function* () {
    const url = yield* Config.option(Config.String("DATABASE_URL"))
    if (Option.isSome(url) && url.value.trim() !== "") return layerPostgres(url.value)
    const dataDir = yield* Config.String("SPRIDNING_DATA_DIR").pipe(Config.withDefault(defaultDataDir()))
    return layerPglite({ dataDir })
  }),
)
