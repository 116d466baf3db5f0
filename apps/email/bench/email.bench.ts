/**
 * Drains N email deliveries of one update (default 100,000) from the outbox (PGlite in
 * memory) through the SendGrid sender into the local SendGrid server, and prints messages/s,
 * HTTP requests made and peak memory. Targets: at most ⌈N/1000⌉ requests per content group,
 * at least 5,000 messages/s.
 *
 *   pnpm --filter @spridning/email bench            # N = 100,000
 *   BENCH_DELIVERIES=20000 pnpm --filter @spridning/email bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm --filter @spridning/email bench
 *
 * With DATABASE_URL the outbox lives in a fresh PostgreSQL database (dropped afterwards), as
 * in production; without it in PGlite, which runs inside this process and shares its CPU.
 * BENCH_WORKERS drain loops run side by side, as several workers would (default 2 on
 * PostgreSQL, 1 on PGlite).
 */

import { fork } from "node:child_process"
import { fileURLToPath } from "node:url"
import type { DisseminationPlan, Network, PlannedDelivery } from "@spridning/core"
import { layerPglite, layerPostgres, layerRepositories, Organisation, Outbox, Updates } from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { makeEmailWorker } from "../src/delivery/email-worker.js"
import { makeLinkSigner } from "../src/links/signed-links.js"
import { MailSender } from "../src/sending/mail-sender.js"
import { makeSendGridSender } from "../src/sending/sendgrid-sender.js"

const count = Number(process.env.BENCH_DELIVERIES ?? 100_000)
const deadlineMillis = 150_000
// PGlite has one connection in this process: a second loop only competes for it.
const workers = Number(process.env.BENCH_WORKERS ?? (process.env.DATABASE_URL ? 2 : 1))

const network = {
  healthcareRegions: [{ id: "sodra", name: "Södra" }],
  regions: [{ id: "skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["sodra"] }],
  orgUnits: [],
  themeGroups: [
    { id: "tobak", name: "Tobaksprevention", topic: "Tobak", status: "active", wantedFunctions: [] },
  ],
  people: Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    name: `Person ${index}`,
    email: `p${index}@skane.example`,
    function: "clinician",
    regionId: "skane",
    preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
  })),
  // The worker reads the reasons stored with each delivery, not the roles.
  roles: [],
  regionalBodies: [],
  reportingRules: [],
  follows: [],
} as unknown as Network

interface Stats {
  readonly requests: number
  readonly accepted: number
  readonly recipients: number
}

const startSendGridProcess = async () => {
  const child = fork(fileURLToPath(new URL("./sendgrid-process.ts", import.meta.url)), {
    execArgv: ["--import", "tsx"],
  })
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
  await runtime.runPromise(Organisation.use((organisation) => organisation.importNetwork(network, "bench")))
  const deliveries = network.people.map(
    (person): PlannedDelivery =>
      ({
        updateId: "bench-update",
        personId: person.id,
        regionId: person.regionId,
        channel: "email",
        reasons: [{ _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "tobak" }],
      }) as unknown as PlannedDelivery,
  )
  const plan = {
    updateId: "bench-update",
    deliveries,
    unreachableRegions: [],
    skipped: [],
    passOnLine: {
      sv: "Sprid vidare till: kliniker i Region Skåne",
      en: "Pass on to: clinicians in Region Skåne",
    },
  } as unknown as DisseminationPlan
  await runtime.runPromise(
    Updates.use((updates) =>
      updates.publish(
        {
          id: "bench-update",
          themeGroupId: "tobak",
          title: "Minnesanteckningar november",
          body: "Vi gick igenom tobaksavvänjning i primärvården.",
          audience: { scope: "network", themeGroups: ["tobak"] } as never,
          details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
        },
        plan,
        "bench",
        now,
      ),
    ),
  )
  console.log(
    `set up ${count.toLocaleString("en")} deliveries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  const worker = await runtime.runPromise(
    makeEmailWorker({
      workerId: "bench",
      links: makeLinkSigner(Redacted.make("bench-link-secret-0123456789"), "https://spridning.example"),
      organizer: { name: "Spridning", email: "spridning@hfs.example" },
      claimLimit: 5000,
      concurrency: 4,
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

  let peakRss = process.memoryUsage().rss
  let peakHeap = process.memoryUsage().heapUsed
  const sampler = setInterval(() => {
    const usage = process.memoryUsage()
    peakRss = Math.max(peakRss, usage.rss)
    peakHeap = Math.max(peakHeap, usage.heapUsed)
  }, 50)
  const drainStarted = performance.now()
  let sent = 0
  let rounds = 0
  const drainLoop = async () => {
    while (performance.now() - drainStarted < deadlineMillis) {
      const report = await runtime.runPromise(worker.drainOnce)
      rounds += 1
      sent += report.sent
      if (report.claimed === 0) break
    }
  }
  await Promise.all(Array.from({ length: workers }, drainLoop))
  const seconds = (performance.now() - drainStarted) / 1000
  clearInterval(sampler)

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
  console.log(
    `HTTP requests:     ${requests} (target ≤ ⌈N/1000⌉ = ${allowed}); accepted recipients ${stats.recipients.toLocaleString("en")}`,
  )
  console.log(
    `peak memory:       rss ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  )
  console.log(`outbox afterwards: ${JSON.stringify(counts)}`)
  await runtime.dispose()
  await sendGrid.stop()
  await database?.drop()
  const ok = counts.sent === count && requests <= allowed && rate >= 5000
  console.log(ok ? "targets met" : "TARGETS NOT MET")
  process.exitCode = ok ? 0 : 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
