import type { IncomingMessage } from "node:http"
import type { Context } from "hono"

/**
 * A request header. Under @hono/node-server the headers Node already parsed are read
 * directly: asking Hono's request makes the adapter build a full Fetch `Headers` object,
 * which costs a cached read a fifth of its throughput. Elsewhere (tests, other runtimes),
 * Hono's own request.
 */
export const requestHeader = (c: Context, name: string): string | undefined => {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (incoming?.headers !== undefined) {
    const value = incoming.headers[name]
    return Array.isArray(value) ? value.join(", ") : value
  }
  return c.req.header(name)
}
