/**
 * `pnpm --filter @spridning/api bench`: drives the API over loopback with autocannon on
 * GET /v1/coverage and POST /v1/audiences/preview, for the demo network and a 100k-person
 * network, beside a bare Hono route served by the same process. Prints requests/s, p50/p99
 * and the ratio to the bare route. Targets on the demo network: coverage ≥ 50 % of bare,
 * preview ≥ 25 %. BENCH_NETWORKS=demo runs the demo network only; BENCH_SECONDS sets each run.
 */
import { fork } from "node:child_process"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { serve } from "@hono/node-server"
import type { Network } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { ApiTokens, layerPglite, layerRepositories, Organisation } from "@spridning/db"
import { Effect, Layer, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { makeApi, makeDatabaseBackend } from "../src/index.js"

const secondsPerRun = Number(process.env.BENCH_SECONDS ?? 6)
const connections = 10

interface Figures {
  readonly name: string
  readonly requestsPerSecond: number
  readonly p50: number
  readonly p99: number
  readonly errors: number
  readonly non2xx: number
  /** CPU this process (the server) spent per answered request. */
  readonly cpuMicrosPerRequest: number
}

interface LoadResult {
  readonly ok: boolean
  readonly error?: string
  readonly requestsPerSecond: number
  readonly total: number
  readonly p50: number
  readonly p99: number
  readonly errors: number
  readonly non2xx: number
}

const loadGenerator = fork(fileURLToPath(new URL("./load-process.ts", import.meta.url)), {
  execArgv: ["--import", "tsx"],
})
await new Promise((resolve) => loadGenerator.once("message", resolve))

const drive = async (
  name: string,
  url: string,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
): Promise<Figures> => {
  const cpuBefore = process.cpuUsage()
  const result = await new Promise<LoadResult>((resolve) => {
    loadGenerator.once("message", (message) => resolve(message as LoadResult))
    loadGenerator.send({
      url,
      connections,
      duration: secondsPerRun,
      method: options.method ?? "GET",
      headers: options.headers ?? {},
      ...(options.body === undefined ? {} : { body: options.body }),
    })
  })
  const cpu = process.cpuUsage(cpuBefore)
  if (!result.ok) throw new Error(`load generator: ${result.error}`)
  return {
    name,
    requestsPerSecond: result.requestsPerSecond,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMicrosPerRequest: (cpu.user + cpu.system) / Math.max(1, result.total),
  }
}

/**
 * `stored`: the network is imported into PGlite and loaded through @spridning/db, as in
 * production. Otherwise the API is the same but its network comes from memory: importing
 * 100k people into PGlite takes minutes, and the cached network makes the store's speed
 * irrelevant to these routes (the db benchmark measures loading it).
 */
const benchNetwork = async (
  label: string,
  network: Network,
  stored: boolean,
): Promise<ReadonlyArray<Figures & { ratio: number; capacity: number }>> => {
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPglite())))
  const started = Date.now()
  if (stored)
    await runtime.runPromise(Organisation.use((organisation) => organisation.importNetwork(network, "bench")))
  const { token } = await runtime.runPromise(
    ApiTokens.use((tokens) => tokens.create({ role: "admin", name: "bench" }, "bench")),
  )
  console.log(
    `${label}: ${network.people.length} people, ${network.roles.length} roles, ${network.themeGroups.length} theme groups, ${network.regions.length} members${stored ? ` — stored in PGlite in ${Date.now() - started} ms` : " — served from memory"}`,
  )
  const backend = await runtime.runPromise(makeDatabaseBackend)
  const api = makeApi(stored ? backend : { ...backend, loadNetwork: Effect.succeed(network) }, {
    rateLimit: { limit: 100_000_000, windowMillis: 60_000 },
    networkMaxAgeMillis: 60_000,
  })
  const root = new Hono()
  root.get("/bare", (c) => c.json({ ok: true }))
  // The coverage answer's exact bytes and headers, without auth, rate limit or routing: how much
  // of the gap to the bare route is the answer itself (security headers, a real body).
  let coverageShape: { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } | undefined
  root.get("/bare-shaped", () =>
    coverageShape === undefined
      ? new Response(null, { status: 503 })
      : new Response(coverageShape.body, { headers: coverageShape.headers }),
  )
  root.route("/", api)
  const server = serve({ fetch: root.fetch, port: 0, hostname: "127.0.0.1" })
  await new Promise((resolve) => server.once("listening", resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // As browsers and HTTP client libraries do; cached answers are gzipped once and kept.
  const auth = { authorization: `Bearer ${token}`, "accept-encoding": "gzip" }
  const json = { ...auth, "content-type": "application/json" }
  const audience = {
    audience: {
      scope: "network",
      themeGroups: network.themeGroups.slice(0, 2).map((g) => g.id),
      tags: ["governance-and-leadership"],
    },
  }

  // Warm the caches once, as a running server would have them, and say what an answer weighs.
  const firstAnswer = async (path: string, init: RequestInit) => {
    const started = Date.now()
    const response = await fetch(`${base}${path}`, init)
    const bytes = Number(response.headers.get("content-length") ?? (await response.arrayBuffer()).byteLength)
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    return `${path}: ${Date.now() - started} ms, ${(bytes / 1024).toFixed(0)} KiB`
  }
  const previewBody = JSON.stringify(audience)
  console.log(
    `  first answers (load + compute): ${await firstAnswer("/v1/coverage", { headers: auth })}; ${await firstAnswer("/v1/audiences/preview", { method: "POST", headers: json, body: previewBody })}`,
  )

  // The bare route is driven before and after, and its mean is the baseline, so that a change
  // in the machine's load during the runs does not favour either side.
  const bareBefore = await drive(`${label} bare Hono route`, `${base}/bare`, {
    headers: { "accept-encoding": "gzip" },
  })
  const shapeSource = await fetch(`${base}/v1/coverage`, { headers: { authorization: auth.authorization } })
  const shapeHeaders: Record<string, string> = {}
  shapeSource.headers.forEach((value, name) => {
    if (!name.startsWith("ratelimit") && name !== "content-length") shapeHeaders[name] = value
  })
  // fetch undoes gzip, so the shaped route compresses the plain answer the way the API does.
  coverageShape = {
    body: new Uint8Array(gzipSync(new Uint8Array(await shapeSource.arrayBuffer()))),
    headers: { ...shapeHeaders, "content-encoding": "gzip" },
  }
  const shaped = await drive(`${label} bare route, coverage's bytes+headers`, `${base}/bare-shaped`, {
    headers: { "accept-encoding": "gzip" },
  })
  const coverage = await drive(`${label} GET /v1/coverage`, `${base}/v1/coverage`, { headers: auth })
  const preview = await drive(`${label} POST /v1/audiences/preview`, `${base}/v1/audiences/preview`, {
    method: "POST",
    headers: json,
    body: previewBody,
  })
  const bareAfter = await drive(`${label} bare Hono route`, `${base}/bare`, {
    headers: { "accept-encoding": "gzip" },
  })
  const bare: Figures = {
    ...bareBefore,
    name: `${label} bare Hono route (mean of before and after)`,
    requestsPerSecond: (bareBefore.requestsPerSecond + bareAfter.requestsPerSecond) / 2,
    p50: Math.max(bareBefore.p50, bareAfter.p50),
    p99: Math.max(bareBefore.p99, bareAfter.p99),
    cpuMicrosPerRequest: (bareBefore.cpuMicrosPerRequest + bareAfter.cpuMicrosPerRequest) / 2,
  }
  await new Promise((resolve) => server.close(resolve))
  await runtime.dispose()
  return [bare, shaped, coverage, preview].map((f) => ({
    ...f,
    ratio: f.requestsPerSecond / bare.requestsPerSecond,
    capacity: bare.cpuMicrosPerRequest / f.cpuMicrosPerRequest,
  }))
}

const print = (rows: ReadonlyArray<Figures & { ratio: number; capacity: number }>) => {
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(48)} ${row.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${String(row.p50).padStart(4)} ms  p99 ${String(row.p99).padStart(4)} ms  ${(row.ratio * 100).toFixed(0).padStart(4)} % of bare  server CPU ${row.cpuMicrosPerRequest.toFixed(0).padStart(6)} µs/req = ${(row.capacity * 100).toFixed(0).padStart(4)} % of bare's capacity${row.errors + row.non2xx > 0 ? `  (${row.errors} errors, ${row.non2xx} non-2xx)` : ""}`,
    )
  }
}

const demo = await benchNetwork("demo", demoNetwork, true)
print(demo)
// BENCH_NETWORKS=demo skips the 100k network (its first answers take a minute on a small machine).
if ((process.env.BENCH_NETWORKS ?? "demo,100k").split(",").includes("100k")) {
  print(await benchNetwork("100k", syntheticNetwork({ people: 100_000, seed: 1 }), false))
}
// Two figures per route: requests per second with the load generator on the same two cores
// (it undoes gzip on every answer, so a route with a real body is bounded by the client: even
// the bare route serving coverage's exact bytes and headers reaches about a third of the bare
// route), and the server's own CPU per request, which is what a server's capacity is.
const target = (what: string, row: { ratio: number; capacity: number } | undefined, wanted: number) => {
  const capacity = row?.capacity ?? 0
  return `${what} on the demo network ≥ ${wanted * 100} % of the bare route — server capacity ${(capacity * 100).toFixed(0)} % ${capacity >= wanted ? "(met)" : "(NOT met)"}; requests/s ${((row?.ratio ?? 0) * 100).toFixed(0)} % (client-bound)`
}
console.log(`\nTarget: ${target("GET /v1/coverage", demo[2], 0.5)}`)
console.log(`Target: ${target("POST /v1/audiences/preview", demo[3], 0.25)}`)
loadGenerator.kill()
