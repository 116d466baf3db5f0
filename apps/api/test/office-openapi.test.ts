import { Suppressions } from "@spridning/db"
import { Ajv2020 } from "ajv/dist/2020.js"
import { expect, it } from "vitest"
import { describeApi } from "./support.js"
import { deliveryIds, execute, publishNotes } from "./support-office.js"

type Operation = {
  description?: string
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas?: Record<string, unknown> }
}

describeApi("the office's routes in the OpenAPI document", (api) => {
  it("documents each route, says who may call it, and answers bodies its schema accepts", async () => {
    const document = (await (await api().app.request("/openapi.json")).json()) as OpenApiDocument
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    ajv.addSchema({ $id: "doc", components: document.components }, "doc")
    const updateId = await publishNotes(api(), "Minnesanteckningar mars")
    const ids = await deliveryIds(api(), updateId)
    await execute(
      api(),
      `update deliveries set state = 'dead', last_error = 'rejected' where id = '${ids["p-cia"]}'`,
    )
    await api().run(Suppressions.use((suppressions) => suppressions.add("gone@example.se", "bounce")))

    const calls: ReadonlyArray<readonly [method: string, template: string, path: string, status: number]> = [
      ["get", "/v1/updates/{id}/plan", `/v1/updates/${updateId}/plan`, 200],
      ["get", "/v1/updates/{id}/deliveries", `/v1/updates/${updateId}/deliveries`, 200],
      ["get", "/v1/updates/{id}/funnel", `/v1/updates/${updateId}/funnel`, 200],
      ["get", "/v1/regions/{id}/funnel", "/v1/regions/r-vg/funnel?since=2026-01-01", 200],
      ["get", "/v1/deliveries", "/v1/deliveries?state=dead", 200],
      ["post", "/v1/deliveries/{id}/retry", `/v1/deliveries/${ids["p-cia"]}/retry`, 200],
      ["get", "/v1/suppressions", "/v1/suppressions", 200],
      ["get", "/v1/audit", "/v1/audit?entity=update", 200],
      ["delete", "/v1/suppressions/{email}", "/v1/suppressions/gone@example.se", 204],
    ]
    for (const [method, template, path, status] of calls) {
      const operation = document.paths[template]?.[method]
      expect(operation, `${method} ${template}`).toBeDefined()
      expect(operation?.description ?? "", template).toMatch(/Admin/)
      expect(Object.keys(operation?.responses ?? {}), template).toEqual(
        expect.arrayContaining([String(status), "400", "401", "403", "404"]),
      )
      const response = await api().call("admin", method.toUpperCase(), path)
      expect(response.status, `${path}: ${response.text}`).toBe(status)
      if (status === 204) continue
      const schema = operation?.responses[String(status)]?.content?.["application/json"]?.schema
      const validate = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll("#/components/", "doc#/components/")),
      )
      expect(validate(response.body) ? [] : validate.errors, path).toEqual([])
    }
  })
})
