import { tmpdir } from "node:os"
import { join } from "node:path"
/**
 * `pnpm --filter @spridning/web bench`: server time of every public page and every office page
 * on the demo network (in-process `app.request`, the same path a reader's request takes; the
 * office's pages signed in as an admin), on PGlite, or on PostgreSQL when `DATABASE_URL` is set
 * (a fresh database is made beside it and dropped after); the office's coverage view rendered
 * over core's 100k synthetic network (summary per healthcare region, one healthcare region's
 * page, and the first render after a change, which runs core's coverage and validation); and
 * the bytes the first public page costs. Every figure is printed beside a bare Hono route
 * returning a small HTML page in the same run, with the ratio: the machine is shared.
 * Targets: ≤ 20 ms p50 per page on the demo network, heat map of the 100k network ≤ 300 ms,
 * first public page ≤ 150 KB.
 */
import { gzipSync } from "node:zlib"
import {
  type Audience,
  coverage,
  planDissemination,
  ThemeGroupId,
  UpdateId,
  validateNetwork,
} from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { syntheticNetwork } from "@spridning/core/synthetic"
import {
  layerPglite,
  layerPostgres,
  layerRepositories,
  type NewUpdate,
  OfficeSignIn,
  Organisation,
  Updates,
} from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { layerMailSink } from "@spridning/email"
import { Effect, Layer, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { renderCoveragePage, renderHealthcareRegionCoveragePage, webRoutes } from "../src/index.js"
import { loadPublicNetwork, loadPublicUpdates } from "../src/public/public-content.js"

const rounds = Number(process.env.BENCH_ROUNDS ?? 200)
const targets = { pageP50Ms: 20, heatMap100kMs: 300, firstPageKb: 150 } as const

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

const measure = async (times: number, run: () => Promise<unknown> | unknown) => {
  for (let i = 0; i < Math.min(20, times); i++) await run()
  const samples: Array<number> = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) }
}

const ms = (value: number) => `${value.toFixed(2)} ms`

/** About what a theme group publishes in a year, public, spread over the groups. */
const content = (): ReadonlyArray<NewUpdate> => {
  const groups = demoNetwork.themeGroups.filter((group) => group.status === "active")
  return groups.flatMap((group, g) => {
    const audience: Audience = { scope: "public", themeGroups: [group.id] }
    const base = { themeGroupId: group.id, audience, body: "Text ".repeat(120) }
    return [
      ...Array.from({ length: 4 }, (_, i) => ({
        ...base,
        id: `notes-${group.id}-${i}`,
        title: `Minnesanteckningar ${group.name} ${i + 1}`,
        details: { kind: "meetingNotes" as const, meetingDate: `2026-0${i + 1}-15` },
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        ...base,
        id: `work-${group.id}-${i}`,
        title: `Arbetspunkt ${i + 1} för ${group.name}`,
        details: {
          kind: "workListItem" as const,
          status: (["planned", "ongoing", "done"] as const)[i % 3] ?? "planned",
        },
      })),
      {
        ...base,
        id: `hour-${group.id}`,
        title: `Digitimme med ${group.name}`,
        details: {
          kind: "digitalHour" as const,
          startsAt: new Date(Date.UTC(2027, 0, 10 + g, 8)),
          endsAt: new Date(Date.UTC(2027, 0, 10 + g, 9)),
        },
      },
      {
        ...base,
        id: `example-${group.id}`,
        title: `Gott exempel från ${group.name}`,
        details: { kind: "goodExample" as const, tags: ["nätverk", group.name.toLowerCase()] },
      },
    ]
  })
}

const seed = Effect.gen(function* () {
  yield* (yield* Organisation).importNetwork(demoNetwork, "bench")
  const updates = yield* Updates
  for (const update of content()) {
    const plan = yield* planDissemination(demoNetwork, {
      id: UpdateId.make(update.id),
      kind: update.details.kind,
      ...(update.themeGroupId === undefined ? {} : { themeGroupId: ThemeGroupId.make(update.themeGroupId) }),
      title: update.title,
      audience: update.audience,
    })
    yield* updates.publish(update, plan, "bench")
  }
})

/** The bench signs nobody in; the office's sign-in mail would land in a temporary folder. */
const benchSender = { email: "spridning@example.se", name: "Spridning" }

/** Hans Jonsson, Norrbotten's process leader in the demo network, signed in as the network office. */
const officeAdminEmail = "hans.jonsson@regionnorrbotten.example"

const line = (label: string, result: { p50: number; p99: number }, reference: { p50: number }) =>
  `  ${label.padEnd(44)} p50 ${ms(result.p50).padStart(10)}  p99 ${ms(result.p99).padStart(10)}  (${(result.p50 / reference.p50).toFixed(0)}× the bare route)`

const main = async () => {
  const postgres =
    process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === ""
      ? undefined
      : await freshPostgresDatabase(process.env.DATABASE_URL, "spridning_web_bench")
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      layerRepositories,
      layerMailSink({ directory: join(tmpdir(), "spridning-web-bench-mail"), from: benchSender }),
    ).pipe(
      Layer.provideMerge(postgres === undefined ? layerPglite() : layerPostgres(postgres.url, { max: 4 })),
    ),
  )
  await runtime.runPromise(seed)
  const web = webRoutes({
    run: (effect) => runtime.runPromise(effect),
    now: () => new Date("2026-12-01T12:00:00Z"),
    officeAdmins: [officeAdminEmail],
    logError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`)
    },
  })
  const bare = new Hono()
  const bareHtml = "<!doctype html><html lang=sv><title>ok</title><p>ok</p></html>"
  bare.get("/bare", (c) => c.html(bareHtml))
  const reference = await measure(rounds, async () => (await bare.request("/bare")).text())

  console.log(
    `Pages on the demo network (${demoNetwork.people.length} people, ${content().length} public updates), ${postgres === undefined ? "PGlite" : "PostgreSQL"}, ${rounds} requests each:`,
  )
  console.log(line("bare Hono route, small HTML (reference)", reference, reference))
  const load = await measure(rounds, () =>
    runtime.runPromise(Effect.all([loadPublicNetwork, loadPublicUpdates()])),
  )
  console.log(line("loading groups + every public update (ref.)", load, reference))
  const admin = demoNetwork.people.find((person) => person.email === officeAdminEmail)
  if (admin === undefined) throw new Error(`the demo network has no ${officeAdminEmail}`)
  const { sessionId } = await runtime.runPromise(
    Effect.gen(function* () {
      return yield* (yield* OfficeSignIn).startSession(admin.id)
    }),
  )
  const cookie = `kansli_session=${sessionId}`
  const paths = [
    "/",
    "/grupper/tg-tobak",
    "/uppdateringar/notes-tg-tobak-0",
    "/goda-exempel",
    "/goda-exempel?tagg=n%C3%A4tverk&q=exempel",
    "/flode.atom",
    "/grupper/tg-tobak/flode.atom",
    "/kalender.ics",
    "/kansli/logga-in",
    "/kansli",
    "/kansli/tackning",
    "/kansli/tackning/sjukvardsregion/hcr-sodra",
    "/kansli/uppdateringar",
    "/kansli/uppdateringar/notes-tg-tobak-0",
  ]
  let worst = { path: "", p50: 0 }
  for (const path of paths) {
    const result = await measure(rounds, async () => {
      const response = await web.request(path, path.startsWith("/kansli") ? { headers: { cookie } } : {})
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      await response.text()
    })
    if (result.p50 > worst.p50) worst = { path, p50: result.p50 }
    console.log(line(path, result, reference))
  }
  console.log(
    `  worst p50 ${ms(worst.p50)} (${worst.path}) — target ≤ ${targets.pageP50Ms} ms: ${worst.p50 <= targets.pageP50Ms ? "met" : "MISSED"}`,
  )

  const home = await (await web.request("/")).text()
  const cssPath = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home)?.[1] ?? ""
  const css = await (await web.request(cssPath)).text()
  const raw = Buffer.byteLength(home) + Buffer.byteLength(css)
  const gzipped = gzipSync(home).length + gzipSync(css).length
  console.log(
    `First public page: HTML ${Buffer.byteLength(home)} B + CSS ${Buffer.byteLength(css)} B = ${(raw / 1024).toFixed(1)} KB (${(gzipped / 1024).toFixed(1)} KB gzipped; no script) — target ≤ ${targets.firstPageKb} KB: ${raw / 1024 <= targets.firstPageKb ? "met" : "MISSED"}`,
  )
  await runtime.dispose()
  await postgres?.drop()

  console.log("The office's coverage view, render only (no database), beside the same bare route:")
  const bareAgain = await measure(rounds, async () => (await bare.request("/bare")).text())
  console.log(line("bare Hono route, small HTML (reference)", bareAgain, bareAgain))
  const demoPage = await measure(rounds, () => renderCoveragePage(demoNetwork, "sv"))
  console.log(
    `${line(`demo network, whole matrix`, demoPage, bareAgain)}; ${(Buffer.byteLength(renderCoveragePage(demoNetwork, "sv")) / 1024).toFixed(0)} KB`,
  )
  const big = syntheticNetwork({ people: 100_000 })
  const bigRounds = Number(process.env.BENCH_BIG_ROUNDS ?? 5)
  console.log(
    `  synthetic ${big.people.length} people, ${big.regions.length} members × ${big.themeGroups.length} groups, ${big.healthcareRegions.length} healthcare regions:`,
  )
  const coreCoverage = await measure(bigRounds, () => coverage(big))
  console.log(line("core's coverage() (reference)", coreCoverage, bareAgain))
  const validation = await measure(bigRounds, () => validateNetwork(big))
  console.log(line("core's validateNetwork() (reference)", validation, bareAgain))
  // A new network object each time, as after an organisation write: nothing derived is kept.
  const cold = await measure(bigRounds, () => renderCoveragePage({ ...big }, "sv"))
  console.log(line("first render after a change (cold)", cold, bareAgain))
  const summary = await measure(bigRounds * 5, () => renderCoveragePage(big, "sv"))
  console.log(
    `${line("heat map: summary per healthcare region", summary, bareAgain)}; ${(Buffer.byteLength(renderCoveragePage(big, "sv")) / 1024).toFixed(0)} KB`,
  )
  const largest = big.healthcareRegions
    .map((healthcareRegion) => ({
      id: healthcareRegion.id,
      regions: big.regions.filter((region) => region.healthcareRegionIds.includes(healthcareRegion.id))
        .length,
    }))
    .toSorted((a, b) => b.regions - a.regions)[0]
  if (largest !== undefined) {
    const one = await measure(bigRounds * 2, () => renderHealthcareRegionCoveragePage(big, largest.id, "sv"))
    console.log(
      `${line(`one healthcare region (${largest.regions} regions × ${big.themeGroups.length})`, one, bareAgain)}; ${(Buffer.byteLength(renderHealthcareRegionCoveragePage(big, largest.id, "sv")) / 1024).toFixed(0)} KB`,
    )
  }
  console.log(
    `  heat map of the 100k network p50 ${ms(summary.p50)} (${ms(cold.p50)} on the first render after a change) — target ≤ ${targets.heatMap100kMs} ms: ${summary.p50 <= targets.heatMap100kMs ? "met" : "MISSED"}${cold.p50 <= targets.heatMap100kMs ? "" : " (not on the first render after a change)"}`,
  )
}

await main()
