import { tmpdir } from "node:os"
import { join } from "node:path"
/**
 * `pnpm --filter @spridning/web bench`: server render time of every public page on the demo
 * network (in-process `app.request`, database on PGlite, the same path a reader's request
 * takes), beside a bare Hono route in the same run; the office's coverage view (heat map,
 * tile map, gaps) on the demo network and on core's 100k synthetic network; and the bytes
 * the first public page costs. Targets: ≤ 20 ms p50 per page on the demo network, heat map of
 * the 100k network ≤ 300 ms, first public page ≤ 150 KB.
 */
import { gzipSync } from "node:zlib"
import {
  type Audience,
  coverage,
  type Network,
  planDissemination,
  ThemeGroupId,
  UpdateId,
  validateNetwork,
} from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { syntheticNetwork } from "@spridning/core/synthetic"
import { layerPglite, layerRepositories, type NewUpdate, Organisation, Updates } from "@spridning/db"
import { layerMailSink } from "@spridning/email"
import { Effect, Layer, ManagedRuntime } from "effect"
import { Hono } from "hono"
import { renderCoveragePage, webRoutes } from "../src/index.js"
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

const main = async () => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      layerRepositories,
      layerMailSink({ directory: join(tmpdir(), "spridning-web-bench-mail"), from: benchSender }),
    ).pipe(Layer.provideMerge(layerPglite())),
  )
  await runtime.runPromise(seed)
  const web = webRoutes({
    run: (effect) => runtime.runPromise(effect),
    now: () => new Date("2026-12-01T12:00:00Z"),
  })
  const bare = new Hono()
  bare.get("/bare", (c) => c.text("ok"))

  console.log(
    `Public pages on the demo network (${content().length} public updates), ${rounds} requests each:`,
  )
  const reference = await measure(rounds, () => bare.request("/bare"))
  console.log(`  bare Hono route (reference)          p50 ${ms(reference.p50)}  p99 ${ms(reference.p99)}`)
  const load = await measure(rounds, () =>
    runtime.runPromise(Effect.all([loadPublicNetwork, loadPublicUpdates()])),
  )
  console.log(`  loading groups + every public update (reference) p50 ${ms(load.p50)}  p99 ${ms(load.p99)}`)
  const paths = [
    "/",
    "/grupper/tg-tobak",
    "/uppdateringar/notes-tg-tobak-0",
    "/goda-exempel",
    "/goda-exempel?tagg=n%C3%A4tverk&q=exempel",
    "/flode.atom",
    "/grupper/tg-tobak/flode.atom",
    "/kalender.ics",
  ]
  let worstP50 = 0
  for (const path of paths) {
    const result = await measure(rounds, async () => {
      const response = await web.request(path)
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
      await response.text()
    })
    worstP50 = Math.max(worstP50, result.p50)
    console.log(
      `  ${path.padEnd(36)} p50 ${ms(result.p50)}  p99 ${ms(result.p99)}  (${(result.p50 / reference.p50).toFixed(0)}× the bare route)`,
    )
  }
  console.log(
    `  worst p50 ${ms(worstP50)} — target ≤ ${targets.pageP50Ms} ms: ${worstP50 <= targets.pageP50Ms ? "met" : "MISSED"}`,
  )

  const home = await (await web.request("/")).text()
  const cssPath = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(home)?.[1] ?? ""
  const css = await (await web.request(cssPath)).text()
  const raw = Buffer.byteLength(home) + Buffer.byteLength(css)
  const gzipped = gzipSync(home).length + gzipSync(css).length
  console.log(
    `First public page: HTML ${Buffer.byteLength(home)} B + CSS ${Buffer.byteLength(css)} B = ${(raw / 1024).toFixed(1)} KB (${(gzipped / 1024).toFixed(1)} KB gzipped; no script) — target ≤ ${targets.firstPageKb} KB: ${raw / 1024 <= targets.firstPageKb ? "met" : "MISSED"}`,
  )

  const coverageRun = async (label: string, network: Network, times: number) => {
    const core = await measure(times, () => coverage(network))
    const validation = await measure(times, () => validateNetwork(network))
    const page = await measure(times, () => renderCoveragePage(network, "sv"))
    const size = Buffer.byteLength(renderCoveragePage(network, "sv"))
    console.log(
      `  ${label}: page p50 ${ms(page.p50)}  p99 ${ms(page.p99)}; of which core's coverage() p50 ${ms(core.p50)} and validateNetwork() p50 ${ms(validation.p50)} (references); the web's own share ≈ ${ms(Math.max(0, page.p50 - core.p50 - validation.p50))}; ${(size / 1024).toFixed(0)} KB of HTML`,
    )
    return page
  }
  console.log("The office's coverage view (heat map, tile map, gaps, issues), render only:")
  await coverageRun(`demo network (${demoNetwork.people.length} people)`, demoNetwork, rounds)
  const big = syntheticNetwork({ people: 100_000 })
  const bigResult = await coverageRun(
    `synthetic ${big.people.length} people, ${big.regions.length} members × ${big.themeGroups.length} groups`,
    big,
    Number(process.env.BENCH_BIG_ROUNDS ?? 10),
  )
  console.log(
    `  heat map of the 100k network p50 ${ms(bigResult.p50)} — target ≤ ${targets.heatMap100kMs} ms: ${bigResult.p50 <= targets.heatMap100kMs ? "met" : "MISSED"}`,
  )
  await runtime.dispose()
}

await main()
