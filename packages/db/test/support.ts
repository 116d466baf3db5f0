import type { Network } from "@spridning/core"
import { type Effect, Layer, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe } from "vitest"
import { type Database, layerPglite, layerPostgres } from "../src/database/database.js"
import { layerRepositories, type Repositories } from "../src/layers.js"
import { freshPostgresDatabase } from "../src/testing/index.js"

export { freshPostgresDatabase }

export interface TestDatabase {
  readonly name: "PGlite" | "PostgreSQL"
  /** Runs an effect against this suite's database. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, Repositories | Database>) => Promise<A>
  readonly url: string | undefined
}

/**
 * Runs the same suite on PGlite always and on PostgreSQL when DATABASE_URL is set, each on
 * a fresh database.
 */
export const describeEachDatabase = (
  title: string,
  suite: (database: TestDatabase) => void,
  options: { readonly postgresOnly?: boolean } = {},
): void => {
  const serverUrl = process.env.DATABASE_URL
  const targets: Array<TestDatabase["name"]> = [
    ...(options.postgresOnly === true ? [] : (["PGlite"] as const)),
    ...(serverUrl ? (["PostgreSQL"] as const) : []),
  ]
  for (const name of targets) {
    describe(`${title} (${name})`, () => {
      let runtime: ManagedRuntime.ManagedRuntime<Repositories | Database, unknown> | undefined
      let drop: (() => Promise<void>) | undefined
      let url: string | undefined
      beforeAll(async () => {
        let layer: Layer.Layer<Database, unknown>
        if (name === "PostgreSQL" && serverUrl !== undefined) {
          const fresh = await freshPostgresDatabase(serverUrl)
          drop = fresh.drop
          url = fresh.url
          layer = layerPostgres(fresh.url)
        } else {
          layer = layerPglite()
        }
        runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layer)))
        await runtime.runPromise(runtime.contextEffect)
      })
      afterAll(async () => {
        await runtime?.dispose()
        await drop?.()
      })
      suite({
        name,
        run: (effect) => {
          if (runtime === undefined) throw new Error("database not started")
          return runtime.runPromise(effect)
        },
        get url() {
          return url
        },
      })
    })
  }
}

/** A small network: two regions (Halland in two healthcare regions), one group, four people. */
export const smallNetwork = (prefix: string, options: { readonly withDefaultRule?: boolean } = {}): Network =>
  ({
    healthcareRegions: [
      { id: `${prefix}-hr-vast`, name: "Västra" },
      { id: `${prefix}-hr-sodra`, name: "Södra" },
    ],
    regions: [
      {
        id: `${prefix}-halland`,
        name: "Region Halland",
        kind: "region",
        healthcareRegionIds: [`${prefix}-hr-vast`, `${prefix}-hr-sodra`],
      },
      {
        id: `${prefix}-skane`,
        name: "Region Skåne",
        kind: "region",
        healthcareRegionIds: [`${prefix}-hr-sodra`],
      },
    ],
    orgUnits: [
      { id: `${prefix}-ou-1`, regionId: `${prefix}-skane`, name: "Folkhälsa Skåne", sector: "publicHealth" },
    ],
    themeGroups: [
      {
        id: `${prefix}-tobak`,
        name: "Tobaksprevention",
        topic: "Tobak",
        status: "active",
        wantedFunctions: ["clinician"],
        knowledgeGovernance: { level: "NPO", area: "Levnadsvanor" },
      },
      {
        id: `${prefix}-alkohol`,
        name: "Alkoholprevention",
        topic: "Alkohol",
        status: "merged",
        mergedInto: `${prefix}-tobak`,
        wantedFunctions: [],
      },
    ],
    people: [
      {
        id: `${prefix}-anna`,
        name: "Anna Andersson",
        email: `anna.${prefix}@example.se`,
        function: "clinician",
        regionId: `${prefix}-skane`,
        orgUnitId: `${prefix}-ou-1`,
        preferences: {
          channels: ["email", "slack"],
          language: "sv",
          optedOutOfAll: false,
          optedOutOfThemeGroups: [],
        },
      },
      {
        id: `${prefix}-bo`,
        name: "Bo Berg",
        email: `bo.${prefix}@example.se`,
        function: "strategist",
        regionId: `${prefix}-halland`,
        preferences: {
          channels: ["email"],
          language: "en",
          optedOutOfAll: false,
          optedOutOfThemeGroups: [`${prefix}-alkohol`],
        },
      },
      {
        id: `${prefix}-cia`,
        name: "Cia Carlsson",
        email: `cia.${prefix}@example.se`,
        function: "manager",
        regionId: `${prefix}-halland`,
        preferences: { channels: ["email"], language: "sv", optedOutOfAll: false, optedOutOfThemeGroups: [] },
      },
    ],
    roles: [
      {
        id: `${prefix}-r1`,
        personId: `${prefix}-anna`,
        role: "participant",
        regionId: `${prefix}-skane`,
        themeGroupId: `${prefix}-tobak`,
      },
      { id: `${prefix}-r2`, personId: `${prefix}-bo`, role: "processLeader", regionId: `${prefix}-halland` },
      {
        id: `${prefix}-r3`,
        personId: `${prefix}-cia`,
        role: "bodyMember",
        regionId: `${prefix}-halland`,
        regionalBodyId: `${prefix}-rb`,
      },
    ],
    regionalBodies: [
      {
        id: `${prefix}-rb`,
        regionId: `${prefix}-halland`,
        kind: "council",
        name: "Hälsoråd Halland",
        wantedSectors: ["school"],
      },
    ],
    reportingRules: [
      // Default rules are network-wide and unique, so only one fixture per database carries one.
      ...(options.withDefaultRule === true
        ? [{ id: `${prefix}-rule-default`, from: "participant", to: "processLeader", relation: "reportsTo" }]
        : []),
      {
        id: `${prefix}-rule-halland`,
        regionId: `${prefix}-halland`,
        from: "processLeader",
        to: "management",
        relation: "reportsTo",
      },
    ],
    follows: [{ personId: `${prefix}-cia`, themeGroupId: `${prefix}-tobak`, frequency: "weekly" }],
  }) as unknown as Network
