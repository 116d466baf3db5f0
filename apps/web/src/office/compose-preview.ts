import {
  type Audience,
  type AudienceScope,
  catalogue,
  type DisseminationPlan,
  indexNetwork,
  type Language,
  mayPublish,
  type Network,
  type PersonId,
  type Publisher,
  planDissemination,
  planReach,
  publishRefusalText,
  type RegionId,
  refuseMergedInUpdate,
  type ThemeGroupId,
  type UnreachableRegion,
  type UpdateId,
} from "@spridning/core"
import { Effect, Result } from "effect"
import type { ComposeKind } from "./compose-messages.js"

/** One region the update reaches: how many people, and who carries it in where the group has nobody. */
export interface PreviewRow {
  readonly regionId: string
  readonly regionName: string
  readonly people: number
  readonly bridges: ReadonlyArray<{ readonly via: "contactPerson" | "processLeader"; readonly names: string }>
}

/** What the office sees before sending: all of it from core's plan, nothing counted twice. */
export type Preview =
  | { readonly _tag: "Refused"; readonly text: string }
  | { readonly _tag: "Problem"; readonly text: string }
  | {
      readonly _tag: "Planned"
      readonly scope: AudienceScope
      readonly people: number
      readonly deliveries: number
      readonly rows: ReadonlyArray<PreviewRow>
      readonly unreachable: ReadonlyArray<{
        readonly regionName: string
        readonly reason: UnreachableRegion["reason"]
      }>
      readonly skipped: number
      readonly passOnLine: string
      /** Core's decision allowed it, so the POST will be accepted as it stands. */
      readonly plan: DisseminationPlan
    }

export interface PreviewInput {
  readonly updateId: UpdateId
  readonly kind: ComposeKind
  readonly title: string
  readonly themeGroupId: ThemeGroupId | undefined
  readonly audience: Audience
}

/**
 * Asks core, in the order publishing does: may this person publish it (`mayPublish`), does it
 * name a merged group (`refuseMergedInUpdate`), and what would be sent (`planDissemination`).
 * Counts are people, not deliveries, and the author is not counted (`planReach`).
 */
export const previewOf = (
  network: Network,
  rights: ReadonlyArray<Publisher>,
  author: PersonId,
  language: Language,
  input: PreviewInput,
): Preview => {
  const publication = {
    ...(input.themeGroupId === undefined ? {} : { themeGroupId: input.themeGroupId }),
    audience: input.audience,
  }
  const decision = mayPublish(network, rights, publication)
  if (decision._tag === "Refused") {
    return { _tag: "Refused", text: publishRefusalText(network, language, decision.reason) }
  }
  const planned = Effect.runSync(
    Effect.result(
      refuseMergedInUpdate(network, publication).pipe(
        Effect.andThen(
          planDissemination(network, {
            id: input.updateId,
            kind: input.kind,
            title: input.title === "" ? "–" : input.title,
            ...publication,
          }),
        ),
      ),
    ),
  )
  if (Result.isFailure(planned)) {
    const failure = planned.failure
    return {
      _tag: "Problem",
      text:
        failure._tag === "ThemeGroupMerged"
          ? catalogue(language).mergedGroup(
              indexNetwork(network).themeGroupById.get(failure.themeGroupId)?.name ?? failure.themeGroupId,
              failure.mergedIntoName,
            )
          : failure.message,
    }
  }
  const plan = planned.success
  const index = indexNetwork(network)
  const regionName = (id: RegionId) => index.regionById.get(id)?.name ?? id
  const personName = (id: PersonId) => index.personById.get(id)?.name ?? id
  const reach = planReach(plan, author)
  const bridges = new Map<RegionId, Map<"contactPerson" | "processLeader", Set<string>>>()
  for (const delivery of plan.deliveries) {
    if (delivery.bridge === undefined || delivery.personId === author) continue
    const byVia = bridges.get(delivery.bridge.regionId) ?? new Map()
    const names = byVia.get(delivery.bridge.via) ?? new Set<string>()
    names.add(personName(delivery.personId))
    byVia.set(delivery.bridge.via, names)
    bridges.set(delivery.bridge.regionId, byVia)
  }
  const list = catalogue(language).list
  const rows = [...reach.peopleByRegion.entries()]
    .map(([regionId, people]) => ({
      regionId,
      regionName: regionName(regionId),
      people,
      bridges: [...(bridges.get(regionId)?.entries() ?? [])].map(([via, names]) => ({
        via,
        names: list([...names].sort((a, b) => a.localeCompare(b, "sv"))),
      })),
    }))
    .sort((a, b) => a.regionName.localeCompare(b.regionName, "sv"))
  return {
    _tag: "Planned",
    scope: input.audience.scope,
    people: reach.people,
    deliveries: reach.deliveries,
    rows,
    unreachable: plan.unreachableRegions
      .map((u) => ({ regionName: regionName(u.regionId), reason: u.reason }))
      .sort((a, b) => a.regionName.localeCompare(b.regionName, "sv")),
    skipped: plan.skipped.length,
    passOnLine: plan.passOnLine[language],
    plan,
  }
}
