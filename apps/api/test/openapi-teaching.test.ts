import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { demoNetwork } from "@spridning/core/demo"
import { expect, it } from "vitest"
import { testNetwork } from "./fixtures.js"
import { describeApi } from "./support.js"

type Json = Record<string, unknown>
interface Operation {
  readonly description?: string
  readonly parameters?: ReadonlyArray<{
    readonly $ref?: string
    readonly name?: string
    readonly description?: string
  }>
  readonly requestBody?: { readonly content: Record<string, { readonly example?: unknown }> }
  readonly responses: Record<
    string,
    { readonly $ref?: string; readonly content?: Record<string, { example?: unknown }> }
  >
}
interface Document {
  readonly info: { readonly license: Json; readonly description: string }
  readonly servers: ReadonlyArray<Json>
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: {
    readonly parameters: Record<string, { name: string; in: string }>
    readonly responses: Record<string, { headers: Record<string, Json> }>
  }
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description: string }>
}

const redocly = join(import.meta.dirname, "..", "node_modules", ".bin", "redocly")

describeApi("the API reference teaches", (api) => {
  const load = async () =>
    (await (
      await api().app.request("/openapi.json", { headers: { host: "spridning.regionnorrbotten.se" } })
    ).json()) as Document

  it("passes Redocly's recommended ruleset with no error and no warning (offline)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "spridning-openapi-"))
    try {
      writeFileSync(join(folder, "openapi.json"), JSON.stringify(await load()))
      const { stdout, stderr } = await promisify(execFile)(
        redocly,
        ["lint", "openapi.json", "--format=summary"],
        {
          cwd: folder,
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        },
      )
      const said = `${stdout}${stderr}`
      expect(said).toContain("Your API description is valid.")
      expect(said).not.toMatch(/warning|error/)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 120_000)

  it("describes every operation and parameter, with an example for every request body and main answer", async () => {
    const document = await load()
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ at: `${method} ${path}`, operation })),
    )
    expect(
      operations.filter(({ operation }) => (operation.description ?? "") === "").map((o) => o.at),
    ).toEqual([])
    const undescribed = operations.flatMap(({ at, operation }) =>
      (operation.parameters ?? [])
        .filter((parameter) => parameter.$ref === undefined && (parameter.description ?? "") === "")
        .map((parameter) => `${at} ${parameter.name}`),
    )
    expect(undescribed).toEqual([])
    const withoutExample = operations
      .filter(({ operation }) => {
        const json = operation.requestBody?.content["application/json"]
        return json !== undefined && json.example === undefined
      })
      .map((o) => o.at)
    expect(withoutExample).toEqual([])
    const answersWithoutExample = operations.flatMap(({ at, operation }) =>
      Object.entries(operation.responses)
        .filter(
          ([status, response]) =>
            status.startsWith("2") && response.content?.["application/json"] !== undefined,
        )
        .filter(([, response]) => response.content?.["application/json"]?.example === undefined)
        .map(([status]) => `${at} ${status}`),
    )
    expect(answersWithoutExample).toEqual([])
    expect(document.paths["/v1/updates"]?.post?.requestBody?.content["application/json"]?.example).toEqual({
      update: {
        themeGroupId: "tg-tobak",
        title: "Minnesanteckningar november",
        body: "Vi gick igenom snusavvänjning i primärvården och nya material för skolan.",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
      },
    })
    expect(document.tags.every((tag) => tag.description !== "")).toBe(true)
  })

  it("documents Idempotency-Key on every POST, Retry-After on 429, servers, licence, and date formats", async () => {
    const document = await load()
    expect(document.servers).toEqual([
      { url: "http://spridning.regionnorrbotten.se", description: "This server" },
    ])
    expect(document.info.license).toEqual({
      name: "EUPL-1.2",
      url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    })
    expect(document.components.parameters.IdempotencyKey).toMatchObject({
      in: "header",
      name: "Idempotency-Key",
    })
    expect(Object.keys(document.components.responses.TooManyRequests?.headers ?? {})).toEqual(["Retry-After"])
    for (const [path, methods] of Object.entries(document.paths)) {
      if (!path.startsWith("/v1/")) continue
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.responses["429"], `${method} ${path}`).toEqual({
          $ref: "#/components/responses/TooManyRequests",
        })
        if (method === "post") {
          expect(operation.parameters, `${method} ${path}`).toContainEqual({
            $ref: "#/components/parameters/IdempotencyKey",
          })
        }
      }
    }
    expect(JSON.stringify(document)).toContain('"createdAt":{"type":"string","format":"date-time"')
    expect(document.info.description).toContain("Idempotency-Key")
  })

  it("shows the reference without the AI agent, the share and deploy toolbar, or telemetry", async () => {
    const init = await (await api().app.request("/docs/init.js")).text()
    expect(init).toContain('"agent":{"disabled":true}')
    expect(init).toContain('"showToolbar":"never"')
    expect(init).toContain('"telemetry":false')
  })
})

// The demo network, which the reference's examples name, plus the region the suite's tokens need.
const missing = <T extends { readonly id: string }>(mine: ReadonlyArray<T>, theirs: ReadonlyArray<T>) =>
  theirs.filter((record) => !mine.some((own) => own.id === record.id))
const exampleNetwork = {
  ...demoNetwork,
  healthcareRegions: [
    ...demoNetwork.healthcareRegions,
    ...missing(demoNetwork.healthcareRegions, testNetwork.healthcareRegions),
  ],
  regions: [
    ...demoNetwork.regions,
    ...missing(
      demoNetwork.regions,
      testNetwork.regions.filter((r) => r.id === "r-vg"),
    ),
  ],
}

describeApi(
  "the reference's examples run as shown",
  (api) => {
    it.each([
      ["get", "/v1/regions/{id}", 200],
      ["get", "/v1/theme-groups/{id}", 200],
      ["get", "/v1/people/{id}", 200],
      ["post", "/v1/audiences/preview", 200],
      ["put", "/v1/theme-groups/{id}/slack-channel", 200],
      ["post", "/v1/updates", 201],
    ] as const)("%s %s", async (method, path, status) => {
      const document = (await (await api().app.request("/openapi.json")).json()) as Document
      const operation = document.paths[path]?.[method] as
        | (Operation & { parameters?: ReadonlyArray<{ in?: string; name?: string; example?: unknown }> })
        | undefined
      let url: string = path
      for (const parameter of operation?.parameters ?? []) {
        if (parameter.in === "path") url = url.replace(`{${parameter.name}}`, String(parameter.example))
      }
      const example = operation?.requestBody?.content["application/json"]?.example
      const answer = await api().call("admin", method.toUpperCase(), url, example)
      expect(answer.status, answer.text).toBe(status)
    })
  },
  { network: exampleNetwork },
)
