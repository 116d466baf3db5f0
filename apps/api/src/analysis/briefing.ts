import {
  coverage,
  type Network,
  NotFound,
  PersonId,
  RegionId,
  Role,
  ThemeGroupId,
  UpdateId,
  UpdateKind,
} from "@spridning/core"
import { Effect, Schema } from "effect"
import type { UpdateView } from "../dissemination/update-schemas.js"
import type { RouteContext } from "../http/route-context.js"

/**
 * "regelbundna möten med hälso- och sjukvårdsdirektören om vad som är på gång": what a region's
 * management should hear — the groups' recent work that reached the region, the groups where
 * the region is uncovered, and what waits for the region to act.
 */
export const Briefing = Schema.Struct({
  regionId: RegionId,
  regionName: Schema.String,
  generatedAt: Schema.String,
  /** Published in the last `days` days, to an audience that includes the region. */
  recentWork: Schema.Array(
    Schema.Struct({
      updateId: UpdateId,
      kind: UpdateKind,
      themeGroupId: Schema.optionalKey(ThemeGroupId),
      title: Schema.String,
      publishedAt: Schema.String,
    }),
  ),
  uncovered: Schema.Array(
    Schema.Struct({
      themeGroupId: ThemeGroupId,
      themeGroupName: Schema.String,
      /** Who receives the group's updates instead, if anyone. */
      fallback: Schema.optionalKey(Schema.Struct({ personId: PersonId, via: Schema.String })),
    }),
  ),
  bridged: Schema.Array(Schema.Struct({ themeGroupId: ThemeGroupId, themeGroupName: Schema.String })),
  missingRoles: Schema.Array(Role),
  waitingForAction: Schema.Array(
    Schema.Struct({
      kind: Schema.Literal("proposalRound"),
      updateId: UpdateId,
      themeGroupId: Schema.optionalKey(ThemeGroupId),
      title: Schema.String,
      deadline: Schema.String,
    }),
  ),
}).annotate({ identifier: "Briefing" })
export type Briefing = typeof Briefing.Type

const days = 30

const reaches = (update: UpdateView, regionId: RegionId, network: Network): boolean => {
  const { regions, healthcareRegions } = update.audience
  if ((regions ?? []).length === 0 && (healthcareRegions ?? []).length === 0) return true
  if (regions?.includes(regionId) === true) return true
  const region = network.regions.find((r) => r.id === regionId)
  return region !== undefined && (healthcareRegions ?? []).some((h) => region.healthcareRegionIds.includes(h))
}

export const briefingFor = (context: RouteContext, network: Network, regionId: RegionId, now: Date) =>
  Effect.gen(function* () {
    const region = network.regions.find((r) => r.id === regionId)
    if (region === undefined) return yield* new NotFound({ entity: "region", id: regionId })
    const report = coverage(network)
    const groupName = new Map(network.themeGroups.map((g) => [g.id, g.name]))
    const cells = report.cells.filter((cell) => cell.regionId === regionId)
    const since = now.getTime() - days * 24 * 3600 * 1000
    const recent = yield* context.backend.updates.list({ published: true, limit: 200 })
    const rounds = yield* context.backend.updates.list({ kind: "proposalRound", published: true, limit: 200 })
    const waitingForAction: Array<Briefing["waitingForAction"][number]> = []
    for (const round of rounds.items) {
      if (round.details.kind !== "proposalRound" || Date.parse(round.details.deadline) < now.getTime())
        continue
      const proposals = yield* context.backend.updates.proposals(round.id)
      if (proposals.some((p) => p.regionId === regionId)) continue
      waitingForAction.push({
        kind: "proposalRound",
        updateId: round.id,
        title: round.title,
        deadline: round.details.deadline,
        ...(round.themeGroupId === undefined ? {} : { themeGroupId: round.themeGroupId }),
      })
    }
    const briefing: Briefing = {
      regionId,
      regionName: region.name,
      generatedAt: now.toISOString(),
      recentWork: recent.items
        .filter(
          (u) =>
            u.publishedAt !== undefined &&
            Date.parse(u.publishedAt) >= since &&
            reaches(u, regionId, network),
        )
        .map((u) => ({
          updateId: u.id,
          kind: u.kind,
          title: u.title,
          publishedAt: u.publishedAt ?? "",
          ...(u.themeGroupId === undefined ? {} : { themeGroupId: u.themeGroupId }),
        })),
      uncovered: cells
        .filter((cell) => cell.status === "uncovered")
        .map((cell) => ({
          themeGroupId: cell.themeGroupId,
          themeGroupName: groupName.get(cell.themeGroupId) ?? cell.themeGroupId,
          ...(cell.fallback === undefined ? {} : { fallback: cell.fallback }),
        })),
      bridged: cells
        .filter((cell) => cell.status === "bridged")
        .map((cell) => ({
          themeGroupId: cell.themeGroupId,
          themeGroupName: groupName.get(cell.themeGroupId) ?? cell.themeGroupId,
        })),
      missingRoles: report.roleGaps.find((gap) => gap.regionId === regionId)?.missing ?? [],
      waitingForAction,
    }
    return briefing
  })
