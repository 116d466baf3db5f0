import { NotFound, type RegionId, type StoreError } from "@spridning/core"
import { asc, eq, isNull, min } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { writeAudit } from "../audit/audit-log.js"
import { Database } from "../database/database.js"
import { type ConstraintError, mapConstraintErrors } from "../database/errors.js"
import { idIs } from "../database/ids.js"
import { nowOr } from "../database/raw.js"
import { briefingRequests, regions } from "../schema/index.js"

export interface BriefingRequest {
  readonly id: string
  readonly regionId: RegionId
  readonly requestedBy: string
  readonly requestedAt: Date
  readonly sentAt?: Date
}

const fromRow = (row: typeof briefingRequests.$inferSelect): BriefingRequest => ({
  id: row.id,
  regionId: row.regionId,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt,
  ...(row.sentAt === null ? {} : { sentAt: row.sentAt }),
})

/** Briefings asked for now, and since when the network exists (no briefing reaches back before). */
export class BriefingRequests extends Context.Service<
  BriefingRequests,
  {
    readonly request: (
      regionId: string,
      actor: string,
      now?: Date,
    ) => Effect.Effect<BriefingRequest, StoreError | ConstraintError>
    readonly pending: Effect.Effect<ReadonlyArray<BriefingRequest>, StoreError>
    readonly markSent: (id: string, at: Date) => Effect.Effect<void, StoreError>
    /** When the first region was stored; undefined for an empty network. */
    readonly networkSince: Effect.Effect<Date | undefined, StoreError>
  }
>()("spridning/db/BriefingRequests") {}

export const layerBriefingRequests: Layer.Layer<BriefingRequests, never, Database> = Layer.effect(
  BriefingRequests,
  Effect.gen(function* () {
    const database = yield* Database
    return BriefingRequests.of({
      request: (regionId, actor, now) =>
        Effect.flatMap(nowOr(now), (at) =>
          database
            .transaction("request briefing", async (tx) => {
              const [region] = await tx
                .select({ id: regions.id })
                .from(regions)
                .where(idIs(regions.id, regionId))
              if (region === undefined) throw new NotFound({ entity: "region", id: regionId })
              const [row] = await tx
                .insert(briefingRequests)
                .values({ regionId: region.id, requestedBy: actor, requestedAt: at })
                .returning()
              if (row === undefined) throw new Error("insert returned no briefing request")
              const stored = fromRow(row)
              await writeAudit(tx, [
                { actor, action: "request", entity: "briefing", entityId: stored.id, after: stored },
              ])
              return stored
            })
            .pipe(mapConstraintErrors("region", regionId)),
        ),
      pending: database.run("pending briefing requests", async (db) =>
        (
          await db
            .select()
            .from(briefingRequests)
            .where(isNull(briefingRequests.sentAt))
            .orderBy(asc(briefingRequests.requestedAt))
        ).map(fromRow),
      ),
      markSent: (id, at) =>
        database.run("briefing request sent", async (db) => {
          await db.update(briefingRequests).set({ sentAt: at }).where(eq(briefingRequests.id, id))
        }),
      networkSince: database.run("network since", async (db) => {
        const [row] = await db.select({ since: min(regions.createdAt) }).from(regions)
        return row?.since ?? undefined
      }),
    })
  }),
)
