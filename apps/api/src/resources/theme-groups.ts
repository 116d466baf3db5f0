import { NotFound, ThemeGroup, ThemeGroupId } from "@spridning/core"
import { Effect, Schema, Struct } from "effect"
import { describeRoute } from "hono-openapi"
import { networkScope, themeGroupScope } from "../auth/caller.js"
import { answer, answerChange, authorize, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams } from "../http/validation.js"
import { organisationRouter, problemResponses } from "./organisation-resource.js"

const GroupParam = Schema.Struct({ id: ThemeGroupId })

const MergeRequest = Schema.Struct({
  /** The group that lives on; the merged group points at it. */
  into: ThemeGroupId,
})

/** Slack's own ids, as Slack shows them under a channel's details and in `auth.test`. */
const SlackChannelRequest = Schema.Struct({
  /** The workspace (`T…`). */
  teamId: Schema.String.pipe(
    Schema.check(Schema.isPattern(/^[TE][A-Z0-9]{2,}$/, { message: "must be a Slack workspace id (T…)" })),
  ),
  /** The channel (`C…` public, `G…` private). */
  channelId: Schema.String.pipe(
    Schema.check(
      Schema.isPattern(/^[CG][A-Z0-9]{2,}$/, { message: "must be a Slack channel id (C… or G…)" }),
    ),
  ),
})

export const SlackChannel = Schema.Struct({
  themeGroupId: ThemeGroupId,
  teamId: Schema.String,
  channelId: Schema.String,
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
  const groupExists = (id: ThemeGroupId) =>
    Effect.flatMap(context.backend.loadNetwork, (network) =>
      network.themeGroups.some((group) => group.id === id)
        ? Effect.void
        : Effect.fail(new NotFound({ entity: "themeGroup", id })),
    )
  router.get(
    "/:id/slack-channel",
    describeRoute({
      tags: ["theme groups"],
      summary: "The Slack channel this theme group's announcements are posted in",
      responses: { 200: jsonResponse("The linked channel", SlackChannel), ...problemResponses },
    }),
    pathParams(GroupParam),
    (c) => {
      const id = c.req.valid("param").id
      return answer(
        c,
        Effect.gen(function* () {
          const link = yield* context.backend.slackChannels.get(id)
          if (link === undefined)
            return yield* Effect.fail(new NotFound({ entity: "themeGroup", id: `${id} slack-channel` }))
          return link
        }),
      )
    },
  )
  router.put(
    "/:id/slack-channel",
    describeRoute({
      tags: ["theme groups"],
      summary: "Post this theme group's announcements in a Slack channel (replaces any earlier channel)",
      responses: { 200: jsonResponse("The linked channel", SlackChannel), ...problemResponses },
    }),
    pathParams(GroupParam),
    jsonBody(SlackChannelRequest),
    (c) => {
      const themeGroupId = c.req.valid("param").id
      const link = { themeGroupId, ...c.req.valid("json") }
      const caller = c.get("caller")
      return answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, themeGroupScope(themeGroupId))
          yield* groupExists(themeGroupId)
          yield* context.backend.slackChannels.set(caller, link)
          return link
        }),
      )
    },
  )
  router.delete(
    "/:id/slack-channel",
    describeRoute({
      tags: ["theme groups"],
      summary: "Stop posting this theme group's announcements in Slack",
      responses: { 204: { description: "Unlinked" }, ...problemResponses },
    }),
    pathParams(GroupParam),
    async (c) => {
      const themeGroupId = c.req.valid("param").id
      const caller = c.get("caller")
      const response = await answer(
        c,
        Effect.gen(function* () {
          yield* authorize(caller, themeGroupScope(themeGroupId))
          const cleared = yield* context.backend.slackChannels.clear(caller, themeGroupId)
          if (!cleared) {
            return yield* Effect.fail(
              new NotFound({ entity: "themeGroup", id: `${themeGroupId} slack-channel` }),
            )
          }
        }),
      )
      return response.status === 200 ? c.body(null, 204) : response
    },
  )
  return router
}
