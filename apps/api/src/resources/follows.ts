import {
  Follow,
  FollowFrequency,
  indexNetwork,
  type Network,
  PersonId,
  Preferences,
  refuseMergedThemeGroup,
  ThemeGroupId,
} from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import { regionScope } from "../auth/caller.js"
import { notFound } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { Page, PageQuery, paginate } from "../http/pagination.js"
import { answer, answerChange, authorize, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams, queryOf } from "../http/validation.js"
import { problemResponses } from "./organisation-resource.js"

const personIn = (network: Network, personId: PersonId) => {
  const person = indexNetwork(network).personById.get(personId)
  return person === undefined
    ? Effect.fail(notFound(`No person with id "${personId}"`))
    : Effect.succeed(person)
}

const FollowKey = Schema.Struct({ personId: PersonId, themeGroupId: ThemeGroupId })
const FollowChange = Schema.Struct({ frequency: FollowFrequency })

/**
 * Who follows which theme group, and how often they want mail. A person's follows and
 * preferences are kept by the editor of the person's region.
 */
export const followsRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  const tags = ["follows and preferences"]
  router.get(
    "/",
    describeRoute({
      tags,
      summary: "List follows",
      responses: { 200: jsonResponse("A page of follows", Page(Follow)), ...problemResponses },
    }),
    queryOf(
      Schema.Struct({
        ...PageQuery,
        personId: Schema.optionalKey(PersonId),
        themeGroupId: Schema.optionalKey(ThemeGroupId),
      }),
    ),
    (c) => {
      const query = c.req.valid("query")
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.map((network) =>
            paginate(
              network.follows.filter(
                (f) =>
                  (query.personId === undefined || f.personId === query.personId) &&
                  (query.themeGroupId === undefined || f.themeGroupId === query.themeGroupId),
              ),
              (f) => `${f.personId}\u0000${f.themeGroupId}`,
              query,
            ),
          ),
        ),
      )
    },
  )
  router.put(
    "/:personId/:themeGroupId",
    describeRoute({
      tags,
      summary: "Follow a theme group, or change how often mail comes",
      responses: { 200: jsonResponse("The follow as stored", Follow), ...problemResponses },
    }),
    pathParams(FollowKey),
    jsonBody(FollowChange),
    (c) => {
      const { personId, themeGroupId } = c.req.valid("param")
      const { frequency } = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          const person = yield* personIn(network, personId)
          yield* authorize(caller, regionScope(person.regionId))
          yield* refuseMergedThemeGroup(network, themeGroupId, "follow")
          const follow: Follow = { personId, themeGroupId, frequency }
          yield* context.backend.organisation.setFollow(caller, follow)
          return follow
        }),
      )
    },
  )
  router.delete(
    "/:personId/:themeGroupId",
    describeRoute({
      tags,
      summary: "Stop following a theme group",
      responses: { 204: { description: "No longer followed" }, ...problemResponses },
    }),
    pathParams(FollowKey),
    async (c) => {
      const { personId, themeGroupId } = c.req.valid("param")
      const caller = c.get("caller")
      const response = await answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          const person = yield* personIn(network, personId)
          yield* authorize(caller, regionScope(person.regionId))
          yield* context.backend.organisation.removeFollow(caller, personId, themeGroupId)
        }),
      )
      return response.ok ? c.body(null, 204) : response
    },
  )
  return router
}

/** `/v1/people/{id}/preferences`: where a person wants updates, in which language, what they opted out of. */
export const preferencesRouter = (context: RouteContext) => {
  const router = new Hono<ApiEnv>()
  const tags = ["follows and preferences"]
  const PersonParam = Schema.Struct({ id: PersonId })
  router.get(
    "/:id/preferences",
    describeRoute({
      tags,
      summary: "A person's preferences",
      responses: { 200: jsonResponse("The preferences", Preferences), ...problemResponses },
    }),
    pathParams(PersonParam),
    (c) =>
      answer(
        c,
        currentNetwork(context).pipe(
          Effect.flatMap((network) => personIn(network, c.req.valid("param").id)),
          Effect.map((person) => person.preferences),
        ),
      ),
  )
  router.put(
    "/:id/preferences",
    describeRoute({
      tags,
      summary: "Replace a person's preferences",
      responses: { 200: jsonResponse("The preferences as stored", Preferences), ...problemResponses },
    }),
    pathParams(PersonParam),
    jsonBody(Preferences),
    (c) => {
      const personId = c.req.valid("param").id
      const preferences = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          const person = yield* personIn(network, personId)
          yield* authorize(caller, regionScope(person.regionId))
          yield* context.backend.organisation.setPreferences(caller, personId, preferences)
          return preferences
        }),
      )
    },
  )
  return router
}
