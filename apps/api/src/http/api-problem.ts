import { StoreError } from "@spridning/core"
import { storeFailureOf } from "@spridning/db"
import { Cause, Data, Effect, Exit, Option } from "effect"
import type { Context } from "hono"
import { logRequestFailure } from "./logging.js"
import { invalidCursorMessage } from "./pagination.js"
import { answerProblem, type InvalidField, makeProblem, type Problem, type ProblemStatus } from "./problem.js"

/** A failure that already knows how it answers over HTTP. */
export class ApiProblem extends Data.TaggedError("ApiProblem")<{
  readonly status: ProblemStatus
  readonly detail: string
  readonly errors?: ReadonlyArray<InvalidField>
}> {}

export const forbidden = (detail: string) => new ApiProblem({ status: 403, detail })
export const notFound = (detail: string) => new ApiProblem({ status: 404, detail })
export const conflict = (detail: string) => new ApiProblem({ status: 409, detail })
export const unprocessable = (detail: string, errors?: ReadonlyArray<InvalidField>) =>
  new ApiProblem(errors === undefined ? { status: 422, detail } : { status: 422, detail, errors })

interface Tagged {
  readonly _tag: string
  readonly message?: string
}

const isTagged = (error: unknown): error is Tagged =>
  typeof error === "object" && error !== null && typeof (error as { _tag?: unknown })._tag === "string"

const fieldsOf = (error: unknown): ReadonlyArray<InvalidField> | undefined => {
  const problems = (error as { problems?: unknown }).problems
  if (!Array.isArray(problems)) return undefined
  return problems.map((p: { path?: unknown; message?: unknown }) => ({
    in: "body" as const,
    path: String(p.path ?? "(root)"),
    message: String(p.message ?? "is invalid"),
  }))
}

/**
 * How a typed failure from core, db or this app answers. Unknown failures are the server's
 * fault (500); everything a caller can cause has its own status.
 */
export const problemOf = (error: unknown, instance: string): Problem => {
  if (error instanceof ApiProblem) {
    return makeProblem(error.status, error.detail, {
      instance,
      ...(error.errors === undefined ? {} : { errors: error.errors }),
    })
  }
  if (error instanceof StoreError) {
    // A value or rule the database refused is the caller's input, not an outage.
    const meant = storeFailureOf(error)
    if (!(meant instanceof StoreError)) return problemOf(meant, instance)
  }
  if (!isTagged(error)) return makeProblem(500, undefined, { instance })
  const detail = error.message
  switch (error._tag) {
    case "NotFound":
      return makeProblem(404, detail, { instance })
    case "InvalidInput": {
      const errors = fieldsOf(error)
      return makeProblem(400, detail, { instance, ...(errors === undefined ? {} : { errors }) })
    }
    case "InvalidCursor":
      // Worded as the query validator words it, so every list refuses a cursor the same way.
      return makeProblem(400, "The query string has 1 invalid field: cursor", {
        instance,
        errors: [{ in: "query", path: "cursor", message: invalidCursorMessage }],
      })
    case "MergeRejected":
    case "ThemeGroupMerged":
    case "ReportingChainBroken":
    case "Conflict":
    case "Duplicate":
      return makeProblem(409, detail, { instance })
    case "InvalidRecord":
      return makeProblem(422, detail, { instance })
    case "InvalidValue":
      return makeProblem(400, detail, { instance })
    case "StoreError":
      return makeProblem(503, "Storage is not answering; try again shortly.", { instance })
    default:
      return makeProblem(500, undefined, { instance })
  }
}

/** Runs `effect` and answers with its value as JSON, or its failure as problem+json. */
export const runToResponse = async <A, E>(
  c: Context,
  effect: Effect.Effect<A, E>,
  render: (value: A) => Response | Promise<Response>,
): Promise<Response> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return render(exit.value)
  const failure = Cause.findErrorOption(exit.cause)
  if (Option.isSome(failure)) {
    const problem = problemOf(failure.value, c.req.path)
    if (problem.status >= 500) logRequestFailure(c, "A request failed", Cause.pretty(exit.cause))
    return answerProblem(c, problem)
  }
  logRequestFailure(c, "A request failed unexpectedly", Cause.pretty(exit.cause))
  return answerProblem(c, makeProblem(500, undefined, { instance: c.req.path }))
}
