import { createMiddleware } from "hono/factory"
import type { ApiEnv } from "../http/env.js"
import { ProblemError } from "../http/problem.js"
import { requestHeader } from "../http/request-header.js"
import type { Caller } from "./caller.js"

/** Looks a presented secret up among the stored (hashed) tokens; `undefined` when unknown or revoked. */
export type VerifyToken = (secret: string) => Promise<Caller | undefined>

const challenge = { "www-authenticate": 'Bearer realm="spridning"' }

/**
 * Verifications are remembered for a few seconds so that a busy integration does not cost one
 * database round trip per request. Revoking through this process forgets at once; other
 * processes see a revocation within `ttlMillis`.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, { caller: Caller | undefined; until: number }>()
  constructor(
    readonly verify: VerifyToken,
    readonly ttlMillis = 5_000,
  ) {}

  async lookup(secret: string): Promise<Caller | undefined> {
    // Keyed by the secret itself: the request carries it in memory anyway, and hashing it
    // first cost every cached read a twentieth of its time.
    const now = Date.now()
    const hit = this.#entries.get(secret)
    if (hit !== undefined && hit.until > now) return hit.caller
    const caller = await this.verify(secret)
    if (this.#entries.size > 10_000) this.#entries.clear()
    this.#entries.set(secret, { caller, until: now + this.ttlMillis })
    return caller
  }

  forget(): void {
    this.#entries.clear()
  }
}

export const bearerAuth = (tokens: VerifiedTokens) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const header = requestHeader(c, "authorization")
    if (header === undefined) {
      throw new ProblemError(401, "Send a token as `Authorization: Bearer <token>`.", undefined, challenge)
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (match?.[1] === undefined) {
      throw new ProblemError(
        401,
        "The Authorization header must read `Bearer <token>`.",
        [{ in: "header", path: "authorization", message: "must be `Bearer <token>`" }],
        challenge,
      )
    }
    const caller = await tokens.lookup(match[1])
    if (caller === undefined) {
      throw new ProblemError(401, "The token is unknown or has been revoked.", undefined, challenge)
    }
    c.set("caller", caller)
    await next()
  })
