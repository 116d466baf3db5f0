import type { AddressInfo } from "node:net"
import { type ServerType, serve } from "@hono/node-server"
import type { Network } from "@spridning/core"
import { Hono } from "hono"
import { assetRoutes } from "../../src/http/assets.js"
import { pageSecurityHeaders } from "../../src/http/security.js"
import { renderCoveragePage } from "../../src/index.js"

/** The coverage view over `network`, served with the site's assets and headers, for a browser to read. */
export const serveCoverage = async (network: Network) => {
  const app = new Hono()
  app.use(pageSecurityHeaders())
  app.route("/", assetRoutes())
  app.get("/tackning", (c) =>
    c.html(renderCoveragePage(network, c.req.query("sprak") === "en" ? "en" : "sv")),
  )
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    )
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
