import type { DisseminationPlan, InclusionReason, Network, PlannedDelivery } from "@spridning/core"
import {
  layerPglite,
  layerPostgres,
  layerRepositories,
  type NewUpdate,
  Organisation,
  type Repositories,
  Updates,
} from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import {
  ChannelSenders,
  DispatchSettings,
  type DispatchSettingsShape,
  makeDispatcher,
  makeDispatchSettings,
  type PassReport,
  withClock,
} from "@spridning/dispatch"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { makeEmailChannelSender } from "../../src/delivery/email-channel.js"
import { MailSender } from "../../src/sending/mail-sender.js"
import { makeSendGridSender } from "../../src/sending/sendgrid-sender.js"
import { type LocalSendGrid, startLocalSendGrid } from "../../src/testing/sendgrid-server.js"
import { links, organizer, passOnLine, network as smallNetwork } from "./fixtures.js"

/** A settable clock: the worker and scheduler read it, tests move it. */
export const makeClock = (start: string | Date) => {
  let now = new Date(start)
  return {
    now: () => now,
    set: (at: string | Date) => {
      now = new Date(at)
    },
    advance: (millis: number) => {
      now = new Date(now.getTime() + millis)
    },
  }
}

/** A dispatcher with the email sender; its time comes from `clock` when given. */
export type WorkerOptions = Partial<DispatchSettingsShape> & { readonly clock?: () => Date }

export interface TestWorker {
  readonly workerId: string
  readonly runPass: Effect.Effect<PassReport, unknown, Repositories>
  readonly drain: (maxPasses?: number) => Effect.Effect<PassReport, unknown, Repositories>
}

export interface Harness {
  readonly sendGrid: LocalSendGrid
  readonly run: <A, E>(effect: Effect.Effect<A, E, Repositories>) => Promise<A>
  readonly worker: (overrides?: WorkerOptions) => Promise<TestWorker>
  readonly publish: (update: NewUpdate, deliveries: ReadonlyArray<PlannedDelivery>, at: Date) => Promise<void>
  readonly close: () => Promise<void>
}

const makeWorker = (
  runtime: { readonly runPromise: <A, E>(effect: Effect.Effect<A, E, Repositories>) => Promise<A> },
  sendGrid: LocalSendGrid,
  options: WorkerOptions & { readonly workerId: string },
): Promise<TestWorker> =>
  runtime.runPromise(
    Effect.gen(function* () {
      const sender = yield* makeEmailChannelSender({ links, organizer })
      const settings = makeDispatchSettings({ configuredChannels: new Set(["email"]), ...options })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(DispatchSettings, settings),
      )
      const clocked =
        options.clock === undefined
          ? <A, E, R>(effect: Effect.Effect<A, E, R>) => effect
          : withClock(options.clock)
      return {
        workerId: options.workerId,
        runPass: clocked(dispatcher.runPass),
        drain: (maxPasses?: number) => clocked(dispatcher.drain(maxPasses)),
      }
    }).pipe(
      Effect.provideService(
        MailSender,
        makeSendGridSender({
          apiKey: Redacted.make(sendGrid.apiKey),
          baseUrl: sendGrid.url,
          from: organizer,
        }),
      ),
    ),
  )

/**
 * The network imported into a fresh database, and a local SendGrid. The database is
 * PostgreSQL when DATABASE_URL is set (real concurrency: SKIP LOCKED, two live workers), else
 * PGlite in memory.
 */
export const startHarness = async (network: Network = smallNetwork): Promise<Harness> => {
  const sendGrid = await startLocalSendGrid()
  const serverUrl = process.env.DATABASE_URL
  const database =
    serverUrl === undefined || serverUrl === ""
      ? undefined
      : await freshPostgresDatabase(serverUrl, "spridning_email_test")
  const runtime = ManagedRuntime.make(
    layerRepositories.pipe(
      Layer.provideMerge(database === undefined ? layerPglite() : layerPostgres(database.url, { max: 4 })),
    ),
  )
  await runtime.runPromise(Organisation.use((organisation) => organisation.importNetwork(network, "test")))
  let workers = 0
  return {
    sendGrid,
    run: (effect) => runtime.runPromise(effect),
    worker: (overrides = {}) => {
      workers += 1
      return makeWorker(runtime, sendGrid, {
        workerId: `worker-${workers}`,
        random: () => 0.5,
        ...overrides,
      })
    },
    publish: async (update, deliveries, at) => {
      const plan: DisseminationPlan = {
        updateId: update.id as DisseminationPlan["updateId"],
        deliveries,
        unreachableRegions: [],
        skipped: [],
        passOnLine,
      }
      await runtime.runPromise(Updates.use((updates) => updates.publish(update, plan, "test", at)))
    },
    close: async () => {
      await runtime.dispose()
      await sendGrid.close()
      await database?.drop()
    },
  }
}

/** A planned email delivery to one person, with the reason they get it. */
export const deliveryTo = (
  updateId: string,
  personId: string,
  regionId: string,
  reasons: ReadonlyArray<InclusionReason>,
  bridge?: PlannedDelivery["bridge"],
): PlannedDelivery =>
  ({
    updateId,
    personId,
    regionId,
    channel: "email",
    reasons,
    ...(bridge === undefined ? {} : { bridge }),
  }) as PlannedDelivery

export const participant = (regionId: string, themeGroupId = "tobak") =>
  ({ _tag: "HoldsRole", role: "participant", regionId, themeGroupId }) as unknown as InclusionReason
export const follows = (themeGroupId = "tobak") =>
  ({ _tag: "FollowsThemeGroup", themeGroupId }) as unknown as InclusionReason
