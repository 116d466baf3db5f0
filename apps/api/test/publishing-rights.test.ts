import { demoNetwork } from "@spridning/core/demo"
import { describeRightsRow, publishingRightsTable, type RightsWho } from "@spridning/core/testing"
import { ApiTokens, layerPglite, layerRepositories, Organisation } from "@spridning/db"
import { Layer, ManagedRuntime } from "effect"
import type { Hono } from "hono"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApiFromDatabase } from "../src/index.js"

/**
 * The rights table (shared with Slack's test) run against POST /v1/updates, each row with the
 * token of its "who", on the demo network in a fresh PGlite database.
 */
describe("publishing rights, from the shared table", () => {
  const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPglite())))
  const secrets = new Map<RightsWho, string>()
  let app: Hono | undefined
  beforeAll(async () => {
    await runtime.runPromise(
      Organisation.use((organisation) => organisation.importNetwork(demoNetwork, "test")),
    )
    for (const row of publishingRightsTable) {
      if (secrets.has(row.who)) continue
      const created = await runtime.runPromise(
        ApiTokens.use((tokens) => tokens.create({ ...row.who.token, name: row.who.label }, "test")),
      )
      secrets.set(row.who, created.token)
    }
    app = await runtime.runPromise(makeApiFromDatabase())
  }, 120_000)
  afterAll(() => runtime.dispose())

  publishingRightsTable.forEach((row, number) => {
    it(describeRightsRow(row), async () => {
      const response = await app!.request("/v1/updates", {
        method: "POST",
        headers: { authorization: `Bearer ${secrets.get(row.who)}`, "content-type": "application/json" },
        body: JSON.stringify({
          update: {
            ...(row.themeGroupId === undefined ? {} : { themeGroupId: row.themeGroupId }),
            title: `Rättighetsrad ${number + 1}`,
            body: "…",
            audience: {
              scope: "network",
              ...(row.themeGroupId === undefined ? {} : { themeGroups: [row.themeGroupId] }),
              ...(row.regions.length === 0 ? {} : { regions: row.regions }),
            },
            details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
          },
        }),
      })
      const body = (await response.json()) as { detail?: string }
      expect(response.status, JSON.stringify(body)).toBe(row.expected === "allowed" ? 201 : 403)
      if (row.expected === "AudienceOutsideRegion")
        expect(body.detail).toContain("publish only to recipients in")
      if (row.expected === "NotYourThemeGroup") expect(body.detail).toContain("As a group editor you publish")
      if (row.expected === "MayNotPublish") expect(body.detail).toContain("no role that may publish")
    }, 180_000)
  })
})
