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

interface Timing {
  /** Median wall-clock time. */
  readonly ms: number
  /**
   * Median CPU time of this process (user + system, including the garbage collector's
   * threads). On a machine shared with other work, wall time also counts waiting for a core.
   */
  readonly cpuMs: number
}

/** Median times of `run` over `runs` runs (fewer if the budget runs out), after `warmUp` untimed ones. */
const measure = <A>(
  run: () => A,
  { warmUp, runs }: { warmUp: number; runs: number },
): Timing & { result: A } => {
  for (let i = 0; i < warmUp; i++) run()
  const wall: Array<number> = []
  const cpu: Array<number> = []
  let result: A | undefined
  const started = performance.now()
  while (wall.length < runs && (wall.length === 0 || performance.now() - started < budgetMsPerMeasurement)) {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    result = run()
    wall.push(performance.now() - t0)
    const used = process.cpuUsage(cpu0)
    cpu.push((used.user + used.system) / 1000)
  }
  return { ms: median(wall), cpuMs: median(cpu), result: result as A }
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
  readonly build: Timing
  readonly index: Timing
  readonly networkMb: number
  readonly networkWithIndexMb: number
  readonly resolve: Timing
  readonly plan: Timing
  readonly coverage: Timing
  readonly recipients: number
  readonly deliveries: number
  readonly cells: number
}

const benchSize = (people: number): SizeResult => {
  const runs = people >= 100_000 ? 7 : people >= 10_000 ? 9 : 21
  const warmUp = people >= 100_000 ? 2 : 3

  const before = heapUsed()
  const build = measure(() => syntheticNetwork({ people, seed: 42 }), { warmUp: 0, runs: 1 })
  const network: Network = build.result
  const networkBytes = heapUsed() - before
  // A store builds the index once per network; the rules below reuse it.
  const index = measure(() => indexNetwork(network), { warmUp: 0, runs: 1 })
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
    build,
    index,
    networkMb: networkBytes / 1024 / 1024,
    networkWithIndexMb: networkWithIndexBytes / 1024 / 1024,
    resolve,
    plan,
    coverage: report,
    recipients: resolve.result.recipients.length,
    deliveries: plan.result.deliveries.length,
    cells: report.result.cells.length,
  }
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits)
const count = (value: number): string => value.toLocaleString("en-US")
const figure = (t: Timing): string => `${fixed(t.ms).padStart(8)} ms  cpu ${fixed(t.cpuMs).padStart(8)} ms`
const against = (value: number, target: number, unit: string): string =>
  `   target ≤ ${target} ${unit}: ${value <= target ? "met" : "NOT MET"}`

const printSize = (r: SizeResult): void => {
  const atTargetSize = r.people === 100_000
  console.log(
    `${count(r.people).padStart(7)} people, ${count(r.edges)} role/follow edges (${fixed(r.edges / r.people)} per person),` +
      ` ${count(r.recipients)} recipients, ${count(r.deliveries)} deliveries, ${count(r.cells)} coverage cells`,
  )
  console.log(`  build network     ${figure(r.build)}   (+ index ${fixed(r.index.ms)} ms)`)
  console.log(`  resolveAudience   ${figure(r.resolve)}`)
  console.log(
    `  planDissemination ${figure(r.plan)}${atTargetSize ? against(r.plan.cpuMs, targets.planMs, "ms") : ""}`,
  )
  console.log(
    `  coverage          ${figure(r.coverage)}${atTargetSize ? against(r.coverage.cpuMs, targets.coverageMs, "ms") : ""}`,
  )
  console.log(
    `  heap, network     ${fixed(r.networkMb).padStart(8)} MB   with its index ${fixed(r.networkWithIndexMb)} MB` +
      (atTargetSize ? against(r.networkWithIndexMb, targets.networkMb, "MB") : ""),
  )
  console.log(
    `  per recipient     plan ${fixed((r.plan.cpuMs * 1000) / Math.max(r.recipients, 1), 2)} µs,` +
      ` resolve ${fixed((r.resolve.cpuMs * 1000) / Math.max(r.recipients, 1), 2)} µs (cpu)\n`,
  )
}

const printGrowth = (results: ReadonlyArray<SizeResult>): void => {
  console.log("Growth between sizes, in CPU time (linear: cost grows like the number of recipients)")
  const ratio = (a: number, b: number) => `×${fixed(a / Math.max(b, 1e-9))}`
  for (let i = 1; i < results.length; i++) {
    const small = results[i - 1] as SizeResult
    const large = results[i] as SizeResult
    console.log(
      `  ${small.people / 1000}k → ${large.people / 1000}k: recipients ${ratio(large.recipients, small.recipients)},` +
        ` resolve ${ratio(large.resolve.cpuMs, small.resolve.cpuMs)},` +
        ` plan ${ratio(large.plan.cpuMs, small.plan.cpuMs)},` +
        ` coverage ${ratio(large.coverage.cpuMs, small.coverage.cpuMs)},` +
        ` heap ${ratio(large.networkWithIndexMb, small.networkWithIndexMb)};` +
        ` plan per recipient ${ratio(large.plan.cpuMs / large.recipients, small.plan.cpuMs / small.recipients)}`,
    )
  }
}

const started = performance.now()
console.log(`@spridning/core benchmark — Node ${process.version}, medians after warm-up, one process\n`)
const results = sizes.map((people) => {
  const result = benchSize(people)
  printSize(result)
  return result
})
printGrowth(results)
console.log(
  "\nTargets are checked against CPU time (the rule's own work on one core); wall time also counts" +
    " waiting for a core when the machine is busy.",
)
console.log(`Total ${fixed((performance.now() - started) / 1000)} s`)
