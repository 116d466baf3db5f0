import { createHash } from "node:crypto"
import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "./env.js"
import { ProblemError } from "./problem.js"

/** The first answer to a POST, kept so that a retry with the same key gets it again. */
export interface StoredResponse {
  readonly status: number
  readonly body: string
  readonly contentType: string
}

export interface IdempotencyStore {
  readonly find: (
    tokenId: string,
    key: string,
  ) => Promise<{ readonly requestHash: string; readonly response: StoredResponse } | undefined>
  readonly remember: (
    tokenId: string,
    key: string,
    requestHash: string,
    response: StoredResponse,
  ) => Promise<void>
}

const keyPattern = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` on POST: a retry with the same key and the same request answers the
 * first response and creates nothing; the same key with a different request is refused.
 * Retries racing inside this process wait for the first to finish.
 */
export const idempotency = (store: IdempotencyStore) => {
  const inFlight = new Map<string, Promise<void>>()
  return createMiddleware<ApiEnv>(async (c, next) => {
    const key = c.req.header("idempotency-key")
    if (c.req.method !== "POST" || key === undefined) return next()
    if (!keyPattern.test(key)) {
      throw new ProblemError(400, "Idempotency-Key must be 1–255 visible ASCII characters.", [
        { in: "header", path: "idempotency-key", message: "must be 1–255 visible ASCII characters" },
      ])
    }
    const tokenId = c.get("caller").tokenId
    const slot = `${tokenId}\u0000${key}`
    const requestHash = createHash("sha256")
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(await c.req.text())
      .digest("base64url")

    for (let running = inFlight.get(slot); running !== undefined; running = inFlight.get(slot)) {
      await running
    }
    const earlier = await store.find(tokenId, key)
    if (earlier !== undefined) {
      if (earlier.requestHash !== requestHash) {
        throw new ProblemError(
          422,
          "This Idempotency-Key was already used for a different request; use a new key for a new request.",
          [{ in: "header", path: "idempotency-key", message: "already used for a different request" }],
        )
      }
      return new Response(earlier.response.body, {
        status: earlier.response.status,
        headers: { "content-type": earlier.response.contentType, "idempotent-replayed": "true" },
      })
    }

    let done = (): void => {}
    inFlight.set(
      slot,
      new Promise<void>((resolve) => {
        done = resolve
      }),
    )
    try {
      await next()
      // Failures caused by the server are not remembered: a retry should get a real second chance.
      if (c.res.status < 500) {
        const response = c.res.clone()
        await store.remember(tokenId, key, requestHash, {
          status: response.status,
          body: await response.text(),
          contentType: response.headers.get("content-type") ?? "application/json",
        })
      }
    } finally {
      inFlight.delete(slot)
      done()
    }
  })
}
