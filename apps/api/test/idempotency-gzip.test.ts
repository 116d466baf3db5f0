import { gunzipSync } from "node:zlib"
import { demoNetwork } from "@spridning/core/demo"
import { expect, it } from "vitest"
import { testNetwork } from "./fixtures.js"
import { describeApi } from "./support.js"

// The demo network's preview is large enough to be gzipped; the suite's tokens need r-vg.
const missing = <T extends { readonly id: string }>(mine: ReadonlyArray<T>, theirs: ReadonlyArray<T>) =>
  theirs.filter((record) => !mine.some((own) => own.id === record.id))
const network = {
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
  "an idempotent preview, gzipped",
  (api) => {
    it("answers a preview with a key and gzip, and replays the same JSON", async () => {
      const request = {
        method: "POST",
        headers: {
          authorization: `Bearer ${api().tokens.reader}`,
          "content-type": "application/json",
          "accept-encoding": "gzip",
          "idempotency-key": "preview-1",
        },
        body: JSON.stringify({ audience: { scope: "network", themeGroups: ["tg-tobak"] } }),
      }
      const first = await api().app.request("/v1/audiences/preview", request)
      expect(first.status).toBe(200)
      expect(first.headers.get("content-encoding")).toBe("gzip")
      const firstJson = JSON.parse(gunzipSync(Buffer.from(await first.arrayBuffer())).toString("utf8")) as {
        recipients: Array<unknown>
      }
      const again = await api().app.request("/v1/audiences/preview", request)
      expect(again.status).toBe(200)
      expect(again.headers.get("idempotent-replayed")).toBe("true")
      expect(await again.json()).toEqual(firstJson)
    })
  },
  { network },
)
