import { createHash, randomBytes } from "node:crypto"
import { NotFound, PersonId, RegionId, type StoreError, ThemeGroupId } from "@spridning/core"
import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idIs, referenceTo } from "../database/ids.js"
import { nowOr } from "../database/raw.js"
import {
  apiTokens,
  idempotencyKeys,
  rateLimitCounters,
  seenKeys,
  slackUserLinks,
  type TokenRole,
  themeGroupChannels,
} from "../schema/index.js"

export type { TokenRole }

/** An API token as listed: never the secret, which only `create` returns, once. */
export interface ApiToken {
  readonly id: string
  readonly role: TokenRole
  readonly regionId?: RegionId
  readonly themeGroupId?: ThemeGroupId
  readonly name: string
  readonly createdAt: Date
  readonly revokedAt?: Date
}

export interface NewApiToken {
  readonly role: TokenRole
  /** A region editor's region. */
  readonly regionId?: string
  /** A group editor's theme group. */
  readonly themeGroupId?: string
  readonly name: string
}

/** Only the SHA-256 of a token is stored; a leaked table does not leak tokens. */
export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex")

const tokenFromRow = (row: typeof apiTokens.$inferSelect): ApiToken => ({
  id: row.id,
  role: row.role,
  ...(row.regionId === null ? {} : { regionId: row.regionId }),
  ...(row.themeGroupId === null ? {} : { themeGroupId: row.themeGroupId }),
  name: row.name,
  createdAt: row.createdAt,
  ...(row.revokedAt === null ? {} : { revokedAt: row.revokedAt }),
})

export class ApiTokens extends Context.Service<
  ApiTokens,
  {
    /** Creates a token; `token` is the plaintext secret, shown this once and never stored. */
    readonly create: (
      token: NewApiToken,
      actor: string,
    ) => Effect.Effect<{ readonly token: string; readonly apiToken: ApiToken }, StoreError | ConstraintError>
    /** The token a presented secret belongs to, unless unknown or revoked. */
    readonly verify: (secret: string) => Effect.Effect<ApiToken | undefined, StoreError>
    readonly list: () => Effect.Effect<ReadonlyArray<ApiToken>, StoreError>
    /**
     * Calls `listener` whenever any process revokes a token (PostgreSQL LISTEN/NOTIFY), so
     * every instance forgets its cached verifications at once. On PGlite (one process) the
     * revoking process forgets by itself and this listens to nothing. Returns the unsubscribe.
     */
    readonly watchRevocations: (listener: () => void) => Promise<() => Promise<void>>
    /** Revokes a token (again is fine); `NotFound` for an unknown id. */
    readonly revoke: (
      id: string,
      actor: string,
      now?: Date,
    ) => Effect.Effect<ApiToken, StoreError | ConstraintError>
  }
>()("spridning/db/ApiTokens") {}

const revocationChannel = "spridning_token_revoked"

/** postgres.js's `listen`, reached through drizzle's client (it opens one dedicated connection). */
interface Listener {
  readonly listen: (
    channel: string,
    onNotify: (payload: string) => void,
  ) => Promise<{ unlisten: () => Promise<void> }>
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const layerApiTokens: Layer.Layer<ApiTokens, never, Database> = Layer.effect(
  ApiTokens,
  Effect.gen(function* () {
    const database = yield* Database
    return ApiTokens.of({
      create: (token, actor) =>
        database
          .transaction("create API token", async (tx) => {
            const secret = `spr_${randomBytes(32).toString("base64url")}`
            const [row] = await tx
              .insert(apiTokens)
              .values({
                tokenHash: hashToken(secret),
                role: token.role,
                regionId:
                  token.regionId === undefined ? null : referenceTo("region", RegionId, token.regionId),
                themeGroupId:
                  token.themeGroupId === undefined
                    ? null
                    : referenceTo("themeGroup", ThemeGroupId, token.themeGroupId),
                name: token.name,
              })
              .returning()
            if (row === undefined) throw new Error("insert returned no token")
            const apiToken = tokenFromRow(row)
            await writeAudit(tx, [
              { actor, action: "create", entity: "apiToken", entityId: row.id, after: apiToken },
            ])
            return { token: secret, apiToken }
          })
          .pipe(mapConstraintErrors("apiToken")),
      verify: (secret) =>
        database.run("verify API token", async (db) => {
          const [row] = await db
            .select()
            .from(apiTokens)
            .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)))
          return row === undefined ? undefined : tokenFromRow(row)
        }),
      watchRevocations: async (listener) => {
        if (database.driver !== "postgres") return async () => undefined
        const client = (database.db as unknown as { $client: Listener }).$client
        const { unlisten } = await client.listen(revocationChannel, () => listener())
        return unlisten
      },
      list: () =>
        database.run("list API tokens", async (db) =>
          (await db.select().from(apiTokens).orderBy(asc(apiTokens.createdAt), asc(apiTokens.id))).map(
            tokenFromRow,
          ),
        ),
      revoke: (id, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("revoke API token", async (tx) => {
              if (!uuidPattern.test(id)) throw new NotFound({ entity: "apiToken", id })
              const [before] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id))
              if (before === undefined) throw new NotFound({ entity: "apiToken", id })
              if (before.revokedAt !== null) return tokenFromRow(before)
              const [row] = await tx
                .update(apiTokens)
                .set({ revokedAt: at })
                .where(eq(apiTokens.id, id))
                .returning()
              if (row === undefined) throw new NotFound({ entity: "apiToken", id })
              // Delivered at commit to every instance listening (see `watchRevocations`).
              await tx.execute(sql`select pg_notify(${revocationChannel}, ${id})`)
              const after = tokenFromRow(row)
              await writeAudit(tx, [
                {
                  actor,
                  action: "revoke",
                  entity: "apiToken",
                  entityId: id,
                  before: tokenFromRow(before),
                  after,
                },
              ])
              return after
            })
            .pipe(mapConstraintErrors("apiToken", id)),
        ),
    })
  }),
)

/** How long an answered key is replayed; then it is free again. */
export const idempotencyKeepMillis = 24 * 60 * 60 * 1000
/** How long a first request may run before its key is released for a retry. */
export const idempotencyReleaseMillis = 60 * 1000

/** What a first request with an idempotency key left behind. */
export type IdempotencyRecord =
  /** First time: do the work, then `complete`. */
  | { readonly _tag: "Started" }
  /** Same key, same request, answered before: replay the answer. */
  | { readonly _tag: "Completed"; readonly status: number; readonly body: unknown }
  /** Same key, same request, still being worked on by another request. */
  | { readonly _tag: "InProgress" }
  /** Same key, different request: reject (422 in the API). */
  | { readonly _tag: "Mismatch" }

export class IdempotencyKeys extends Context.Service<
  IdempotencyKeys,
  {
    /** Claims `key` for a token and a request (its hash); says what to do. */
    /**
     * A key answered more than `keepMillis` ago (default 24 h) is free again, and so is one
     * whose first request started more than `releaseAfterMillis` ago (default 60 s) without an
     * answer: the process carrying it out died, and a retry must not wait forever.
     */
    readonly begin: (
      tokenId: string,
      key: string,
      requestHash: string,
      options?: { readonly now?: Date; readonly keepMillis?: number; readonly releaseAfterMillis?: number },
    ) => Effect.Effect<IdempotencyRecord, StoreError>
    /** Stores the answer to replay. */
    readonly complete: (
      tokenId: string,
      key: string,
      status: number,
      body: unknown,
    ) => Effect.Effect<void, StoreError>
    /** Forgets a started key whose request failed, so a retry can run. */
    readonly abandon: (tokenId: string, key: string) => Effect.Effect<void, StoreError>
    /** Deletes keys older than `before`; returns how many. */
    readonly purge: (before: Date) => Effect.Effect<number, StoreError>
  }
>()("spridning/db/IdempotencyKeys") {}

export const layerIdempotencyKeys: Layer.Layer<IdempotencyKeys, never, Database> = Layer.effect(
  IdempotencyKeys,
  Effect.gen(function* () {
    const database = yield* Database
    const keyOf = (tokenId: string, key: string) =>
      and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key))
    return IdempotencyKeys.of({
      begin: (tokenId, key, requestHash, options = {}) =>
        database.run("begin idempotent request", async (db): Promise<IdempotencyRecord> => {
          const now = options.now ?? new Date()
          const expired = new Date(now.getTime() - (options.keepMillis ?? idempotencyKeepMillis))
          const abandoned = new Date(now.getTime() - (options.releaseAfterMillis ?? idempotencyReleaseMillis))
          const inserted = await db
            .insert(idempotencyKeys)
            .values({ tokenId, key, requestHash, createdAt: now })
            .onConflictDoUpdate({
              target: [idempotencyKeys.tokenId, idempotencyKeys.key],
              set: { requestHash, responseStatus: null, responseBody: null, createdAt: now },
              setWhere: sql`${or(
                lte(idempotencyKeys.createdAt, expired),
                and(isNull(idempotencyKeys.responseStatus), lte(idempotencyKeys.createdAt, abandoned)),
              )}`,
            })
            .returning({ key: idempotencyKeys.key })
          if (inserted.length > 0) return { _tag: "Started" }
          const [row] = await db.select().from(idempotencyKeys).where(keyOf(tokenId, key))
          if (row === undefined) return { _tag: "InProgress" }
          if (row.requestHash !== requestHash) return { _tag: "Mismatch" }
          return row.responseStatus === null
            ? { _tag: "InProgress" }
            : { _tag: "Completed", status: row.responseStatus, body: row.responseBody }
        }),
      complete: (tokenId, key, status, body) =>
        database.run("complete idempotent request", async (db) => {
          await db
            .update(idempotencyKeys)
            .set({ responseStatus: status, responseBody: body ?? null })
            .where(keyOf(tokenId, key))
        }),
      abandon: (tokenId, key) =>
        database.run("abandon idempotent request", async (db) => {
          await db
            .delete(idempotencyKeys)
            .where(and(keyOf(tokenId, key), isNull(idempotencyKeys.responseStatus)))
        }),
      purge: (before) =>
        database.run("purge idempotency keys", async (db) => {
          const rows = await db
            .delete(idempotencyKeys)
            .where(lt(idempotencyKeys.createdAt, before))
            .returning({ key: idempotencyKeys.key })
          return rows.length
        }),
    })
  }),
)

/** Who a Slack user is in the network, and which channel each theme group posts to. */
export class SlackLinks extends Context.Service<
  SlackLinks,
  {
    readonly linkUser: (
      link: { readonly teamId: string; readonly userId: string; readonly personId: string },
      actor: string,
    ) => Effect.Effect<void, StoreError | ConstraintError>
    readonly personForSlackUser: (
      teamId: string,
      userId: string,
    ) => Effect.Effect<PersonId | undefined, StoreError>
    readonly slackUserForPerson: (
      teamId: string,
      personId: string,
    ) => Effect.Effect<string | undefined, StoreError>
    /**
     * Links a group to a channel. Only updates published from `announceSince` on are posted
     * there (default: now), so linking a channel posts nothing old unless asked.
     */
    readonly setThemeGroupChannel: (
      mapping: {
        readonly themeGroupId: string
        readonly teamId: string
        readonly channelId: string
        readonly announceSince?: Date
      },
      actor: string,
    ) => Effect.Effect<void, StoreError | ConstraintError>
    /** Unlinks the group's channel; says whether one was linked. */
    readonly clearThemeGroupChannel: (
      themeGroupId: string,
      actor: string,
    ) => Effect.Effect<boolean, StoreError | ConstraintError>
    readonly themeGroupChannel: (
      themeGroupId: string,
    ) => Effect.Effect<
      { readonly teamId: string; readonly channelId: string; readonly announceSince: Date } | undefined,
      StoreError
    >
    readonly themeGroupForChannel: (
      teamId: string,
      channelId: string,
    ) => Effect.Effect<ThemeGroupId | undefined, StoreError>
  }
>()("spridning/db/SlackLinks") {}

export const layerSlackLinks: Layer.Layer<SlackLinks, never, Database> = Layer.effect(
  SlackLinks,
  Effect.gen(function* () {
    const database = yield* Database
    return SlackLinks.of({
      linkUser: (link, actor) =>
        database
          .transaction("link Slack user", async (tx) => {
            const personId = referenceTo("person", PersonId, link.personId)
            await tx
              .delete(slackUserLinks)
              .where(and(eq(slackUserLinks.slackTeamId, link.teamId), eq(slackUserLinks.personId, personId)))
            await tx
              .insert(slackUserLinks)
              .values({ slackTeamId: link.teamId, slackUserId: link.userId, personId })
              .onConflictDoUpdate({
                target: [slackUserLinks.slackTeamId, slackUserLinks.slackUserId],
                set: { personId, linkedAt: new Date() },
              })
            await writeAudit(tx, [
              {
                actor,
                action: "link",
                entity: "slackUser",
                entityId: `${link.teamId}/${link.userId}`,
                after: link,
              },
            ])
          })
          .pipe(mapConstraintErrors("slackUser", `${link.teamId}/${link.userId}`)),
      personForSlackUser: (teamId, userId) =>
        database.run("find person for Slack user", async (db) => {
          const [row] = await db
            .select({ personId: slackUserLinks.personId })
            .from(slackUserLinks)
            .where(and(eq(slackUserLinks.slackTeamId, teamId), eq(slackUserLinks.slackUserId, userId)))
          return row?.personId
        }),
      slackUserForPerson: (teamId, personId) =>
        database.run("find Slack user for person", async (db) => {
          const [row] = await db
            .select({ userId: slackUserLinks.slackUserId })
            .from(slackUserLinks)
            .where(and(eq(slackUserLinks.slackTeamId, teamId), idIs(slackUserLinks.personId, personId)))
          return row?.userId
        }),
      setThemeGroupChannel: (mapping, actor) =>
        database
          .transaction("set theme-group channel", async (tx) => {
            await tx
              .insert(themeGroupChannels)
              .values({
                themeGroupId: referenceTo("themeGroup", ThemeGroupId, mapping.themeGroupId),
                slackTeamId: mapping.teamId,
                slackChannelId: mapping.channelId,
                // The column's time is when the channel starts receiving announcements.
                createdAt: mapping.announceSince ?? new Date(),
              })
              .onConflictDoUpdate({
                target: themeGroupChannels.themeGroupId,
                set: {
                  slackTeamId: mapping.teamId,
                  slackChannelId: mapping.channelId,
                  createdAt: mapping.announceSince ?? new Date(),
                },
              })
            await writeAudit(tx, [
              {
                actor,
                action: "set",
                entity: "themeGroupChannel",
                entityId: mapping.themeGroupId,
                after: mapping,
              },
            ])
          })
          .pipe(mapConstraintErrors("themeGroupChannel", mapping.themeGroupId)),
      clearThemeGroupChannel: (themeGroupId, actor) =>
        database
          .transaction("clear theme-group channel", async (tx) => {
            const [before] = await tx
              .delete(themeGroupChannels)
              .where(idIs(themeGroupChannels.themeGroupId, themeGroupId))
              .returning()
            if (before === undefined) return false
            await writeAudit(tx, [
              {
                actor,
                action: "clear",
                entity: "themeGroupChannel",
                entityId: themeGroupId,
                before: { themeGroupId, teamId: before.slackTeamId, channelId: before.slackChannelId },
              },
            ])
            return true
          })
          .pipe(mapConstraintErrors("themeGroupChannel", themeGroupId)),
      themeGroupChannel: (themeGroupId) =>
        database.run("read theme-group channel", async (db) => {
          const [row] = await db
            .select()
            .from(themeGroupChannels)
            .where(idIs(themeGroupChannels.themeGroupId, themeGroupId))
          return row === undefined
            ? undefined
            : { teamId: row.slackTeamId, channelId: row.slackChannelId, announceSince: row.createdAt }
        }),
      themeGroupForChannel: (teamId, channelId) =>
        database.run("find theme group for channel", async (db) => {
          const [row] = await db
            .select({ themeGroupId: themeGroupChannels.themeGroupId })
            .from(themeGroupChannels)
            .where(
              and(
                eq(themeGroupChannels.slackTeamId, teamId),
                eq(themeGroupChannels.slackChannelId, channelId),
              ),
            )
          return row?.themeGroupId
        }),
    })
  }),
)

/**
 * State every instance on one PostgreSQL shares, so several act as one: fixed-window request
 * counters (the API's rate limit) and keys seen once (the webhook replay guard). On PGlite
 * (one process) the same tables serve, but nothing needs them across processes.
 */
export class SharedLimits extends Context.Service<
  SharedLimits,
  {
    /** Counts one hit for `key` in its current window (a new window once the last one ended). */
    readonly hit: (
      key: string,
      windowMillis: number,
    ) => Effect.Effect<{ readonly hits: number; readonly resetAt: Date }, StoreError>
    /** Takes a hit back (a request the limiter decided not to count). */
    readonly unhit: (key: string) => Effect.Effect<void, StoreError>
    readonly reset: (key: string) => Effect.Effect<void, StoreError>
    /** True the first time `key` is offered in `scope` within `keepMillis`, false after. */
    readonly firstSeen: (scope: string, key: string, keepMillis: number) => Effect.Effect<boolean, StoreError>
  }
>()("spridning/db/SharedLimits") {}

export const layerSharedLimits: Layer.Layer<SharedLimits, never, Database> = Layer.effect(
  SharedLimits,
  Effect.gen(function* () {
    const database = yield* Database
    return SharedLimits.of({
      // One statement, so concurrent instances never lose a hit; the database's clock decides
      // windows, so instances whose clocks differ still agree.
      hit: (key, windowMillis) =>
        database.run("count a request", async (db) => {
          const [row] = await db
            .insert(rateLimitCounters)
            .values({
              key,
              hits: 1,
              windowEndsAt: sql`now() + ${`${windowMillis} milliseconds`}::interval`,
            })
            .onConflictDoUpdate({
              target: rateLimitCounters.key,
              set: {
                hits: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then 1 else ${rateLimitCounters.hits} + 1 end`,
                windowEndsAt: sql`case when ${rateLimitCounters.windowEndsAt} <= now() then excluded.window_ends_at else ${rateLimitCounters.windowEndsAt} end`,
              },
            })
            .returning({ hits: rateLimitCounters.hits, resetAt: rateLimitCounters.windowEndsAt })
          if (row === undefined) throw new Error("the counter returned no row")
          return row
        }),
      unhit: (key) =>
        database.run("uncount a request", async (db) => {
          await db
            .update(rateLimitCounters)
            .set({ hits: sql`greatest(${rateLimitCounters.hits} - 1, 0)` })
            .where(eq(rateLimitCounters.key, key))
        }),
      reset: (key) =>
        database.run("reset a request counter", async (db) => {
          await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key))
        }),
      firstSeen: (scope, key, keepMillis) =>
        database.run("check a key seen once", async (db) => {
          const expiresAt = sql`now() + ${`${keepMillis} milliseconds`}::interval`
          const rows = await db
            .insert(seenKeys)
            .values({ scope, key, expiresAt })
            .onConflictDoUpdate({
              target: [seenKeys.scope, seenKeys.key],
              set: { expiresAt },
              setWhere: sql`${seenKeys.expiresAt} <= now()`,
            })
            .returning({ key: seenKeys.key })
          // Now and then, forget what has expired.
          if (Math.random() < 0.01) await db.delete(seenKeys).where(sql`${seenKeys.expiresAt} <= now()`)
          return rows.length > 0
        }),
    })
  }),
)
