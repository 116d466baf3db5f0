import type {
  Follow,
  FollowFrequency,
  HealthcareRegion,
  HealthcareRegionId,
  MemberKind,
  Network,
  OrgUnit,
  Person,
  Region,
  RegionalBody,
  RegionalBodyKind,
  ReportingRule,
  Role,
  RoleAssignment,
  Sector,
  StoreError,
  ThemeGroup,
  ThemeGroupId,
} from "@spridning/core"
import { MergeRejected, mergeThemeGroups, NotFound } from "@spridning/core"
import { and, asc, eq, gt, ilike, inArray, isNull, or, type SQL } from "drizzle-orm"
import type { PgColumn } from "drizzle-orm/pg-core"
import { Cause, Context, Effect, Exit, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database, type Db } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idAfter, idIn, idIs } from "../database/ids.js"
import {
  follows,
  healthcareRegions,
  orgUnits,
  people,
  regionalBodies,
  regionHealthcareRegions,
  regions,
  reportingRules,
  roleAssignments,
  themeGroups,
} from "../schema/index.js"
import { insertFollows, insertPeople, insertRoles } from "./bulk.js"
import {
  clampLimit,
  decodePairCursor,
  type EntitySpec,
  type EntityStore,
  encodePairCursor,
  type InvalidCursor,
  type ListOptions,
  makeEntityStore,
  type Page,
} from "./entity-store.js"
import { storeThemeGroupMerge } from "./merge.js"
import { loadNetwork } from "./network-store.js"
import { removePerson } from "./remove-person.js"
import {
  followFromRow,
  healthcareRegionFromRow,
  inChunks,
  orgUnitFromRow,
  orgUnitToRow,
  personFromRow,
  personToRow,
  regionalBodyFromRow,
  regionalBodyToRow,
  regionFromRow,
  reportingRuleFromRow,
  reportingRuleToRow,
  roleFromRow,
  roleToRow,
  themeGroupFromRow,
  themeGroupToRow,
} from "./rows.js"

export type NoFilter = Record<string, never>
export interface RegionFilter {
  readonly healthcareRegionId?: string
  readonly kind?: MemberKind
}
export interface OrgUnitFilter {
  readonly regionId?: string
  readonly sector?: Sector
}
export interface ThemeGroupFilter {
  readonly status?: "active" | "merged"
}
export interface PersonFilter {
  readonly regionId?: string
  readonly email?: string
  /** People holding any role in this theme group. */
  readonly themeGroupId?: string
  /** People holding this role (anywhere, or in `themeGroupId` when given). */
  readonly role?: Role
  /** Case-insensitive part of the name or email. */
  readonly search?: string
}
export interface RoleFilter {
  readonly personId?: string
  readonly regionId?: string
  readonly themeGroupId?: string
  readonly regionalBodyId?: string
  readonly role?: Role
}
export interface RegionalBodyFilter {
  readonly regionId?: string
  readonly kind?: RegionalBodyKind
}
export interface ReportingRuleFilter {
  /** A region's own rules; `null` for the network's defaults. */
  readonly regionId?: string | null
}
export interface FollowFilter {
  readonly personId?: string
  readonly themeGroupId?: string
}

const afterIdCondition = (column: PgColumn, afterId: string | undefined): Array<SQL> =>
  afterId === undefined ? [] : [gt(column, afterId)]

const chunkSize = 2000

const healthcareRegionSpec: EntitySpec<HealthcareRegion, NoFilter> = {
  entity: "healthcareRegion",
  insert: async (tx, values) => {
    for (const chunk of inChunks(values, chunkSize)) {
      await tx.insert(healthcareRegions).values(chunk.map((value) => ({ id: value.id, name: value.name })))
    }
  },
  find: async (db, id) => {
    const [row] = await db.select().from(healthcareRegions).where(idIs(healthcareRegions.id, id))
    return row === undefined ? undefined : healthcareRegionFromRow(row)
  },
  replace: async (tx, value) => {
    await tx
      .update(healthcareRegions)
      .set({ name: value.name, updatedAt: new Date() })
      .where(eq(healthcareRegions.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(healthcareRegions).where(idIs(healthcareRegions.id, id))
  },
  page: async (db, _filter, afterId, limit) =>
    (
      await db
        .select()
        .from(healthcareRegions)
        .where(and(...afterIdCondition(healthcareRegions.id, afterId)))
        .orderBy(asc(healthcareRegions.id))
        .limit(limit)
    ).map(healthcareRegionFromRow),
}

const membershipsOf = async (
  db: Db,
  regionIds: ReadonlyArray<string>,
): Promise<Map<string, Array<HealthcareRegionId>>> => {
  const byRegion = new Map<string, Array<HealthcareRegionId>>()
  if (regionIds.length === 0) return byRegion
  const rows = await db
    .select()
    .from(regionHealthcareRegions)
    .where(idIn(regionHealthcareRegions.regionId, regionIds))
    .orderBy(asc(regionHealthcareRegions.regionId), asc(regionHealthcareRegions.position))
  for (const row of rows) {
    const list = byRegion.get(row.regionId)
    if (list === undefined) byRegion.set(row.regionId, [row.healthcareRegionId])
    else list.push(row.healthcareRegionId)
  }
  return byRegion
}

const insertMemberships = async (tx: Db, values: ReadonlyArray<Region>): Promise<void> => {
  const rows = values.flatMap((region) =>
    region.healthcareRegionIds.map((healthcareRegionId, position) => ({
      regionId: region.id,
      healthcareRegionId,
      position,
    })),
  )
  for (const chunk of inChunks(rows, chunkSize)) await tx.insert(regionHealthcareRegions).values([...chunk])
}

const regionSpec: EntitySpec<Region, RegionFilter> = {
  entity: "region",
  insert: async (tx, values) => {
    for (const chunk of inChunks(values, chunkSize)) {
      await tx
        .insert(regions)
        .values(chunk.map((value) => ({ id: value.id, name: value.name, kind: value.kind })))
    }
    await insertMemberships(tx, values)
  },
  find: async (db, id) => {
    const [row] = await db.select().from(regions).where(idIs(regions.id, id))
    if (row === undefined) return undefined
    return regionFromRow(row, (await membershipsOf(db, [id])).get(id) ?? [])
  },
  replace: async (tx, value) => {
    await tx
      .update(regions)
      .set({ name: value.name, kind: value.kind, updatedAt: new Date() })
      .where(eq(regions.id, value.id))
    await tx.delete(regionHealthcareRegions).where(eq(regionHealthcareRegions.regionId, value.id))
    await insertMemberships(tx, [value])
  },
  remove: async (tx, id) => {
    await tx.delete(regions).where(idIs(regions.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(regions.id, afterId)
    if (filter.kind !== undefined) conditions.push(eq(regions.kind, filter.kind))
    if (filter.healthcareRegionId !== undefined) {
      conditions.push(
        inArray(
          regions.id,
          db
            .select({ id: regionHealthcareRegions.regionId })
            .from(regionHealthcareRegions)
            .where(idIs(regionHealthcareRegions.healthcareRegionId, filter.healthcareRegionId)),
        ),
      )
    }
    const rows = await db
      .select()
      .from(regions)
      .where(and(...conditions))
      .orderBy(asc(regions.id))
      .limit(limit)
    const memberships = await membershipsOf(
      db,
      rows.map((row) => row.id),
    )
    return rows.map((row) => regionFromRow(row, memberships.get(row.id) ?? []))
  },
}

const orgUnitSpec: EntitySpec<OrgUnit, OrgUnitFilter> = {
  entity: "orgUnit",
  insert: async (tx, values) => {
    for (const chunk of inChunks(values, chunkSize)) await tx.insert(orgUnits).values(chunk.map(orgUnitToRow))
  },
  find: async (db, id) => {
    const [row] = await db.select().from(orgUnits).where(idIs(orgUnits.id, id))
    return row === undefined ? undefined : orgUnitFromRow(row)
  },
  replace: async (tx, value) => {
    await tx
      .update(orgUnits)
      .set({ ...orgUnitToRow(value), updatedAt: new Date() })
      .where(eq(orgUnits.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(orgUnits).where(idIs(orgUnits.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(orgUnits.id, afterId)
    if (filter.regionId !== undefined) conditions.push(idIs(orgUnits.regionId, filter.regionId))
    if (filter.sector !== undefined) conditions.push(eq(orgUnits.sector, filter.sector))
    return (
      await db
        .select()
        .from(orgUnits)
        .where(and(...conditions))
        .orderBy(asc(orgUnits.id))
        .limit(limit)
    ).map(orgUnitFromRow)
  },
}

const themeGroupSpec: EntitySpec<ThemeGroup, ThemeGroupFilter> = {
  entity: "themeGroup",
  insert: async (tx, values) => {
    // A merged group may point at a group later in the same batch: insert, then link.
    for (const chunk of inChunks(values, chunkSize)) {
      await tx
        .insert(themeGroups)
        .values(
          chunk.map((value) => ({ ...themeGroupToRow(value), mergedInto: null, status: "active" as const })),
        )
    }
    for (const value of values) {
      if (value.status === "merged") {
        await tx
          .update(themeGroups)
          .set({ status: value.status, mergedInto: value.mergedInto ?? null })
          .where(eq(themeGroups.id, value.id))
      }
    }
  },
  find: async (db, id) => {
    const [row] = await db.select().from(themeGroups).where(idIs(themeGroups.id, id))
    return row === undefined ? undefined : themeGroupFromRow(row)
  },
  replace: async (tx, value) => {
    await tx
      .update(themeGroups)
      .set({ ...themeGroupToRow(value), updatedAt: new Date() })
      .where(eq(themeGroups.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(themeGroups).where(idIs(themeGroups.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(themeGroups.id, afterId)
    if (filter.status !== undefined) conditions.push(eq(themeGroups.status, filter.status))
    return (
      await db
        .select()
        .from(themeGroups)
        .where(and(...conditions))
        .orderBy(asc(themeGroups.id))
        .limit(limit)
    ).map(themeGroupFromRow)
  },
}

const personSpec: EntitySpec<Person, PersonFilter> = {
  entity: "person",
  insert: (tx, values) => insertPeople(tx, values, "fail"),
  find: async (db, id) => {
    const [row] = await db
      .select()
      .from(people)
      .where(and(idIs(people.id, id), isNull(people.removedAt)))
    return row === undefined ? undefined : personFromRow(row)
  },
  replace: async (tx, value) => {
    await tx
      .update(people)
      .set({ ...personToRow(value), updatedAt: new Date() })
      .where(eq(people.id, value.id))
  },
  remove: (tx, id) => removePerson(tx, id),
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(people.id, afterId)
    conditions.push(isNull(people.removedAt))
    if (filter.regionId !== undefined) conditions.push(idIs(people.regionId, filter.regionId))
    if (filter.email !== undefined) conditions.push(eq(people.email, filter.email))
    if (filter.search !== undefined) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const match = or(ilike(people.name, pattern), ilike(people.email, pattern))
      if (match !== undefined) conditions.push(match)
    }
    if (filter.themeGroupId !== undefined || filter.role !== undefined) {
      const roleConditions: Array<SQL> = []
      if (filter.themeGroupId !== undefined)
        roleConditions.push(idIs(roleAssignments.themeGroupId, filter.themeGroupId))
      if (filter.role !== undefined) roleConditions.push(eq(roleAssignments.role, filter.role))
      conditions.push(
        inArray(
          people.id,
          db
            .select({ id: roleAssignments.personId })
            .from(roleAssignments)
            .where(and(...roleConditions)),
        ),
      )
    }
    return (
      await db
        .select()
        .from(people)
        .where(and(...conditions))
        .orderBy(asc(people.id))
        .limit(limit)
    ).map(personFromRow)
  },
}

const roleSpec: EntitySpec<RoleAssignment, RoleFilter> = {
  entity: "roleAssignment",
  insert: (tx, values) => insertRoles(tx, values, false),
  find: async (db, id) => {
    const [row] = await db.select().from(roleAssignments).where(idIs(roleAssignments.id, id))
    return row === undefined ? undefined : roleFromRow(row)
  },
  replace: async (tx, value) => {
    await tx.update(roleAssignments).set(roleToRow(value)).where(eq(roleAssignments.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(roleAssignments).where(idIs(roleAssignments.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(roleAssignments.id, afterId)
    if (filter.personId !== undefined) conditions.push(idIs(roleAssignments.personId, filter.personId))
    if (filter.regionId !== undefined) conditions.push(idIs(roleAssignments.regionId, filter.regionId))
    if (filter.themeGroupId !== undefined)
      conditions.push(idIs(roleAssignments.themeGroupId, filter.themeGroupId))
    if (filter.regionalBodyId !== undefined) {
      conditions.push(idIs(roleAssignments.regionalBodyId, filter.regionalBodyId))
    }
    if (filter.role !== undefined) conditions.push(eq(roleAssignments.role, filter.role))
    return (
      await db
        .select()
        .from(roleAssignments)
        .where(and(...conditions))
        .orderBy(asc(roleAssignments.id))
        .limit(limit)
    ).map(roleFromRow)
  },
}

const regionalBodySpec: EntitySpec<RegionalBody, RegionalBodyFilter> = {
  entity: "regionalBody",
  insert: async (tx, values) => {
    for (const chunk of inChunks(values, chunkSize)) {
      await tx.insert(regionalBodies).values(chunk.map(regionalBodyToRow))
    }
  },
  find: async (db, id) => {
    const [row] = await db.select().from(regionalBodies).where(idIs(regionalBodies.id, id))
    return row === undefined ? undefined : regionalBodyFromRow(row)
  },
  replace: async (tx, value) => {
    await tx
      .update(regionalBodies)
      .set({ ...regionalBodyToRow(value), updatedAt: new Date() })
      .where(eq(regionalBodies.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(regionalBodies).where(idIs(regionalBodies.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(regionalBodies.id, afterId)
    if (filter.regionId !== undefined) conditions.push(idIs(regionalBodies.regionId, filter.regionId))
    if (filter.kind !== undefined) conditions.push(eq(regionalBodies.kind, filter.kind))
    return (
      await db
        .select()
        .from(regionalBodies)
        .where(and(...conditions))
        .orderBy(asc(regionalBodies.id))
        .limit(limit)
    ).map(regionalBodyFromRow)
  },
}

const reportingRuleSpec: EntitySpec<ReportingRule, ReportingRuleFilter> = {
  entity: "reportingRule",
  insert: async (tx, values) => {
    for (const chunk of inChunks(values, chunkSize)) {
      await tx.insert(reportingRules).values(chunk.map(reportingRuleToRow))
    }
  },
  find: async (db, id) => {
    const [row] = await db.select().from(reportingRules).where(idIs(reportingRules.id, id))
    return row === undefined ? undefined : reportingRuleFromRow(row)
  },
  replace: async (tx, value) => {
    await tx.update(reportingRules).set(reportingRuleToRow(value)).where(eq(reportingRules.id, value.id))
  },
  remove: async (tx, id) => {
    await tx.delete(reportingRules).where(idIs(reportingRules.id, id))
  },
  page: async (db, filter, afterId, limit) => {
    const conditions = afterIdCondition(reportingRules.id, afterId)
    if (filter.regionId === null) conditions.push(isNull(reportingRules.regionId))
    else if (filter.regionId !== undefined) conditions.push(idIs(reportingRules.regionId, filter.regionId))
    return (
      await db
        .select()
        .from(reportingRules)
        .where(and(...conditions))
        .orderBy(asc(reportingRules.id))
        .limit(limit)
    ).map(reportingRuleFromRow)
  },
}

const followKey = (follow: { readonly personId: string; readonly themeGroupId: string }) =>
  `${follow.personId}/${follow.themeGroupId}`

/** Follows are keyed by person and group, so they have their own small store. */
export interface FollowStore {
  /** Follows a group, or changes the frequency of an existing follow. */
  readonly follow: (follow: Follow, actor: string) => Effect.Effect<Follow, StoreError | ConstraintError>
  readonly unfollow: (
    personId: string,
    themeGroupId: string,
    actor: string,
  ) => Effect.Effect<boolean, StoreError | ConstraintError>
  /** Ordered by person, then group. */
  readonly list: (
    options?: ListOptions<FollowFilter>,
  ) => Effect.Effect<Page<Follow>, StoreError | InvalidCursor>
}

export interface ImportSummary {
  readonly healthcareRegions: number
  readonly regions: number
  readonly orgUnits: number
  readonly themeGroups: number
  readonly people: number
  readonly roles: number
  readonly regionalBodies: number
  readonly reportingRules: number
  readonly follows: number
}

/** The organisation: every entity core's `Network` is made of, one store each. */
export class Organisation extends Context.Service<
  Organisation,
  {
    readonly healthcareRegions: EntityStore<HealthcareRegion, NoFilter>
    readonly regions: EntityStore<Region, RegionFilter>
    readonly orgUnits: EntityStore<OrgUnit, OrgUnitFilter>
    readonly themeGroups: EntityStore<ThemeGroup, ThemeGroupFilter>
    readonly people: EntityStore<Person, PersonFilter>
    readonly roles: EntityStore<RoleAssignment, RoleFilter>
    readonly regionalBodies: EntityStore<RegionalBody, RegionalBodyFilter>
    readonly reportingRules: EntityStore<ReportingRule, ReportingRuleFilter>
    readonly follows: FollowStore
    /** Writes a whole network in one transaction (seed, tests, benchmarks): all or nothing. */
    readonly importNetwork: (
      network: Network,
      actor: string,
    ) => Effect.Effect<ImportSummary, StoreError | ConstraintError>
    /** True when no region is stored yet. */
    readonly isEmpty: Effect.Effect<boolean, StoreError>
    /**
     * "slå ihop till en om levnadsvanor": merges theme group `from` into `into` as core's
     * `mergeThemeGroups` decides, on the network as it stands inside one transaction.
     */
    readonly mergeThemeGroups: (
      from: ThemeGroupId,
      into: ThemeGroupId,
      actor: string,
    ) => Effect.Effect<
      { readonly roles: number; readonly follows: number },
      StoreError | ConstraintError | NotFound | MergeRejected
    >
  }
>()("spridning/db/Organisation") {}

/** Writes a network inside the caller's transaction, in an order the foreign keys accept. */
export const insertNetwork = async (tx: Db, network: Network): Promise<ImportSummary> => {
  await healthcareRegionSpec.insert(tx, network.healthcareRegions)
  await regionSpec.insert(tx, network.regions)
  await orgUnitSpec.insert(tx, network.orgUnits)
  await themeGroupSpec.insert(tx, network.themeGroups)
  await personSpec.insert(tx, network.people)
  await regionalBodySpec.insert(tx, network.regionalBodies)
  await roleSpec.insert(tx, network.roles)
  await reportingRuleSpec.insert(tx, network.reportingRules)
  await insertFollows(tx, network.follows)
  return {
    healthcareRegions: network.healthcareRegions.length,
    regions: network.regions.length,
    orgUnits: network.orgUnits.length,
    themeGroups: network.themeGroups.length,
    people: network.people.length,
    roles: network.roles.length,
    regionalBodies: network.regionalBodies.length,
    reportingRules: network.reportingRules.length,
    follows: network.follows.length,
  }
}

export const layerOrganisation: Layer.Layer<Organisation, never, Database> = Layer.effect(
  Organisation,
  Effect.gen(function* () {
    const database = yield* Database
    const followStore: FollowStore = {
      follow: (follow, actor) =>
        database
          .transaction("follow theme group", async (tx) => {
            const [before] = await tx
              .select()
              .from(follows)
              .where(
                and(eq(follows.personId, follow.personId), eq(follows.themeGroupId, follow.themeGroupId)),
              )
            await tx
              .insert(follows)
              .values({ ...follow })
              .onConflictDoUpdate({
                target: [follows.personId, follows.themeGroupId],
                set: { frequency: follow.frequency },
              })
            await writeAudit(tx, [
              {
                actor,
                action: before === undefined ? "create" : "update",
                entity: "follow",
                entityId: followKey(follow),
                before: before === undefined ? null : followFromRow(before),
                after: follow,
              },
            ])
            return follow
          })
          .pipe(mapConstraintErrors("follow", followKey(follow))),
      unfollow: (personId, themeGroupId, actor) =>
        database
          .transaction("unfollow theme group", async (tx) => {
            const removed = await tx
              .delete(follows)
              .where(and(idIs(follows.personId, personId), idIs(follows.themeGroupId, themeGroupId)))
              .returning()
            const [before] = removed
            if (before !== undefined) {
              await writeAudit(tx, [
                {
                  actor,
                  action: "delete",
                  entity: "follow",
                  entityId: followKey(before),
                  before: followFromRow(before),
                },
              ])
            }
            return before !== undefined
          })
          .pipe(mapConstraintErrors("follow", `${personId}/${themeGroupId}`)),
      list: (options = {}) =>
        Effect.gen(function* () {
          const after = options.cursor === undefined ? undefined : yield* decodePairCursor(options.cursor)
          const limit = clampLimit(options.limit)
          const filter = options.filter ?? {}
          const rows = yield* database.run("list follows", async (db) => {
            const conditions: Array<SQL> = []
            if (filter.personId !== undefined) conditions.push(idIs(follows.personId, filter.personId))
            if (filter.themeGroupId !== undefined)
              conditions.push(idIs(follows.themeGroupId, filter.themeGroupId))
            if (after !== undefined) {
              const [personId, themeGroupId] = after
              const next = or(
                idAfter(follows.personId, personId),
                and(idIs(follows.personId, personId), idAfter(follows.themeGroupId, themeGroupId)),
              )
              if (next !== undefined) conditions.push(next)
            }
            return db
              .select()
              .from(follows)
              .where(and(...conditions))
              .orderBy(asc(follows.personId), asc(follows.themeGroupId))
              .limit(limit + 1)
          })
          const items = rows.slice(0, limit).map(followFromRow)
          const last = items[items.length - 1]
          return rows.length > limit && last !== undefined
            ? { items, nextCursor: encodePairCursor(last.personId, last.themeGroupId) }
            : { items }
        }),
    }
    return Organisation.of({
      healthcareRegions: makeEntityStore(database, healthcareRegionSpec, {}),
      regions: makeEntityStore(database, regionSpec, {}),
      orgUnits: makeEntityStore(database, orgUnitSpec, {}),
      themeGroups: makeEntityStore(database, themeGroupSpec, {}),
      people: makeEntityStore(database, personSpec, {}),
      roles: makeEntityStore(database, roleSpec, {}),
      regionalBodies: makeEntityStore(database, regionalBodySpec, {}),
      reportingRules: makeEntityStore(database, reportingRuleSpec, {}),
      follows: followStore,
      importNetwork: (network, actor) =>
        database
          .transaction("import network", async (tx) => {
            const summary = await insertNetwork(tx, network)
            await writeAudit(tx, [
              { actor, action: "import", entity: "network", entityId: "*", after: summary },
            ])
            return summary
          })
          .pipe(mapConstraintErrors("network")),
      mergeThemeGroups: (from, into, actor) =>
        database
          .transaction("merge theme groups", async (tx) => {
            const before = await loadNetwork(tx)
            const decided = Effect.runSyncExit(mergeThemeGroups(before, from, into))
            if (Exit.isFailure(decided)) return { rejected: Cause.squash(decided.cause) }
            const { network: after, moved } = decided.value
            await storeThemeGroupMerge(tx, before, after, from, into, moved, actor)
            return { moved }
          })
          .pipe(
            mapConstraintErrors("themeGroup"),
            Effect.flatMap((outcome) =>
              "moved" in outcome
                ? Effect.succeed(outcome.moved)
                : outcome.rejected instanceof NotFound || outcome.rejected instanceof MergeRejected
                  ? Effect.fail(outcome.rejected)
                  : Effect.die(outcome.rejected),
            ),
          ),
      isEmpty: database.run("check for regions", async (db) => {
        const rows = await db.select({ id: regions.id }).from(regions).limit(1)
        return rows.length === 0
      }),
    })
  }),
)

export type { FollowFrequency }
