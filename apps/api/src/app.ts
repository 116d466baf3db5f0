import { Cause, Effect, Exit } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { createMiddleware } from "hono/factory"
import { HTTPException } from "hono/http-exception"
import { matchedRoutes } from "hono/route"
import { analysisRouter } from "./analysis/analysis.js"
import { bearerAuth, VerifiedTokens } from "./auth/bearer.js"
import type { ApiBackend } from "./backend.js"
import { deliveriesRouter } from "./deliveries/deliveries.js"
import { disseminationRouter } from "./dissemination/dissemination.js"
import { mountReference } from "./docs/reference.js"
import { everyAnswerHeaders } from "./http/answer-headers.js"
import type { ApiEnv } from "./http/env.js"
import { idempotency } from "./http/idempotency.js"
import { defaultLog, describeError, type Log, logRequestFailure } from "./http/logging.js"
import { answerProblem, makeProblem, ProblemError, type ProblemStatus } from "./http/problem.js"
import { perTokenRateLimit, type RateLimitOptions } from "./http/rate-limit.js"
import { requestHeader } from "./http/request-header.js"
import type { RouteContext } from "./http/route-context.js"
import { NetworkSnapshot } from "./network/network-snapshot.js"
import { operationsRouter } from "./operations/operations.js"
import { briefingSendRouter } from "./resources/briefing-send.js"
import { contentRouters } from "./resources/content.js"
import { followsRouter, preferencesRouter } from "./resources/follows.js"
import { healthcareRegionsRouter } from "./resources/healthcare-regions.js"
import { orgUnitsRouter } from "./resources/org-units.js"
import { peopleRouter } from "./resources/people.js"
import { regionalBodiesRouter } from "./resources/regional-bodies.js"
import { regionsRouter } from "./resources/regions.js"
import { reportingRulesRouter } from "./resources/reporting-rules.js"
import { roleAssignmentsRouter } from "./resources/role-assignments.js"
import { themeGroupsRouter } from "./resources/theme-groups.js"
import { tokensRouter } from "./resources/tokens.js"

export interface ApiOptions {
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly bodyLimitBytes?: number
  /** Per-token budget (default 1,200 requests a minute). */
  readonly rateLimit?: RateLimitOptions
  /** How long another process's writes may stay unseen by the cached network (default 5 s). */
  readonly networkMaxAgeMillis?: number
  /** How long a token check is remembered (default 5 s). */
  readonly tokenCacheMillis?: number
  /** The process's one log (default: the Effect logger, JSON lines in production). */
  readonly log?: Log
}

const knownStatuses = new Set<number>([400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503])
const asProblemStatus = (status: number): ProblemStatus =>
  (knownStatuses.has(status) ? status : status >= 500 ? 500 : 400) as ProblemStatus

const loadWith = (backend: ApiBackend) => async () => {
  const exit = await Effect.runPromiseExit(backend.loadNetwork)
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

/**
 * Spridning's HTTP API as a Hono app: `/v1/…`, `/openapi.json` and `/docs`. The composed
 * process mounts it and adds its own routes (`/slack/events`, mail webhooks) beside it.
 */
export const makeApi = (backend: ApiBackend, options: ApiOptions = {}): Hono => {
  const log = options.log ?? defaultLog()
  const snapshot = new NetworkSnapshot(loadWith(backend), options.networkMaxAgeMillis ?? 5_000, log)
  const tokens = new VerifiedTokens(backend.tokens.verify, options.tokenCacheMillis ?? 5_000)
  const context: RouteContext = { backend, snapshot, tokens }
  // Another instance revoked a token: forget every remembered verification at once.
  void backend.tokens
    .watchRevocations?.(() => tokens.forget())
    .catch((error: unknown) => {
      log(
        "warn",
        "Cannot listen for token revocations; other instances' revocations apply within the cache time",
        { error: describeError(error) },
      )
    })

  const app = new Hono()
  app.use(
    createMiddleware<ApiEnv>((c, next) => {
      c.set("log", log)
      return next()
    }),
  )
  app.use(everyAnswerHeaders())
  app.onError((error, c) => {
    if (error instanceof ProblemError) {
      return answerProblem(
        c,
        makeProblem(error.status, error.detail, {
          instance: c.req.path,
          ...(error.errors === undefined ? {} : { errors: error.errors }),
        }),
        error.headers,
      )
    }
    if (error instanceof HTTPException) {
      const status = asProblemStatus(error.status)
      return answerProblem(
        c,
        makeProblem(status, error.message === "" ? undefined : error.message, { instance: c.req.path }),
      )
    }
    logRequestFailure(c, "Unexpected failure while answering a request", error)
    return answerProblem(c, makeProblem(500, undefined, { instance: c.req.path }))
  })
  const nothingHere = (c: Context) =>
    answerProblem(c, makeProblem(404, `Nothing at ${c.req.method} ${c.req.path}.`, { instance: c.req.path }))
  app.notFound(nothingHere)

  const v1 = new Hono<ApiEnv>()
  const maxBodyBytes = options.bodyLimitBytes ?? 1024 * 1024
  const tooLarge = () => new ProblemError(413, `Request bodies may be at most ${maxBodyBytes} bytes.`)
  const limitBodies = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw tooLarge()
    },
  })
  // Reading a body's stream makes the Node adapter build a full Request, which costs a small
  // POST (a preview) a sixth of its time. Node's parser never reads past a declared length, so
  // a declared Content-Length within the limit is the body's size; only chunked bodies are counted.
  v1.use((c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next()
    const declared = requestHeader(c, "content-length")
    if (
      declared === undefined ||
      !/^\d+$/.test(declared) ||
      requestHeader(c, "transfer-encoding") !== undefined
    )
      return limitBodies(c, next)
    if (Number(declared) > maxBodyBytes) throw tooLarge()
    return next()
  })
  // A path no route answers is 404 for everyone: asking for a token first would tell a caller
  // without one that something might be there. Middleware and the catch-all match every path.
  v1.use(async (c, next) =>
    matchedRoutes(c).some((route) => route.method !== "ALL") ? next() : nothingHere(c),
  )
  v1.use(bearerAuth(tokens))
  v1.use(
    perTokenRateLimit(options.rateLimit ?? { limit: 1_200, windowMillis: 60_000 }, backend.sharedRateLimit),
  )
  v1.use(idempotency(backend.idempotency))

  v1.route("/healthcare-regions", healthcareRegionsRouter(context))
  v1.route("/regions", regionsRouter(context))
  v1.route("/org-units", orgUnitsRouter(context))
  v1.route("/theme-groups", themeGroupsRouter(context))
  v1.route("/people", peopleRouter(context))
  v1.route("/people", preferencesRouter(context))
  v1.route("/role-assignments", roleAssignmentsRouter(context))
  v1.route("/reporting-rules", reportingRulesRouter(context))
  v1.route("/regional-bodies", regionalBodiesRouter(context))
  v1.route("/follows", followsRouter(context))
  for (const [path, router] of contentRouters(context)) v1.route(path, router)
  v1.route("/", analysisRouter(context))
  v1.route("/", briefingSendRouter(context))
  v1.route("/", disseminationRouter(context))
  v1.route("/", deliveriesRouter(context))
  v1.route("/", operationsRouter(context))
  v1.route("/tokens", tokensRouter(context))

  app.route("/v1", v1)
  mountReference(app)
  // A parent app that mounts this one (the composed server) keeps its own plain-text
  // `notFound`; a last catch-all route travels with the mount, so unknown paths stay problem+json.
  app.all("*", nothingHere)
  return app
}
