import { Schema } from "effect"
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { answerWith } from "./answer-headers.js"

/** Where in the request an invalid value was found. */
export const ProblemLocation = Schema.Literals(["body", "query", "path", "header"])
export type ProblemLocation = typeof ProblemLocation.Type

export const InvalidField = Schema.Struct({
  in: ProblemLocation,
  /** Dotted path to the field, e.g. `audience.regions.0`; `(root)` for the value as a whole. */
  path: Schema.String,
  message: Schema.String,
})
export type InvalidField = typeof InvalidField.Type

/** RFC 9457 problem details; `errors` names each invalid field. */
export const Problem = Schema.Struct({
  type: Schema.String,
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.optionalKey(Schema.String),
  instance: Schema.optionalKey(Schema.String),
  errors: Schema.optionalKey(Schema.Array(InvalidField)),
}).annotate({ identifier: "Problem" })
export type Problem = typeof Problem.Type

const problemTypes = {
  400: "invalid-request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "unprocessable",
  429: "rate-limited",
  500: "internal",
  503: "unavailable",
} as const satisfies Partial<Record<ContentfulStatusCode, string>>

export type ProblemStatus = keyof typeof problemTypes

const titles: Record<ProblemStatus, string> = {
  400: "The request is invalid",
  401: "A valid bearer token is required",
  403: "The token may not do this",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "The request body is too large",
  415: "Unsupported media type",
  422: "The request cannot be carried out",
  429: "Too many requests",
  500: "Internal error",
  503: "Service unavailable",
}

export const problemType = (status: ProblemStatus): string =>
  `https://spridning.se/problems/${problemTypes[status]}`

export const makeProblem = (
  status: ProblemStatus,
  detail?: string,
  extra?: { readonly errors?: ReadonlyArray<InvalidField>; readonly instance?: string },
): Problem => ({
  type: problemType(status),
  title: titles[status],
  status,
  ...(detail === undefined ? {} : { detail }),
  ...(extra?.instance === undefined ? {} : { instance: extra.instance }),
  ...(extra?.errors === undefined ? {} : { errors: extra.errors }),
})

export const problemResponse = (problem: Problem, headers?: Record<string, string>): Response =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", ...headers },
  })

/** Answers `problem` with the headers every API answer carries (security, rate limit). */
export const answerProblem = (c: Context, problem: Problem, headers?: Record<string, string>): Response =>
  answerWith(c, JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...headers,
  })

/** Answers with a problem for the current request. */
export const problem = (
  c: Context,
  status: ProblemStatus,
  detail?: string,
  errors?: ReadonlyArray<InvalidField>,
): Response =>
  answerProblem(
    c,
    makeProblem(status, detail, { instance: c.req.path, ...(errors === undefined ? {} : { errors }) }),
  )

/** Thrown from handlers and middleware; the error handler renders it as problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly detail?: string,
    readonly errors?: ReadonlyArray<InvalidField>,
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? titles[status])
  }
}
