import type { Network } from "@spridning/core"
import { Effect, Result } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { VerifiedTokens } from "../auth/bearer.js"
import { type Caller, describeCaller, describeScope, mayChange, type Scope } from "../auth/caller.js"
import type { ApiBackend } from "../backend.js"
import type { NetworkSnapshot } from "../network/network-snapshot.js"
import { answerWith } from "./answer-headers.js"
import { ApiProblem, problemOf, runToResponse } from "./api-problem.js"
import { answerCachedJson, CachedJson } from "./cached-json.js"
import { logRequestFailure } from "./logging.js"
import { answerProblem } from "./problem.js"

/** What every router is built from. */
export interface RouteContext {
  readonly backend: ApiBackend
  readonly snapshot: NetworkSnapshot
  readonly tokens: VerifiedTokens
}

const jsonType = { "content-type": "application/json" }

/** Answers with the effect's value as JSON (or its failure as problem+json). */
export const answer = <A, E>(
  c: Context,
  effect: Effect.Effect<A, E>,
  status: ContentfulStatusCode = 200,
): Promise<Response> =>
  runToResponse(c, effect, (value) => answerWith(c, JSON.stringify(value), status, jsonType))

/** Like `answer`, for a change: the cached network is dropped once the change is stored. */
export const answerChange = <A, E>(
  c: Context,
  context: RouteContext,
  effect: Effect.Effect<A, E>,
  status: ContentfulStatusCode = 200,
): Promise<Response> =>
  answer(c, effect.pipe(Effect.tap(() => Effect.sync(() => context.snapshot.invalidate()))), status)

/** Fails with 403 unless `caller` may change every one of `scopes`. */
export const authorize = (
  caller: Caller,
  ...scopes: ReadonlyArray<Scope>
): Effect.Effect<void, ApiProblem> => {
  const refused = scopes.find((scope) => !mayChange(caller, scope))
  return refused === undefined
    ? Effect.void
    : Effect.fail(
        new ApiProblem({
          status: 403,
          detail: `This token is ${describeCaller(caller)} and may not change ${describeScope(refused)}.`,
        }),
      )
}

/** The stored network, as an Effect; a storage failure keeps its own tag (StoreError → 503). */
export const currentNetwork = (context: RouteContext): Effect.Effect<Network, unknown> =>
  Effect.tryPromise({ try: () => context.snapshot.network(), catch: (cause) => cause })

/**
 * Answers a pure, synchronous rule over the stored network, rendered to JSON once per copy
 * of the network and kept until it changes: answering is copying bytes. The hottest reads
 * (coverage, previews) come through here, so it stays plain async code rather than an Effect.
 */
export const answerCached = async <A, E>(
  c: Context,
  context: RouteContext,
  key: string,
  rule: (network: Network) => Effect.Effect<A, E>,
): Promise<Response> => {
  try {
    const rendered = await context.snapshot.derived(key, (network) =>
      Effect.runSync(Effect.result(rule(network).pipe(Effect.map((value) => new CachedJson(value))))),
    )
    return Result.isSuccess(rendered)
      ? await answerCachedJson(c, rendered.success)
      : answerProblem(c, problemOf(rendered.failure, c.req.path))
  } catch (error) {
    const problem = problemOf(error, c.req.path)
    if (problem.status >= 500) logRequestFailure(c, "A cached read failed", error)
    return answerProblem(c, problem)
  }
}
