import { createMiddleware } from "hono/factory"

/**
 * The headers Hono's `secureHeaders()` sets by default, plus a content security policy for
 * an API that serves no pages (the reference page sets its own). They are prepared before
 * the handler runs, so each answer is built once with them; `secureHeaders()` sets them on
 * the finished answer, which makes the Node adapter rebuild it — a third of the throughput
 * of a cached read.
 */
const securityHeaders: ReadonlyArray<readonly [string, string]> = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'"],
  ["cross-origin-resource-policy", "same-origin"],
  ["cross-origin-opener-policy", "same-origin"],
  ["origin-agent-cluster", "?1"],
  ["referrer-policy", "no-referrer"],
  ["strict-transport-security", "max-age=15552000; includeSubDomains"],
  ["x-content-type-options", "nosniff"],
  ["x-dns-prefetch-control", "off"],
  ["x-download-options", "noopen"],
  ["x-frame-options", "SAMEORIGIN"],
  ["x-permitted-cross-domain-policies", "none"],
  ["x-xss-protection", "0"],
]

export const secureHeadersFirst = () =>
  createMiddleware(async (c, next) => {
    for (const [name, value] of securityHeaders) c.header(name, value)
    await next()
  })
