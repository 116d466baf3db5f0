import {
  type Bridge,
  type Channel,
  type DeliveryId,
  type DisseminationPlan,
  type InclusionReason,
  NotFound,
  type PersonId,
  type RegionId,
  type StoreError,
  type UnreachableRegion,
  type UpdateId,
} from "@spridning/core"
import { asc, sql } from "drizzle-orm"
import { Context, Effect, Layer } from "effect"
import { Database, type Db } from "../database/database.js"
import { idIs } from "../database/ids.js"
import { deliveries, type SkippedPerson, updatePlans } from "../schema/index.js"

/** One planned message as it went into the outbox. */
export interface PlannedDeliveryRecord {
  readonly updateId: UpdateId
  readonly deliveryId: DeliveryId
  readonly personId: PersonId
  readonly personName: string
  readonly regionId: RegionId
  readonly regionName: string
  readonly channel: Channel
  readonly reasons: ReadonlyArray<InclusionReason>
  readonly bridge?: Bridge
  /** It was not sent on its channel: this delivery on another channel replaced it. */
  readonly reroutedTo?: { readonly deliveryId: DeliveryId; readonly channel: Channel }
}

/** The plan of a published update, as it was at publish; names too. */
export interface StoredPlan {
  readonly updateId: UpdateId
  readonly plannedAt: Date
  readonly deliveries: ReadonlyArray<PlannedDeliveryRecord>
  readonly unreachableRegions: ReadonlyArray<UnreachableRegion & { readonly regionName: string }>
  readonly skipped: ReadonlyArray<SkippedPerson & { readonly personName: string }>
  readonly passOnLine: { readonly sv: string; readonly en: string }
}

/**
 * Keeps what `plan` decided beside the deliveries already written for it, in the publish
 * transaction `tx`. Names are read from the same transaction, so they are the names the
 * publisher saw.
 */
export const storePlan = async (
  tx: Db,
  updateId: UpdateId,
  plan: DisseminationPlan,
  at: Date,
): Promise<void> => {
  const skippedIds = JSON.stringify(plan.skipped.map((skipped) => skipped.personId))
  const regionIds = JSON.stringify(plan.unreachableRegions.map((region) => region.regionId))
  await tx.execute(
    sql`insert into ${updatePlans}
          (update_id, unreachable_regions, skipped, pass_on_line_sv, pass_on_line_en, person_names, region_names, planned_at)
        select ${updateId}, ${JSON.stringify(plan.unreachableRegions)}::jsonb, ${JSON.stringify(plan.skipped)}::jsonb,
          ${plan.passOnLine.sv}, ${plan.passOnLine.en},
          (select coalesce(jsonb_object_agg(p.id, p.name), '{}'::jsonb) from people p
            where p.id in (select d.person_id from ${deliveries} d where d.update_id = ${updateId})
               or p.id in (select jsonb_array_elements_text(${skippedIds}::jsonb))),
          (select coalesce(jsonb_object_agg(r.id, r.name), '{}'::jsonb) from regions r
            where r.id in (select d.region_id from ${deliveries} d where d.update_id = ${updateId})
               or r.id in (select jsonb_array_elements_text(${regionIds}::jsonb))),
          ${at.toISOString()}::timestamptz`,
  )
}

/** The plans stored at publish. */
export class StoredPlans extends Context.Service<
  StoredPlans,
  {
    /** `NotFound` for a draft, an unknown update, or one published before plans were stored. */
    readonly get: (updateId: string) => Effect.Effect<StoredPlan, StoreError | NotFound>
  }
>()("spridning/db/StoredPlans") {}

const readPlan = async (db: Db, updateId: string): Promise<StoredPlan | undefined> => {
  const [plan] = await db.select().from(updatePlans).where(idIs(updatePlans.updateId, updateId))
  if (plan === undefined) return undefined
  const rows = await db
    .select({
      id: deliveries.id,
      personId: deliveries.personId,
      regionId: deliveries.regionId,
      channel: deliveries.channel,
      reasons: deliveries.reasons,
      bridge: deliveries.bridge,
      reroutedFrom: deliveries.reroutedFrom,
    })
    .from(deliveries)
    .where(idIs(deliveries.updateId, updateId))
    .orderBy(asc(deliveries.personId), asc(deliveries.channel), asc(deliveries.id))
  // A replacement is the same recipient reached another way, not one more recipient.
  const replacements = new Map(
    rows.flatMap((row) =>
      row.reroutedFrom === null
        ? []
        : [[row.reroutedFrom, { deliveryId: row.id, channel: row.channel }] as const],
    ),
  )
  const reroute = (id: DeliveryId) => {
    const to = replacements.get(id)
    return to === undefined ? {} : { reroutedTo: to }
  }
  const personName = (id: string) => plan.personNames[id] ?? id
  const regionName = (id: string) => plan.regionNames[id] ?? id
  return {
    updateId: plan.updateId,
    plannedAt: plan.plannedAt,
    deliveries: rows
      .filter((row) => row.reroutedFrom === null)
      .map((row) => ({
        updateId: plan.updateId,
        deliveryId: row.id,
        personId: row.personId,
        personName: personName(row.personId),
        regionId: row.regionId,
        regionName: regionName(row.regionId),
        channel: row.channel,
        reasons: row.reasons,
        ...(row.bridge === null ? {} : { bridge: row.bridge }),
        ...reroute(row.id),
      })),
    unreachableRegions: plan.unreachableRegions.map((region) => ({
      ...region,
      regionName: regionName(region.regionId),
    })),
    skipped: plan.skipped.map((skipped) => ({ ...skipped, personName: personName(skipped.personId) })),
    passOnLine: { sv: plan.passOnLineSv, en: plan.passOnLineEn },
  }
}

export const layerStoredPlans: Layer.Layer<StoredPlans, never, Database> = Layer.effect(
  StoredPlans,
  Effect.gen(function* () {
    const database = yield* Database
    return StoredPlans.of({
      get: (updateId) =>
        Effect.flatMap(
          database.run("read stored plan", (db) => readPlan(db, updateId)),
          (plan) =>
            plan === undefined
              ? Effect.fail(new NotFound({ entity: "update", id: updateId }))
              : Effect.succeed(plan),
        ),
    })
  }),
)
