import { decodeWith, type Network } from "@spridning/core"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import { describeRoute } from "hono-openapi"
import type { Scope } from "../auth/caller.js"
import type { OrganisationEntity, OrganisationRecords } from "../backend.js"
import { notFound } from "../http/api-problem.js"
import type { ApiEnv } from "../http/env.js"
import { Page, PageQuery, paginate } from "../http/pagination.js"
import { Problem } from "../http/problem.js"
import { answer, answerChange, authorize, currentNetwork, type RouteContext } from "../http/route-context.js"
import { jsonBody, jsonResponse, pathParams, problemResponse, queryOf } from "../http/validation.js"

const problems = {
  400: problemResponse("The request names invalid fields", Problem),
  401: problemResponse("No valid bearer token", Problem),
  403: problemResponse("The token may not do this", Problem),
  404: problemResponse("Not found", Problem),
  409: problemResponse("Conflicts with what is stored", Problem),
  422: problemResponse("Cannot be carried out as things stand", Problem),
  429: problemResponse("Too many requests; see Retry-After", Problem),
}
export const problemResponses = problems

export const IdParam = Schema.Struct({ id: Schema.String.pipe(Schema.check(Schema.isNonEmpty())) })

/** How one organisation entity is exposed: its schema, where it lives, whose it is. */
/** Query-string filters: decoded without services. */
export type Filters = { readonly [key: string]: Schema.Top & { readonly DecodingServices: never } }

export interface OrganisationResource<K extends OrganisationEntity, Q extends Filters> {
  readonly entity: K
  /** Plural, for the OpenAPI tag and messages: "regions". */
  readonly plural: string
  readonly schema: Schema.Codec<OrganisationRecords[K], unknown>
  readonly patch: Schema.Codec<Partial<Omit<OrganisationRecords[K], "id">>, unknown>
  readonly select: (network: Network) => ReadonlyArray<OrganisationRecords[K]>
  readonly filters: Q
  readonly matches: (
    record: OrganisationRecords[K],
    filter: Schema.Struct.Type<Q>,
    network: Network,
  ) => boolean
  /** The part of the network a record lies in; both the old and the new record must be the caller's. */
  readonly scopeOf: (record: OrganisationRecords[K], network: Network) => Scope
  /** Who may create one, when that differs from who may change it (new regions: the network office). */
  readonly createScope?: (record: OrganisationRecords[K], network: Network) => Scope
  /** A domain rule a created or changed record must pass (from core), after authorisation. */
  readonly admits?: (record: OrganisationRecords[K], network: Network) => Effect.Effect<void, unknown>
}

/** List, read, create and update for one organisation entity. */
export const organisationRouter = <K extends OrganisationEntity, Q extends Filters>(
  context: RouteContext,
  resource: OrganisationResource<K, Q>,
): Hono<ApiEnv> => {
  const router = new Hono<ApiEnv>()
  const tags = [resource.plural]
  const ListQuery = Schema.Struct({ ...PageQuery, ...resource.filters })
  const find = (id: string) =>
    currentNetwork(context).pipe(
      Effect.flatMap((network) => {
        const record = resource.select(network).find((r) => r.id === id)
        return record === undefined
          ? Effect.fail(notFound(`No ${resource.entity} with id "${id}"`))
          : Effect.succeed({ network, record })
      }),
    )

  router.get(
    "/",
    describeRoute({
      tags,
      summary: `List ${resource.plural}`,
      responses: { 200: jsonResponse(`A page of ${resource.plural}`, Page(resource.schema)), ...problems },
    }),
    queryOf(ListQuery),
    (c) => {
      const query = c.req.valid("query") as Schema.Struct.Type<Q> & { limit?: number; cursor?: string }
      return answer(
        c,
        currentNetwork(context).pipe(
          Effect.map((network) =>
            paginate(
              resource.select(network).filter((r) => resource.matches(r, query, network)),
              (r) => r.id,
              query,
            ),
          ),
        ),
      )
    },
  )

  router.get(
    "/:id",
    describeRoute({
      tags,
      summary: `Read one of the ${resource.plural}`,
      responses: { 200: jsonResponse(`The ${resource.entity}`, resource.schema), ...problems },
    }),
    pathParams(IdParam),
    (c) => answer(c, find(c.req.valid("param").id).pipe(Effect.map(({ record }) => record))),
  )

  router.post(
    "/",
    describeRoute({
      tags,
      summary: `Create one of the ${resource.plural}`,
      responses: { 201: jsonResponse(`The created ${resource.entity}`, resource.schema), ...problems },
    }),
    jsonBody(resource.schema),
    (c) => {
      const record = c.req.valid("json") as OrganisationRecords[K]
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const network = yield* currentNetwork(context)
          yield* authorize(caller, (resource.createScope ?? resource.scopeOf)(record, network))
          if (resource.admits !== undefined) yield* resource.admits(record, network)
          yield* context.backend.organisation.create(caller, resource.entity, record)
          return record
        }),
        201,
      )
    },
  )

  router.patch(
    "/:id",
    describeRoute({
      tags,
      summary: `Change some fields of one of the ${resource.plural}`,
      responses: { 200: jsonResponse(`The ${resource.entity} as stored now`, resource.schema), ...problems },
    }),
    pathParams(IdParam),
    jsonBody(resource.patch),
    (c) => {
      const id = c.req.valid("param").id
      const changes = c.req.valid("json") as Partial<OrganisationRecords[K]>
      const caller = c.get("caller")
      return answerChange(
        c,
        context,
        Effect.gen(function* () {
          const { network, record } = yield* find(id)
          const changed = yield* decodeWith(resource.schema, resource.entity)({ ...record, ...changes, id })
          yield* authorize(caller, resource.scopeOf(record, network), resource.scopeOf(changed, network))
          if (resource.admits !== undefined) yield* resource.admits(changed, network)
          yield* context.backend.organisation.update(caller, resource.entity, changed)
          return changed
        }),
      )
    },
  )

  return router
}
