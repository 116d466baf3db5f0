import { createHash } from "node:crypto"
import { gunzipSync } from "node:zlib"
import { createMiddleware } from "hono/factory"
import type { ContentfulStatusCode, StatusCode } from "hono/utils/http-status"
import type { ApiEnv } from "./env.js"
import { logRequestFailure } from "./logging.js"
import { ProblemError } from "./problem.js"
import { requestHeader } from "./request-header.js"

/** What the first request with a key left behind (storage keeps it across processes). */
export type IdempotencyState =
  | { readonly _tag: "Started" }
  | { readonly _tag: "Completed"; readonly status: number; readonly body: unknown }
  | { readonly _tag: "InProgress" }
  | { readonly _tag: "Mismatch" }

/**
 * Keys live in the database, so every instance on one PostgreSQL honours them; a key whose
 * first request never finished is released after a minute, and an answered one after 24 h.
 */
export interface IdempotencyStore {
  readonly begin: (tokenId: string, key: string, requestHash: string) => Promise<IdempotencyState>
  readonly complete: (tokenId: string, key: string, status: number, body: unknown) => Promise<void>
  readonly abandon: (tokenId: string, key: string) => Promise<void>
}

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` on POST: a retry with the same key and the same request answers the
 * first response and creates nothing; the same key with a different request is refused; a
 * retry while the first is still running is asked to wait.
 */
export const idempotency = (store: IdempotencyStore) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    if (c.req.method !== "POST") return next()
    const key = requestHeader(c, "idempotency-key")
    if (key === undefined) return next()
    if (!keyPattern.test(key)) {
      throw new ProblemError(400, "Idempotency-Key must be 1–255 visible ASCII characters.", [
        { in: "header", path: "idempotency-key", message: "must be 1–255 visible ASCII characters" },
      ])
    }
    const tokenId = c.get("caller").tokenId
    const requestHash = createHash("sha256")
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest("base64url")

    const state = await store.begin(tokenId, key, requestHash)
    switch (state._tag) {
      case "Mismatch":
        throw new ProblemError(
          422,
          "This Idempotency-Key was already used for a different request; use a new key for a new request.",
          [{ in: "header", path: "idempotency-key", message: "already used for a different request" }],
        )
      case "InProgress":
        throw new ProblemError(
          409,
          "A request with this Idempotency-Key is still being carried out; retry after it finishes.",
          undefined,
          { "retry-after": "1" },
        )
      case "Completed": {
        const isProblem = state.status >= 400
        c.header("idempotent-replayed", "true")
        if (state.body === null) return c.body(null, state.status as StatusCode)
        return c.body(JSON.stringify(state.body), state.status as ContentfulStatusCode, {
          "content-type": isProblem ? "application/problem+json" : "application/json",
        })
      }
      case "Started":
        break
    }
    try {
      await next()
    } catch (error) {
      await store.abandon(tokenId, key)
      throw error
    }
    // Failures caused by the server are not kept: a retry deserves a real second chance.
    if (c.res.status >= 500) {
      await store.abandon(tokenId, key)
      return
    }
    // A cached answer may come gzipped (previews): the key keeps the JSON itself.
    const bytes = Buffer.from(await c.res.clone().arrayBuffer())
    const text = (c.res.headers.get("content-encoding") === "gzip" ? gunzipSync(bytes) : bytes).toString(
      "utf8",
    )
    let body: unknown = null
    if (text !== "") {
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
    }
    try {
      await store.complete(tokenId, key, c.res.status, body)
    } catch (error) {
      // The work is done and its answer is on its way; only a retry loses its replay.
      logRequestFailure(c, "Could not keep the answer for an Idempotency-Key", error)
      await store.abandon(tokenId, key).catch(() => undefined)
    }
  })
