import { Effect, Layer, ManagedRuntime } from "effect"
import postgres from "postgres"
import { sql } from "drizzle-orm"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { Database, layerPostgres } from "./src/database/database.js"
import { layerRepositories } from "./src/layers.js"
import { Organisation } from "./src/organisation/organisation.js"
import { loadNetwork } from "./src/organisation/network-store.js"
import { executeRows } from "./src/database/raw.js"
const admin = postgres("postgres://postgres@127.0.0.1:5432/test", { max: 1 })
const rt = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPostgres("postgres://postgres@127.0.0.1:5432/spr_load"))))
let t = performance.now()
const n = syntheticNetwork({ people: 100000, seed: 1 })
console.log("generate", performance.now() - t)
t = performance.now()

console.log("importNetwork", performance.now() - t)
const db = (await rt.runPromise(Database)).db
for (const [name, q] of [
  ["follows arrays ordered subq", sql`select coalesce(json_agg(json_build_array(person_id, theme_group_id, frequency)), '[]')::text as rows from (select * from follows order by person_id, theme_group_id) f`],
  ["follows arrays noorder", sql`select coalesce(json_agg(json_build_array(person_id, theme_group_id, frequency)), '[]')::text as rows from follows f`],
  ["follows json", sql`select coalesce(json_agg(json_build_object('personId', f.person_id, 'themeGroupId', f.theme_group_id, 'frequency', f.frequency) order by f.person_id, f.theme_group_id), '[]')::text as rows from follows f`],
  ["follows rows", sql`select person_id, theme_group_id, frequency from follows`],
] as const) {
  t = performance.now()
  const r = await executeRows<{ rows?: string }>(db, q)
  const t1 = performance.now() - t
  if (r[0]?.rows) JSON.parse(r[0].rows)
  console.log(name, Math.round(t1), Math.round(performance.now() - t), r.length)
}
t = performance.now(); await loadNetwork(db); console.log("loadNetwork", performance.now() - t)
await rt.dispose(); await admin.end()
