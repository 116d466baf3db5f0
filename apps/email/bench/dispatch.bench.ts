/**
 * Drains N email deliveries of one update (default 100,000) from the outbox through the one
 * dispatcher (core's decision per delivery, the email sender) into the local SendGrid server,
 * and prints messages/s, HTTP requests made and peak memory. Targets: ⌈N/1000⌉ requests, at
 * least 5,000 messages/s, peak RSS at most 400 MB. Beside it, in the same run and on the same
 * database, the raw claim-and-mark rate of the outbox table with plain SQL (the ceiling a
 * dispatcher can approach) and the ratio.
 *
 * It lives with the email channel because it needs the email sender and the SendGrid fake, and
 * the email app depends on @spridning/dispatch (not the other way round).
 *
 * It runs compiled (`tsc -p tsconfig.bench.json`, then node), as production runs:
 *
 *   pnpm --filter @spridning/email bench            # N = 100,000
 *   BENCH_DELIVERIES=20000 pnpm --filter @spridning/email bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm --filter @spridning/email bench
 *
 * With DATABASE_URL the outbox lives in a fresh PostgreSQL database (dropped afterwards), as
 * in production; without it in PGlite, which runs inside this process and shares its CPU.
 * BENCH_WORKERS dispatchers run side by side, as several processes would (default 2 on
 * PostgreSQL, 1 on PGlite).
 */

import { fork } from "node:child_process"
import { writeFile } from "node:fs/promises"
import { Session } from "node:inspector/promises"
import { fileURLToPath } from "node:url"
import { Database, layerPglite, layerPostgres, layerRepositories, Outbox, schema } from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { ChannelSenders, DispatchSettings, makeDispatcher, makeDispatchSettings } from "@spridning/dispatch"
import { sql } from "drizzle-orm"
import { Effect, Layer, ManagedRuntime, Redacted, Tracer } from "effect"
// `pnpm bench` compiles the benchmark with the app's source (tsconfig.bench.json) and runs it with
// node, as production runs: the source through a TypeScript loader took about 100 MB of the
// process's memory by itself.
import { makeEmailChannelSender } from "../src/delivery/email-channel.js"
import { makeLinkSigner } from "../src/links/signed-links.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"
import { benchNetwork, importBenchNetwork, publishBenchUpdate } from "./bench-outbox.js"

const count = Number(process.env.BENCH_DELIVERIES ?? 100_000)
// BENCH_PROFILE=dir writes a CPU profile and a sampled heap profile of the drain alone.
const profileDirectory = process.env.BENCH_PROFILE
const deadlineMillis = 150_000
// PGlite has one connection in this process: a second loop only competes for it.
const workers = Number(process.env.BENCH_WORKERS ?? (process.env.DATABASE_URL ? 2 : 1))

/** Wall time per span name (spans overlap: sends run side by side), for where a drain waits. */
const spanTotals = new Map<string, { count: number; nanos: bigint }>()
class TimedSpan extends Tracer.NativeSpan {
  override end(...args: Parameters<Tracer.NativeSpan["end"]>) {
    super.end(...args)
    const total = spanTotals.get(this.name) ?? { count: 0, nanos: 0n }
    total.count += 1
    total.nanos += args[0] - this.startTime
    spanTotals.set(this.name, total)
  }
}
const timingTracer = Tracer.make({ span: (options) => new TimedSpan(options) })

interface Stats {
  readonly requests: number
  readonly accepted: number
  readonly recipients: number
  /** CPU the local SendGrid spent so far (parsing and checking every request). */
  readonly cpuMicros: number
}

const startSendGridProcess = async () => {
  const child = fork(fileURLToPath(new URL("./sendgrid-process.js", import.meta.url)))
  const ready = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { url: string; apiKey: string }))
    child.once("error", reject)
  })
  return {
    ...ready,
    stats: () =>
      new Promise<Stats>((resolve) => {
        child.once("message", (message) => resolve(message as Stats))
        child.send({ type: "stats" })
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve())
        child.send({ type: "stop" })
      }),
  }
}

const startSetUpProcess = async () => {
  const child = fork(fileURLToPath(new URL("./outbox-setup-process.js", import.meta.url)))
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve())
    child.once("error", reject)
  })
  return {
    run: (command: object) =>
      new Promise<void>((resolve, reject) => {
        child.once("message", (answer: { type: string; error?: string }) =>
          answer.type === "done" ? resolve() : reject(new Error(answer.error)),
        )
        child.send(command)
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve())
        child.send({ type: "stop" })
      }),
  }
}

const main = async () => {
  const started = Date.now()
  const sendGrid = await startSendGridProcess()
  const serverUrl = process.env.DATABASE_URL
  const database = serverUrl === undefined ? undefined : await freshPostgresDatabase(serverUrl)
  const runtime = ManagedRuntime.make(
    layerRepositories.pipe(
      Layer.provideMerge(database === undefined ? layerPglite() : layerPostgres(database.url, { max: 4 })),
    ),
  )
  const now = new Date()
  // On PostgreSQL the outbox is filled from another process, as the API fills it in production;
  // PGlite lives inside the process that opens it, so there the set-up shares this one.
  const setUp = database === undefined ? undefined : await startSetUpProcess()
  const localNetwork = setUp === undefined ? benchNetwork(count) : undefined
  if (setUp !== undefined && database !== undefined)
    await setUp.run({ type: "import", url: database.url, count })
  if (localNetwork !== undefined) await runtime.runPromise(importBenchNetwork(localNetwork))
  const publish = (updateId: string) =>
    setUp !== undefined
      ? setUp.run({ type: "publish", updateId, now: now.toISOString() })
      : localNetwork !== undefined
        ? runtime.runPromise(publishBenchUpdate(localNetwork, updateId, now))
        : Promise.reject(new Error("no outbox to publish to"))
  await publish("bench-update")
  console.log(
    `set up ${count.toLocaleString("en")} deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  const dispatcherOf = (workerId: string) =>
    runtime.runPromise(
      Effect.gen(function* () {
        const sender = yield* makeEmailChannelSender({
          links: makeLinkSigner(Redacted.make("bench-link-secret-0123456789"), "https://spridning.example"),
          organizer: { name: "Spridning", email: "spridning@hfs.example" },
        })
        return yield* makeDispatcher.pipe(
          Effect.provideService(ChannelSenders, [sender]),
          Effect.provideService(
            DispatchSettings,
            makeDispatchSettings({
              workerId,
              configuredChannels: new Set(["email"]),
              claimLimit: 2_000,
              sendConcurrency: 4,
            }),
          ),
        )
      }).pipe(
        Effect.provideService(
          MailSender,
          makeSendGridSender({
            apiKey: Redacted.make(sendGrid.apiKey),
            baseUrl: sendGrid.url,
            from: { email: "spridning@hfs.example", name: "Spridning" },
          }),
        ),
      ),
    )
  const dispatchers = await Promise.all(
    Array.from({ length: workers }, (_, index) => dispatcherOf(`bench-${index}`)),
  )

  // Setting up (importing the network, publishing N deliveries) leaves its own footprint behind;
  // printed so the drain's peak can be told apart from it.
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
  }, 50)
  const session = profileDirectory === undefined ? undefined : new Session()
  if (session !== undefined) {
    session.connect()
    await session.post("Profiler.enable")
    await session.post("Profiler.start")
    // BENCH_PROFILE_ALLOCATIONS=1: every allocation of the drain, also what GC took back since;
    // with BENCH_PROFILE_MINOR=0 only what a full collection took back (the old generation's
    // garbage, which is what makes the peak).
    const all = process.env.BENCH_PROFILE_ALLOCATIONS === "1"
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 64 * 1024,
      includeObjectsCollectedByMajorGC: all,
      includeObjectsCollectedByMinorGC: all && process.env.BENCH_PROFILE_MINOR !== "0",
    })
  }
  const sendGridBefore = await sendGrid.stats()
  const drainStarted = performance.now()
  const cpuBefore = process.cpuUsage()
  let sent = 0
  let rounds = 0
  const drainLoop = async (dispatcher: (typeof dispatchers)[number]) => {
    while (performance.now() - drainStarted < deadlineMillis) {
      const report = await runtime.runPromise(dispatcher.runPass.pipe(Effect.withTracer(timingTracer)))
      rounds += 1
      sent += report.sent
      if (report.claimed === 0) break
    }
  }
  await Promise.all(dispatchers.map(drainLoop))
  const seconds = (performance.now() - drainStarted) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  clearInterval(sampler)
  if (session !== undefined && profileDirectory !== undefined) {
    const { profile } = await session.post("Profiler.stop")
    const heap = await session.post("HeapProfiler.stopSampling")
    await writeFile(`${profileDirectory}/drain.cpuprofile`, JSON.stringify(profile))
    await writeFile(`${profileDirectory}/drain.heapprofile`, JSON.stringify(heap.profile))
    session.disconnect()
  }

  const counts = await runtime.runPromise(Outbox.use((outbox) => outbox.counts("bench-update")))
  const stats = await sendGrid.stats()
  const requests = stats.requests
  const allowed = Math.ceil(count / 1000)
  const rate = sent / seconds
  console.log(
    `database:          ${database === undefined ? "PGlite (in this process)" : "PostgreSQL"}, ${workers} drain loops`,
  )
  console.log(`deliveries:        ${count.toLocaleString("en")} (one update, one content group)`)
  console.log(
    `sent:              ${sent.toLocaleString("en")} in ${seconds.toFixed(2)} s over ${rounds} claims`,
  )
  console.log(`messages/s:        ${Math.round(rate).toLocaleString("en")} (target ≥ 5,000)`)
  // CPU time is what a busy machine disturbs least: it says what each message costs this process.
  console.log(
    `CPU of this process: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s = ${((cpu.user + cpu.system) / sent).toFixed(0)} µs per message (user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s)`,
  )
  console.log(
    `CPU of SendGrid:   ${((stats.cpuMicros - sendGridBefore.cpuMicros) / 1e6).toFixed(2)} s in the local server's own process`,
  )
  console.log(
    `HTTP requests:     ${requests} (target ≤ ⌈N/1000⌉ = ${allowed}); accepted recipients ${stats.recipients.toLocaleString("en")}`,
  )
  console.log(
    `peak memory:       rss ${(peakRss / 2 ** 20).toFixed(0)} MiB (target ≤ 400 MB), heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  )
  console.log(
    `before the drain:  rss ${(before.rss / 2 ** 20).toFixed(0)} MiB, heap ${(before.heapUsed / 2 ** 20).toFixed(0)} MiB (after set-up)`,
  )
  console.log(
    `time in spans:     ${[...spanTotals]
      .map(
        ([name, total]) =>
          `${name.replace("Dispatcher.", "")} ${total.count}× ${(Number(total.nanos) / 1e9).toFixed(1)} s`,
      )
      .join(", ")}`,
  )
  console.log(`outbox afterwards: ${JSON.stringify(counts)}`)

  // The ceiling: the same claim-and-mark with plain SQL, no decision, no rendering, no HTTP.
  await publish("bench-raw")
  const rawStarted = performance.now()
  let rawMarked = 0
  const rawLoop = async () => {
    for (;;) {
      const ids = await runtime.runPromise(
        Database.use((database) =>
          database.run("raw claim", async (db) => {
            const result: unknown = await db.execute(
              sql`update ${schema.deliveries} set state = 'sending', claimed_by = 'raw', attempts = attempts + 1,
                    lease_until = now() + interval '5 minutes'
                  where id = any(array(select id from ${schema.deliveries}
                    where channel = 'email' and state in ('pending', 'failed', 'held') and next_attempt_at <= now()
                    order by next_attempt_at limit 5000 for update skip locked))
                  returning id`,
            )
            const rows = (
              Array.isArray(result) ? result : (result as { rows: Array<unknown> }).rows
            ) as Array<{
              id: string
            }>
            if (rows.length === 0) return 0
            await db.execute(
              sql`update ${schema.deliveries} set state = 'sent', sent_at = now(), lease_until = null
                  where id = any(${`{${rows.map((row) => row.id).join(",")}}`}::uuid[]) and claimed_by = 'raw'`,
            )
            return rows.length
          }),
        ),
      )
      if (ids === 0) return
      rawMarked += ids
    }
  }
  await Promise.all(Array.from({ length: workers }, rawLoop))
  const rawSeconds = (performance.now() - rawStarted) / 1000
  const rawRate = rawMarked / rawSeconds
  console.log(
    `raw claim + mark:  ${rawMarked.toLocaleString("en")} in ${rawSeconds.toFixed(2)} s = ${Math.round(rawRate).toLocaleString("en")}/s (plain SQL, same database, same run)`,
  )
  console.log(`ratio:             dispatcher ${((rate / rawRate) * 100).toFixed(0)} % of the raw outbox rate`)
  await runtime.dispose()
  await setUp?.stop()
  await sendGrid.stop()
  await database?.drop()
  const ok = counts.sent === count && requests <= allowed && rate >= 5000 && peakRss <= 400 * 2 ** 20
  console.log(ok ? "targets met" : "TARGETS NOT MET")
  process.exitCode = ok ? 0 : 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
