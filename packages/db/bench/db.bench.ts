/**
 * `pnpm --filter @spridning/db bench`: the persistence figures on PGlite, and on PostgreSQL
 * when DATABASE_URL is set (in a database of its own, dropped afterwards).
 * Targets on PostgreSQL: publish to 100k ≤ 3 s, claim+mark ≥ 20k/s with 4 workers, load ≤ 2 s.
 */
import type { DisseminationPlan, Network, PersonId, RegionId, UpdateId } from "@spridning/core"
import { NetworkStore } from "@spridning/core"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { sql } from "drizzle-orm"
import { Effect, Layer, ManagedRuntime } from "effect"
import postgres from "postgres"
import { Database, layerPglite, layerPostgres } from "../src/database/database.js"
import { layerRepositories, type Repositories } from "../src/layers.js"
import { Organisation } from "../src/organisation/organisation.js"
import { importRoster, rosterColumns } from "../src/organisation/roster-import.js"
import { Outbox } from "../src/outbox/outbox.js"
import { Updates } from "../src/updates/updates.js"

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000)

/** The roster CSV an operator would import: one row per role, people without a role once. */
const rosterCsv = (network: Network): string => {
  const rolesOf = new Map<string, Array<Network["roles"][number]>>()
  for (const role of network.roles) {
    const list = rolesOf.get(role.personId)
    if (list === undefined) rolesOf.set(role.personId, [role])
    else list.push(role)
  }
  const lines = [rosterColumns.join(",")]
  for (const person of network.people) {
    for (const role of rolesOf.get(person.id) ?? [undefined]) {
      const cells: Record<(typeof rosterColumns)[number], string> = {
        person_id: person.id,
        name: `"${person.name.replaceAll('"', '""')}"`,
        email: person.email,
        function: person.function,
        region_id: person.regionId,
        org_unit_id: person.orgUnitId ?? "",
        channels: person.preferences.channels.join(";"),
        language: person.preferences.language,
        role: role?.role ?? "",
        role_region_id: role?.regionId ?? "",
        theme_group_id: role?.themeGroupId ?? "",
        regional_body_id: role?.regionalBodyId ?? "",
      }
      lines.push(rosterColumns.map((column) => cells[column]).join(","))
    }
  }
  return lines.join("\n")
}

const seconds = (start: number) => (performance.now() - start) / 1000
const report = (target: string, what: string, elapsed: number, extra = "") =>
  console.log(`${target.padEnd(10)} ${what.padEnd(44)} ${elapsed.toFixed(2).padStart(7)} s${extra}`)

const benchmark = async (
  target: string,
  layer: Layer.Layer<Database, unknown>,
  workerCounts: ReadonlyArray<number>,
) => {
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layer)))
  const run = <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => runtime.runPromise(effect)
  try {
    await run(Database)
    const network = syntheticNetwork({ people: peopleCount, seed: 1 })
    const withoutPeople: Network = { ...network, people: [], roles: [], follows: [] }
    await run(Effect.flatMap(Organisation, (org) => org.importNetwork(withoutPeople, "bench")))
    const csv = rosterCsv(network)
    let start = performance.now()
    const imported = await run(Effect.flatMap(Database, (database) => importRoster(database, csv, "bench")))
    report(target, `import ${imported.people} people (${imported.roles} roles) from CSV`, seconds(start))
    const onlyFollows: Network = {
      ...withoutPeople,
      healthcareRegions: [],
      regions: [],
      orgUnits: [],
      themeGroups: [],
      regionalBodies: [],
      reportingRules: [],
      follows: network.follows,
    }
    await run(Effect.flatMap(Organisation, (org) => org.importNetwork(onlyFollows, "bench")))

    start = performance.now()
    const loaded = await run(Effect.flatMap(NetworkStore, (store) => store.load))
    report(
      target,
      `load network (${loaded.people.length} people, ${loaded.roles.length} roles, ${loaded.follows.length} follows)`,
      seconds(start),
    )

    const plan = (updateId: string): DisseminationPlan => ({
      updateId: updateId as UpdateId,
      deliveries: loaded.people.map((person) => ({
        updateId: updateId as UpdateId,
        personId: person.id as PersonId,
        regionId: person.regionId as RegionId,
        channel: "email",
        reasons: [{ _tag: "InTargetedRegion", regionId: person.regionId as RegionId, scope: "network" }],
      })),
      unreachableRegions: [],
      skipped: [],
      passOnLine: { sv: "Sprid vidare till: alla", en: "Pass on to: everyone" },
    })
    start = performance.now()
    const published = await run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(
          {
            id: "bench-update",
            title: "Nyhetsbrev",
            body: "",
            audience: { scope: "public" },
            details: { kind: "actionPlan", planYear: 2027 },
          },
          plan("bench-update"),
          "bench",
        ),
      ),
    )
    report(target, `publish one update to ${published.deliveries} recipients`, seconds(start))

    for (const workers of workerCounts) {
      await run(
        Effect.flatMap(Database, (database) =>
          database.run("reset outbox", (db) =>
            db.execute(
              sql`update deliveries set state = 'pending', attempts = 0, claimed_by = null, lease_until = null, sent_at = null`,
            ),
          ),
        ),
      )
      // The reset leaves 100k dead rows behind; a live outbox has autovacuum for that.
      await run(
        Effect.flatMap(Database, (database) =>
          database.run("vacuum outbox", (db) => db.execute(sql`vacuum analyze deliveries`)),
        ),
      )
      start = performance.now()
      const drain = async (workerId: string): Promise<number> => {
        let done = 0
        for (;;) {
          const claimed = await run(
            Effect.flatMap(Outbox, (outbox) =>
              outbox.claim({ channel: "email", workerId, limit: 2000, leaseMillis: 60_000 }),
            ),
          )
          if (claimed.length === 0) return done
          done += await run(
            Effect.flatMap(Outbox, (outbox) =>
              outbox.markSent(
                workerId,
                claimed.map((delivery) => ({ id: delivery.id, providerMessageId: `msg-${delivery.id}` })),
              ),
            ),
          )
        }
      }
      const counts = await Promise.all(
        Array.from({ length: workers }, (_, index) => drain(`worker-${index}`)),
      )
      const total = counts.reduce((sum, count) => sum + count, 0)
      const elapsed = seconds(start)
      report(
        target,
        `claim+mark ${total} deliveries, ${workers} worker(s)`,
        elapsed,
        `  (${Math.round(total / elapsed).toLocaleString("en")} /s)`,
      )
    }
  } finally {
    await runtime.dispose()
  }
}

const main = async () => {
  console.log(`@spridning/db benchmark, ${peopleCount.toLocaleString("en")} people`)
  await benchmark("PGlite", layerPglite(), [1])
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl === undefined || serverUrl === "") {
    console.log("PostgreSQL skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).")
    return
  }
  const name = `spridning_db_bench_${process.pid}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  try {
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    await benchmark("PostgreSQL", layerPostgres(url.toString(), { max: 10 }), [1, 2, 4])
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

await main()
