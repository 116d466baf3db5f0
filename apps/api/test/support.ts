import type { Network } from "@spridning/core"
import {
  ApiTokens,
  type Database,
  layerPglite,
  layerPostgres,
  layerRepositories,
  Organisation,
  type Repositories,
} from "@spridning/db"
import { freshPostgresDatabase } from "@spridning/db/testing"
import { type Effect, Layer, ManagedRuntime } from "effect"
import type { Hono } from "hono"
import { afterAll, beforeAll, describe } from "vitest"
import type { ApiOptions } from "../src/app.js"
import { makeApiFromDatabase } from "../src/index.js"
import { testNetwork } from "./fixtures.js"

export type Role = "admin" | "region-editor" | "group-editor" | "reader"

export interface TestApi {
  readonly databaseName: "PGlite" | "PostgreSQL"
  readonly app: Hono
  /** Bearer secrets: region editor of r-vg, group editor of tg-tobak. */
  readonly tokens: Record<Role, string>
  readonly run: <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => Promise<A>
  /** `app.request` as a given role, with JSON in and out. */
  readonly call: (
    role: Role | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: unknown; headers: Headers; text: string }>
}

/**
 * Runs `suite` against the API over the real db layer: PGlite always, PostgreSQL too when
 * DATABASE_URL is set, each on a fresh database seeded with the test network.
 */
export const describeApi = (
  title: string,
  suite: (api: () => TestApi) => void,
  options: { readonly network?: Network; readonly api?: ApiOptions } = {},
): void => {
  const serverUrl = process.env.DATABASE_URL
  const targets: Array<TestApi["databaseName"]> = ["PGlite", ...(serverUrl ? (["PostgreSQL"] as const) : [])]
  for (const databaseName of targets) {
    describe(`${title} (${databaseName})`, () => {
      let runtime: ManagedRuntime.ManagedRuntime<Repositories | Database, unknown> | undefined
      let drop: (() => Promise<void>) | undefined
      let api: TestApi | undefined
      beforeAll(async () => {
        let database: Layer.Layer<Database, unknown>
        if (databaseName === "PostgreSQL" && serverUrl !== undefined) {
          const fresh = await freshPostgresDatabase(serverUrl, "spridning_api_test")
          drop = fresh.drop
          database = layerPostgres(fresh.url)
        } else {
          database = layerPglite()
        }
        const live = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(database)))
        runtime = live
        const run = <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => live.runPromise(effect)
        await run(
          Organisation.use((organisation) =>
            organisation.importNetwork(options.network ?? testNetwork, "test"),
          ),
        )
        const secret = async (request: Parameters<ApiTokens["Service"]["create"]>[0]) =>
          (await run(ApiTokens.use((tokens) => tokens.create(request, "test")))).token
        const tokens: Record<Role, string> = {
          admin: await secret({ role: "admin", name: "network office" }),
          "region-editor": await secret({
            role: "region-editor",
            regionId: "r-vg",
            name: "VG process leader",
          }),
          "group-editor": await secret({
            role: "group-editor",
            themeGroupId: "tg-tobak",
            name: "tobacco chair",
          }),
          reader: await secret({ role: "reader", name: "dashboard" }),
        }
        const app = await run(makeApiFromDatabase({ ...options.api }))
        const call: TestApi["call"] = async (role, method, path, body, headers = {}) => {
          const response = await app.request(path, {
            method,
            headers: {
              ...(role === undefined ? {} : { authorization: `Bearer ${tokens[role]}` }),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
              ...headers,
            },
            ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
          })
          const text = await response.text()
          let parsed: unknown = text
          try {
            parsed = text === "" ? undefined : JSON.parse(text)
          } catch {
            parsed = text
          }
          return { status: response.status, body: parsed, headers: response.headers, text }
        }
        api = { databaseName, app, tokens, run, call }
      }, 120_000)
      afterAll(async () => {
        await runtime?.dispose()
        await drop?.()
      })
      suite(() => {
        if (api === undefined) throw new Error("API not started")
        return api
      })
    })
  }
}
