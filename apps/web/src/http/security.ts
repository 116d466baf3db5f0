import { createMiddleware } from "hono/factory"

/**
 * Every page, script and style comes from this server (hospital networks block CDNs), so the
 * policy allows nothing else: no inline script or style, no frames, forms only to here.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ")

const headers: ReadonlyArray<readonly [string, string]> = [
  ["content-security-policy", contentSecurityPolicy],
  ["cross-origin-opener-policy", "same-origin"],
  ["cross-origin-resource-policy", "same-origin"],
  ["referrer-policy", "no-referrer"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["permissions-policy", "camera=(), microphone=(), geolocation=()"],
]

export const pageSecurityHeaders = () =>
  createMiddleware(async (c, next) => {
    for (const [name, value] of headers) c.header(name, value)
    await next()
  })
