/**
 * `DATABASE_URL=… pnpm exec tsx bench/publish-ratio.bench.ts`: publishing one update to 100k
 * recipients on PostgreSQL beside the same rows written by one raw `INSERT … SELECT` into the
 * same table, in the same run; prints both and the ratio (target ≤ 1.5×). The raw reference
 * runs before and after publishing and its mean is used, so the machine's load favours neither.
 */
import type { DisseminationPlan, Network, PersonId, RegionId, UpdateId } from "@spridning/core"
import { NetworkStore } from "@spridning/core"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { sql } from "drizzle-orm"
import { Effect, Layer, ManagedRuntime } from "effect"
import { Database, layerPostgres } from "../src/database/database.js"
import { layerRepositories, type Repositories } from "../src/layers.js"
import { Organisation } from "../src/organisation/organisation.js"
import { freshPostgresDatabase } from "../src/testing/index.js"
import { Updates } from "../src/updates/updates.js"

const serverUrl = process.env.DATABASE_URL
if (serverUrl === undefined) throw new Error("Set DATABASE_URL to a PostgreSQL server")
const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 2)

const fresh = await freshPostgresDatabase(serverUrl, "spridning_publish_bench")
const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPostgres(fresh.url))))
const run = <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => runtime.runPromise(effect)
const exec = (statement: ReturnType<typeof sql>) =>
  run(Effect.flatMap(Database, (database) => database.run("bench", (db) => db.execute(statement))))
const seconds = (start: number) => (performance.now() - start) / 1000

try {
  const network: Network = syntheticNetwork({ people: peopleCount, seed: 1 })
  await run(Effect.flatMap(Organisation, (org) => org.importNetwork(network, "bench")))
  const loaded = await run(Effect.flatMap(NetworkStore, (store) => store.load))
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
  const publish = (id: string) =>
    run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(
          {
            id,
            title: "Nyhetsbrev",
            body: "",
            audience: { scope: "public" },
            details: { kind: "actionPlan", planYear: 2027 },
          },
          plan(id),
          "bench",
        ),
      ),
    )
  // The reference's rows: the first publication's, kept aside (untimed) with a new update id each time.
  const first = await publish("bench-source")
  await exec(sql`create table bench_rows as select * from deliveries where update_id = 'bench-source'`)
  await exec(sql`vacuum analyze deliveries`)
  let rawRound = 0
  const raw = async (): Promise<number> => {
    rawRound++
    const id = `bench-raw-${rawRound}`
    await publishDraftRow(id)
    await exec(sql`update bench_rows set update_id = ${id}, id = gen_random_uuid()`)
    const start = performance.now()
    await exec(sql`insert into deliveries select * from bench_rows`)
    return seconds(start)
  }
  const publishDraftRow = (id: string) =>
    run(
      Effect.flatMap(Updates, (updates) =>
        updates.createDraft(
          {
            id,
            title: "Referens",
            body: "",
            audience: { scope: "public" },
            details: { kind: "actionPlan", planYear: 2027 },
          },
          "bench",
        ),
      ),
    )
  console.log(`PostgreSQL: ${first.deliveries} deliveries per publication`)
  for (let round = 1; round <= rounds; round++) {
    const before = await raw()
    const start = performance.now()
    const published = await publish(`bench-update-${round}`)
    const publishing = seconds(start)
    const after = await raw()
    const reference = (before + after) / 2
    console.log(
      `round ${round}: publish to ${published.deliveries} recipients ${publishing.toFixed(2)} s; raw INSERT … SELECT of the same rows ${before.toFixed(2)} s before, ${after.toFixed(2)} s after; ratio ${(publishing / reference).toFixed(2)}× (target ≤ 1.5×)`,
    )
  }
} finally {
  await runtime.dispose()
  await fresh.drop()
}
