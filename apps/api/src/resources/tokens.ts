import { tokenBindingProblems } from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { networkScope } from "../auth/caller.js"
import { NewToken, TokenInfo } from "../backend.js"
import { unprocessable } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { answer, answerChange, authorize, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams } from "../http/validation.js"
import { IdParam, problemResponses } from "./organisation-resource.js"

const CreatedToken = Schema.Struct({
  token: TokenInfo,
  /** Shown once; only its hash is stored. */
  secret: Schema.String,
})

const TokenList = Schema.Struct({ items: Schema.Array(TokenInfo) })

/** A token's binding must match its role (core's rule): region editors to a region, group editors to a theme group. */
const checkBinding = (request: NewToken) => {
  const [first] = tokenBindingProblems(request.role, request)
  if (first === undefined) return Effect.void
  const message =
    first.problem === "notAllowed"
      ? first.field === "regionId"
        ? request.role === "group-editor"
          ? "must not name a region"
          : "is not bound to a region"
        : request.role === "region-editor"
          ? "must not name a theme group"
          : "is not bound to a theme group"
      : first.field === "regionId"
        ? "must name the region it edits"
        : "must name the theme group it edits"
  return Effect.fail(
    unprocessable(`A ${request.role} token ${message}.`, [{ in: "body", path: first.field, message }]),
  )
}

/** API tokens: created, listed and revoked by the network office. */
export const tokensRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  const tags = ["tokens"]
  router.get(
    "/",
    describeRoute({
      tags,
      summary: "List tokens (admin)",
      responses: { 200: jsonResponse("Every token, revoked ones included", TokenList), ...problemResponses },
    }),
    (c) =>
      answer(
        c,
        Effect.gen(function* () {
          yield* authorize(c.get("caller"), networkScope)
          return { items: yield* context.backend.tokens.list }
        }),
      ),
  )
  router.post(
    "/",
    describeRoute({
      tags,
      summary: "Create a token (admin); the secret is shown once",
      responses: { 201: jsonResponse("The token and its secret", CreatedToken), ...problemResponses },
    }),
    jsonBody(NewToken),
    (c) => {
      const request = c.req.valid("json")
      const caller = c.get("caller")
      return answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          yield* checkBinding(request)
          return yield* context.backend.tokens.create(caller, request)
        }),
        201,
      )
    },
  )
  router.delete(
    "/:id",
    describeRoute({
      tags,
      summary: "Revoke a token (admin)",
      responses: { 204: { description: "Revoked" }, ...problemResponses },
    }),
    pathParams(IdParam),
    async (c) => {
      const caller = c.get("caller")
      const response = await answerChange(
        c,
        context,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          yield* context.backend.tokens.revoke(caller, c.req.valid("param").id)
          context.tokens.forget()
        }),
      )
      return response.ok ? c.body(null, 204) : response
    },
  )
  return router
}
