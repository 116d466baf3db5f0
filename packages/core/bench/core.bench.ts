/**
 * `pnpm --filter @spridning/core bench`: how core's rules scale with the size of the network.
 * For 1k, 10k and 100k people (about ten role and follow edges each, 300 member
 * organisations, 200 theme groups) it prints the median time of resolveAudience and
 * planDissemination for an update addressed to everyone, and of coverage; the heap the
 * in-memory network takes; and how cost grows between sizes. Targets at 100k people, one core:
 * plan ≤ 150 ms, coverage ≤ 200 ms, network ≤ 300 MB.
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { Effect } from "effect"
import {
  coverage,
  indexNetwork,
  type Network,
  planDissemination,
  resolveAudience,
  type ThemeGroupId,
  type Update,
  type UpdateId,
} from "../src/index.js"
import { syntheticNetwork } from "../src/synthetic/index.js"

const sizes = [1_000, 10_000, 100_000] as const
const targets = { planMs: 150, coverageMs: 200, networkMb: 300 } as const
/** Stop repeating a measurement after this long, so a slow rule cannot make the run endless. */
const budgetMsPerMeasurement = 8_000

const collectGarbage: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed !== undefined) return exposed
  setFlagsFromString("--expose-gc")
  return runInNewContext("gc") as () => void
})()

const heapUsed = (): number => {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Median wall time of `run` after `warmUp` untimed runs. */
const measure = <A>(
  run: () => A,
  { warmUp, runs }: { warmUp: number; runs: number },
): { ms: number; result: A } => {
  let result = run()
  for (let i = 1; i < warmUp; i++) result = run()
  const times: Array<number> = []
  const started = performance.now()
  while (
    times.length < runs &&
    (times.length === 0 || performance.now() - started < budgetMsPerMeasurement)
  ) {
    const t0 = performance.now()
    result = run()
    times.push(performance.now() - t0)
  }
  return { ms: median(times), result }
}

/** An update addressed to everyone in the network, from the largest theme group. */
const updateToEveryone: Update = {
  id: "update-bench-everyone" as UpdateId,
  kind: "meetingNotes",
  themeGroupId: "tg-0" as ThemeGroupId,
  title: "Minnesanteckningar till alla i nätverket",
  audience: { scope: "network" },
}

interface SizeResult {
  readonly people: number
  readonly edges: number
  readonly buildMs: number
  readonly indexMs: number
  readonly networkMb: number
  readonly networkWithIndexMb: number
  readonly resolveMs: number
  readonly planMs: number
  readonly coverageMs: number
  readonly recipients: number
  readonly deliveries: number
  readonly cells: number
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits)
const pad = (text: string, width: number): string => text.padStart(width)
const verdict = (value: number, target: number): string => (value <= target ? "ok" : "OVER")

const benchSize = (people: number): SizeResult => {
  const runs = people >= 100_000 ? 5 : people >= 10_000 ? 9 : 21
  const warmUp = people >= 100_000 ? 2 : 3

  const before = heapUsed()
  const t0 = performance.now()
  const network: Network = syntheticNetwork({ people, seed: 42 })
  const buildMs = performance.now() - t0
  const networkBytes = heapUsed() - before
  const t1 = performance.now()
  indexNetwork(network)
  const indexMs = performance.now() - t1
  const networkWithIndexBytes = heapUsed() - before

  const resolve = measure(() => Effect.runSync(resolveAudience(network, updateToEveryone.audience)), {
    warmUp,
    runs,
  })
  const plan = measure(() => Effect.runSync(planDissemination(network, updateToEveryone)), { warmUp, runs })
  const report = measure(() => coverage(network), { warmUp, runs })

  return {
    people,
    edges: network.roles.length + network.follows.length,
    buildMs,
    indexMs,
    networkMb: networkBytes / 1024 / 1024,
    networkWithIndexMb: networkWithIndexBytes / 1024 / 1024,
    resolveMs: resolve.ms,
    planMs: plan.ms,
    coverageMs: report.ms,
    recipients: resolve.result.recipients.length,
    deliveries: plan.result.deliveries.length,
    cells: report.result.cells.length,
  }
}

const main = (): void => {
  const started = performance.now()
  console.log(`@spridning/core benchmark — Node ${process.version}, medians after warm-up, one process\n`)
  const results: Array<SizeResult> = []
  for (const people of sizes) {
    const r = benchSize(people)
    results.push(r)
    console.log(
      `${pad(people.toLocaleString("en-US"), 7)} people, ${r.edges.toLocaleString("en-US")} role/follow edges` +
        ` (${fixed(r.edges / people)} per person), ${r.recipients.toLocaleString("en-US")} recipients,` +
        ` ${r.deliveries.toLocaleString("en-US")} deliveries, ${r.cells.toLocaleString("en-US")} coverage cells`,
    )
    console.log(`  build network     ${pad(fixed(r.buildMs), 8)} ms   index ${fixed(r.indexMs)} ms`)
    console.log(`  resolveAudience   ${pad(fixed(r.resolveMs), 8)} ms`)
    console.log(
      `  planDissemination ${pad(fixed(r.planMs), 8)} ms` +
        (people === 100_000 ? `   target ≤ ${targets.planMs} ms: ${verdict(r.planMs, targets.planMs)}` : ""),
    )
    console.log(
      `  coverage          ${pad(fixed(r.coverageMs), 8)} ms` +
        (people === 100_000
          ? `   target ≤ ${targets.coverageMs} ms: ${verdict(r.coverageMs, targets.coverageMs)}`
          : ""),
    )
    console.log(
      `  heap, network     ${pad(fixed(r.networkMb), 8)} MB   with index ${fixed(r.networkWithIndexMb)} MB` +
        (people === 100_000
          ? `   target ≤ ${targets.networkMb} MB: ${verdict(r.networkWithIndexMb, targets.networkMb)}`
          : ""),
    )
    console.log(
      `  per recipient     plan ${fixed((r.planMs * 1000) / Math.max(r.recipients, 1), 2)} µs,` +
        ` resolve ${fixed((r.resolveMs * 1000) / Math.max(r.recipients, 1), 2)} µs\n`,
    )
  }

  console.log("Growth between sizes (linear: time grows like recipients)")
  for (let i = 1; i < results.length; i++) {
    const small = results[i - 1] as SizeResult
    const large = results[i] as SizeResult
    const ratio = (a: number, b: number) => `×${fixed(a / Math.max(b, 1e-9))}`
    console.log(
      `  ${small.people / 1000}k → ${large.people / 1000}k: recipients ${ratio(large.recipients, small.recipients)},` +
        ` resolve ${ratio(large.resolveMs, small.resolveMs)}, plan ${ratio(large.planMs, small.planMs)},` +
        ` coverage ${ratio(large.coverageMs, small.coverageMs)}, heap ${ratio(large.networkWithIndexMb, small.networkWithIndexMb)}` +
        `; plan per recipient ${ratio(large.planMs / large.recipients, small.planMs / small.recipients)}`,
    )
  }
  console.log(`\nTotal ${fixed((performance.now() - started) / 1000)} s`)
}

main()
