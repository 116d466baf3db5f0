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
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { type EmailWorkerOptions, makeEmailWorker } from "../../src/delivery/email-worker.js"
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

export interface Harness {
  readonly sendGrid: LocalSendGrid
  readonly run: <A, E>(effect: Effect.Effect<A, E, Repositories>) => Promise<A>
  readonly worker: (
    overrides?: Partial<EmailWorkerOptions>,
  ) => Promise<Awaited<ReturnType<typeof makeWorker>>>
  readonly publish: (update: NewUpdate, deliveries: ReadonlyArray<PlannedDelivery>, at: Date) => Promise<void>
  readonly close: () => Promise<void>
}

const makeWorker = (
  runtime: { readonly runPromise: <A, E>(effect: Effect.Effect<A, E, Repositories>) => Promise<A> },
  sendGrid: LocalSendGrid,
  options: EmailWorkerOptions,
) =>
  runtime.runPromise(
    makeEmailWorker(options).pipe(
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
        links,
        organizer,
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
