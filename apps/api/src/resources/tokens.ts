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

/** A token's binding must match its role: region editors to a region, group editors to a theme group. */
const checkBinding = (request: NewToken) => {
  const wrong = (path: string, message: string) =>
    Effect.fail(unprocessable(`A ${request.role} token ${message}.`, [{ in: "body", path, message }]))
  switch (request.role) {
    case "region-editor":
      if (request.regionId === undefined) return wrong("regionId", "must name the region it edits")
      if (request.themeGroupId !== undefined) return wrong("themeGroupId", "must not name a theme group")
      return Effect.void
    case "group-editor":
      if (request.themeGroupId === undefined)
        return wrong("themeGroupId", "must name the theme group it edits")
      if (request.regionId !== undefined) return wrong("regionId", "must not name a region")
      return Effect.void
    default:
      if (request.regionId !== undefined) return wrong("regionId", "is not bound to a region")
      if (request.themeGroupId !== undefined) return wrong("themeGroupId", "is not bound to a theme group")
      return Effect.void
  }
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
