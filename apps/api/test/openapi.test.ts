import { Validator } from "@seriousme/openapi-schema-validator"
import { Ajv2020 } from "ajv/dist/2020.js"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, "{$1}")

describeApi("OpenAPI document and reference", (api) => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const response = await api().app.request("/openapi.json")
    expect(response.status).toBe(200)
    const document = (await response.json()) as { openapi: string }
    expect(document.openapi).toBe("3.1.0")
    const result = await new Validator().validate(document as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it("describes every route the app answers, with its method", async () => {
    const document = (await (await api().app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const routes = api()
      .app.routes.filter((route) => route.method !== "ALL" && route.path.startsWith("/v1/"))
      .map((route) => `${route.method.toLowerCase()} ${toOpenApiPath(route.path)}`)
    expect(routes.length).toBeGreaterThan(60)
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method} ${path}`),
      ),
    )
    const missing = [...new Set(routes)].filter((route) => !documented.has(route))
    expect(missing).toEqual([])
  })

  it("documents the problem+json answers and the bearer scheme", async () => {
    const document = (await (await api().app.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >
      components: { securitySchemes: Record<string, { scheme: string }> }
    }
    expect(document.components.securitySchemes.bearer?.scheme).toBe("bearer")
    const post = document.paths["/v1/people"]?.post
    expect(Object.keys(post?.responses["400"]?.content ?? {})).toEqual(["application/problem+json"])
    expect(document.paths["/v1/digital-hours/{id}.ics"]).toBeDefined()
  })

  it("serves the reference page and its script from this server, never a CDN", async () => {
    const page = await api().app.request("/docs")
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('src="/docs/scalar.js"')
    expect(html).not.toMatch(/https?:\/\//)
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'")
    const script = await api().app.request("/docs/scalar.js")
    expect(script.status).toBe(200)
    expect(script.headers.get("content-type")).toContain("javascript")
    expect((await script.text()).length).toBeGreaterThan(100_000)
  })
})

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >
  components: { schemas?: Record<string, unknown> }
}

describeApi("answers match the OpenAPI document", (api) => {
  it("answers every read with a body its documented schema accepts", async () => {
    const document = (await (await api().app.request("/openapi.json")).json()) as OpenApiDocument
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ajv.addSchema({ $id: "doc", components: document.components }, "doc")
    const published = await api().call("admin", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Digitimme",
        audience: { scope: "network", themeGroups: ["tg-tobak"] },
        details: { kind: "digitalHour", startsAt: "2099-04-01T12:00:00Z", endsAt: "2099-04-01T13:00:00Z" },
      },
    })
    const updateId = (published.body as { update: { id: string } }).update.id
    const reads: ReadonlyArray<readonly [string, string]> = [
      ["/v1/healthcare-regions", "/v1/healthcare-regions"],
      ["/v1/regions", "/v1/regions"],
      ["/v1/regions/{id}", "/v1/regions/r-vg"],
      ["/v1/org-units", "/v1/org-units"],
      ["/v1/theme-groups/{id}", "/v1/theme-groups/tg-tobak"],
      ["/v1/people", "/v1/people?regionId=r-vg"],
      ["/v1/people/{id}/preferences", "/v1/people/p-anna/preferences"],
      ["/v1/role-assignments", "/v1/role-assignments"],
      ["/v1/reporting-rules", "/v1/reporting-rules"],
      ["/v1/regional-bodies", "/v1/regional-bodies"],
      ["/v1/follows", "/v1/follows"],
      ["/v1/updates", "/v1/updates"],
      ["/v1/updates/{id}", `/v1/updates/${updateId}`],
      ["/v1/updates/{id}/plan", `/v1/updates/${updateId}/plan`],
      ["/v1/updates/{id}/funnel", `/v1/updates/${updateId}/funnel`],
      ["/v1/digital-hours/{id}", `/v1/digital-hours/${updateId}`],
      ["/v1/coverage", "/v1/coverage"],
      ["/v1/network/issues", "/v1/network/issues"],
      ["/v1/people/{id}/reporting-chain", "/v1/people/p-anna/reporting-chain"],
      ["/v1/regions/{id}/meeting-invitees", "/v1/regions/r-vg/meeting-invitees"],
      ["/v1/regions/{id}/briefing", "/v1/regions/r-vg/briefing"],
      ["/v1/tokens", "/v1/tokens"],
    ]
    for (const [template, path] of reads) {
      const response = await api().call("admin", "GET", path)
      expect(response.status, `${path}: ${response.text}`).toBe(200)
      const schema = document.paths[template]?.get?.responses["200"]?.content?.["application/json"]?.schema
      expect(schema, template).toBeDefined()
      const validate = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll("#/components/", "doc#/components/")),
      )
      expect(validate(response.body) ? [] : validate.errors, `${path}`).toEqual([])
    }
  })
})
