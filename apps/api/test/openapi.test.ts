import { Validator } from "@seriousme/openapi-schema-validator"
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
