/**
 * `DATABASE_URL=… pnpm --filter @spridning/db exec tsx bench/stored-plan.bench.ts`: what keeping
 * the plan at publish costs, beside the publish it is part of and a plain read of the outbox
 * rows, in the same run. PGlite always; PostgreSQL when DATABASE_URL is set.
 */
import type { DisseminationPlan, PersonId, RegionId, UpdateId } from "@spridning/core"
import { NetworkStore } from "@spridning/core"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { eq } from "drizzle-orm"
import { Effect, Layer, ManagedRuntime } from "effect"
import { Database, layerPglite, layerPostgres } from "../src/database/database.js"
import { layerRepositories, type Repositories } from "../src/layers.js"
import { Organisation } from "../src/organisation/organisation.js"
import { Outbox } from "../src/outbox/outbox.js"
import { updatePlans } from "../src/schema/index.js"
import { freshPostgresDatabase } from "../src/testing/index.js"
import { StoredPlans, storePlan } from "../src/updates/stored-plan.js"
import { Updates } from "../src/updates/updates.js"

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 100_000)
const seconds = (start: number) => (performance.now() - start) / 1000
const line = (target: string, what: string, elapsed: number) =>
  console.log(`${target.padEnd(10)} ${what.padEnd(52)} ${elapsed.toFixed(2).padStart(7)} s`)

const benchmark = async (target: string, layer: Layer.Layer<Database, unknown>) => {
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layer)))
  const run = <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => runtime.runPromise(effect)
  try {
    const network = syntheticNetwork({ people: peopleCount, seed: 1 })
    await run(Effect.flatMap(Organisation, (org) => org.importNetwork(network, "bench")))
    const loaded = await run(Effect.flatMap(NetworkStore, (store) => store.load))
    const updateId = "bench-update" as UpdateId
    const plan: DisseminationPlan = {
      updateId,
      deliveries: loaded.people.map((person) => ({
        updateId,
        personId: person.id as PersonId,
        regionId: person.regionId as RegionId,
        channel: "email",
        reasons: [{ _tag: "InTargetedRegion", regionId: person.regionId as RegionId, scope: "network" }],
      })),
      unreachableRegions: [],
      skipped: [],
      passOnLine: { sv: "Sprid vidare till: alla", en: "Pass on to: everyone" },
    }
    let start = performance.now()
    const published = await run(
      Effect.flatMap(Updates, (updates) =>
        updates.publish(
          {
            id: updateId,
            title: "Nyhetsbrev",
            body: "",
            audience: { scope: "public" },
            details: { kind: "actionPlan", planYear: 2027 },
          },
          plan,
          "bench",
        ),
      ),
    )
    const publish = seconds(start)
    line(target, `publish to ${published.deliveries} recipients (plan kept)`, publish)

    start = performance.now()
    await run(
      Effect.flatMap(Database, (database) =>
        database.transaction("store plan again", async (tx) => {
          await tx.delete(updatePlans).where(eq(updatePlans.updateId, updateId))
          await storePlan(tx, updateId, plan, new Date())
        }),
      ),
    )
    const keep = seconds(start)
    line(target, "  of which keeping the plan (names of everyone)", keep)
    console.log(
      `${target.padEnd(10)} ${"  ratio keep / publish".padEnd(52)} ${(keep / publish).toFixed(2).padStart(7)}`,
    )

    start = performance.now()
    const stored = await run(Effect.flatMap(StoredPlans, (plans) => plans.get(updateId)))
    const read = seconds(start)
    line(target, `read the stored plan (${stored.deliveries.length} deliveries, names)`, read)
    start = performance.now()
    const rows = await run(Effect.flatMap(Outbox, (outbox) => outbox.forUpdate(updateId)))
    const reference = seconds(start)
    line(target, `reference: read the outbox rows (${rows.length})`, reference)
    console.log(
      `${target.padEnd(10)} ${"  ratio plan read / outbox read".padEnd(52)} ${(read / reference).toFixed(2).padStart(7)}`,
    )
  } finally {
    await runtime.dispose()
  }
}

console.log(`stored plan benchmark, ${peopleCount.toLocaleString("en")} people`)
await benchmark("PGlite", layerPglite())
const serverUrl = process.env.DATABASE_URL
if (serverUrl !== undefined && serverUrl !== "") {
  const fresh = await freshPostgresDatabase(serverUrl, "spridning_plan_bench")
  try {
    await benchmark("PostgreSQL", layerPostgres(fresh.url, { max: 10 }))
  } finally {
    await fresh.drop()
  }
}
