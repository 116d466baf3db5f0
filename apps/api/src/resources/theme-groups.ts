import { ThemeGroup, ThemeGroupId } from "@spridning/core"
import { Effect, Schema, Struct } from "effect"
import { describeRoute } from "hono-openapi"
import { networkScope, themeGroupScope } from "../auth/caller.js"
import { answerChange, authorize, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams } from "../http/validation.js"
import { organisationRouter, problemResponses } from "./organisation-resource.js"

const GroupParam = Schema.Struct({ id: ThemeGroupId })

const MergeRequest = Schema.Struct({
  /** The group that lives on; the merged group points at it. */
  into: ThemeGroupId,
})

export const MergeResult = Schema.Struct({
  from: ThemeGroupId,
  into: ThemeGroupId,
  moved: Schema.Struct({ roles: Schema.Int, follows: Schema.Int }),
})

/**
 * Temagrupper. A group's editor (its chair) may describe the group; only the network office
 * starts groups and merges them ("slå ihop till en om levnadsvanor"), keeping every member
 * and follower.
 */
export const themeGroupsRouter = (context: RouteContext) => {
  const router = organisationRouter(context, {
    entity: "themeGroup",
    plural: "theme groups",
    schema: ThemeGroup,
    patch: ThemeGroup.mapFields(Struct.omit(["id", "status", "mergedInto"])).mapFields(
      Struct.map(Schema.optionalKey),
    ),
    select: (network) => network.themeGroups,
    filters: { status: Schema.optionalKey(Schema.Literals(["active", "merged"])) },
    matches: (group, filter) => filter.status === undefined || group.status === filter.status,
    scopeOf: (group) => themeGroupScope(group.id),
    createScope: () => networkScope,
  })
  router.post(
    "/:id/merge",
    describeRoute({
      tags: ["theme groups"],
      summary: "Merge this theme group into another; roles and follows move, nobody is lost",
      responses: { 200: jsonResponse("What moved", MergeResult), ...problemResponses },
    }),
    pathParams(GroupParam),
    jsonBody(MergeRequest),
    (c) => {
      const from = c.req.valid("param").id
      const { into } = c.req.valid("json")
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          yield* authorize(caller, networkScope)
          const moved = yield* context.backend.organisation.mergeThemeGroups(caller, from, into)
          return { from, into, moved }
        }),
      )
    },
  )
  return router
}
