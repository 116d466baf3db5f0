import { Result, Schema } from "effect"
import { Audience } from "../audience/model.js"
import { targetedRegions } from "../audience/resolve.js"
import { coverage } from "../coverage/report.js"
import type { Month } from "../delivery/periods.js"
import { UpdateKind } from "../dissemination/model.js"
import { NotFound } from "../organisation/errors.js"
import { type PersonId, RegionId, ThemeGroupId, UpdateId } from "../organisation/ids.js"
import { indexNetwork } from "../organisation/index-network.js"
import type { Channel, Network, Person, Role } from "../organisation/model.js"

/** An update published in the briefing's period, with the audience it was published to. */
export const BriefingUpdate = Schema.Struct({
  id: UpdateId,
  kind: UpdateKind,
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  title: Schema.String,
  publishedAt: Schema.Date,
  audience: Audience,
})
export type BriefingUpdate = typeof BriefingUpdate.Type

/** A published proposal round, with the regions that have answered it. */
export const BriefingProposalRound = Schema.Struct({
  id: UpdateId,
  themeGroupId: Schema.optionalKey(ThemeGroupId),
  title: Schema.String,
  deadline: Schema.Date,
  audience: Audience,
  answeredBy: Schema.Array(RegionId),
})
export type BriefingProposalRound = typeof BriefingProposalRound.Type

export interface BriefingInput {
  readonly network: Network
  readonly regionId: RegionId
  /** The month the briefing covers. */
  readonly period: Month
  /** Updates published in the period (others are left out here too). */
  readonly updates: ReadonlyArray<BriefingUpdate>
  readonly proposalRounds: ReadonlyArray<BriefingProposalRound>
  readonly now: Date
}

export interface BriefingPerson {
  readonly personId: PersonId
  readonly name: string
}

/**
 * "regelbundna möten med hälso- och sjukvårdsdirektören om vad som är på gång": what a region's
 * management hears. The API, mail and Slack all show this one value, so the same region and
 * period read the same everywhere.
 */
export interface Briefing {
  readonly regionId: RegionId
  readonly regionName: string
  readonly period: Month
  readonly generatedAt: Date
  /** What the groups published in the period to an audience that includes the region, oldest first. */
  readonly recentWork: ReadonlyArray<{
    readonly updateId: UpdateId
    readonly kind: UpdateKind
    readonly themeGroupId?: ThemeGroupId
    readonly themeGroupName?: string
    readonly title: string
    readonly publishedAt: Date
  }>
  /** Active groups with neither a participant nor a contact person from the region. */
  readonly uncovered: ReadonlyArray<{
    readonly themeGroupId: ThemeGroupId
    readonly themeGroupName: string
    /** Who receives the group's updates for the region instead (its process leader), if anyone. */
    readonly fallback?: BriefingPerson & { readonly via: "processLeader" }
  }>
  /** Active groups the region has no participant in, reached through its contact persons. */
  readonly bridged: ReadonlyArray<{
    readonly themeGroupId: ThemeGroupId
    readonly themeGroupName: string
    readonly contactPersons: ReadonlyArray<BriefingPerson>
  }>
  /** Of the roles every region should have (process leader, presidium member, management). */
  readonly missingRoles: ReadonlyArray<Role>
  /** Open proposal rounds for the region that it has not answered, nearest deadline first. */
  readonly waitingForAction: ReadonlyArray<{
    readonly kind: "proposalRound"
    readonly updateId: UpdateId
    readonly themeGroupId?: ThemeGroupId
    readonly themeGroupName?: string
    readonly title: string
    readonly deadline: Date
  }>
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/** The management briefing of one region for one period. */
export const briefing = (input: BriefingInput): Result.Result<Briefing, NotFound> => {
  const index = indexNetwork(input.network)
  const region = index.regionById.get(input.regionId)
  if (region === undefined) return Result.fail(new NotFound({ entity: "region", id: input.regionId }))
  const reaches = (audience: Audience) => targetedRegions(index, audience).some((r) => r.id === region.id)
  const groupName = (id: ThemeGroupId | undefined) =>
    id === undefined ? undefined : (index.themeGroupById.get(id)?.name ?? id)
  const person = (personId: PersonId): BriefingPerson => ({
    personId,
    name: index.personById.get(personId)?.name ?? personId,
  })
  const report = coverage(input.network)
  const cells = report.cells.filter((cell) => cell.regionId === region.id)
  const start = input.period.start.getTime()
  const end = Math.min(input.period.end.getTime(), input.now.getTime() + 1)
  return Result.succeed({
    regionId: region.id,
    regionName: region.name,
    period: input.period,
    generatedAt: input.now,
    recentWork: input.updates
      .filter(
        (update) =>
          update.kind !== "briefing" &&
          update.publishedAt.getTime() >= start &&
          update.publishedAt.getTime() < end &&
          reaches(update.audience),
      )
      .toSorted((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
      .map((update) => ({
        updateId: update.id,
        kind: update.kind,
        ...optional("themeGroupId", update.themeGroupId),
        ...optional("themeGroupName", groupName(update.themeGroupId)),
        title: update.title,
        publishedAt: update.publishedAt,
      })),
    uncovered: cells
      .filter((cell) => cell.status === "uncovered")
      .map((cell) => ({
        themeGroupId: cell.themeGroupId,
        themeGroupName: groupName(cell.themeGroupId) ?? cell.themeGroupId,
        ...optional(
          "fallback",
          cell.fallback === undefined
            ? undefined
            : { ...person(cell.fallback.personId), via: cell.fallback.via },
        ),
      })),
    bridged: cells
      .filter((cell) => cell.status === "bridged")
      .map((cell) => ({
        themeGroupId: cell.themeGroupId,
        themeGroupName: groupName(cell.themeGroupId) ?? cell.themeGroupId,
        contactPersons: cell.people.filter((p) => p.role === "contactPerson").map((p) => person(p.personId)),
      })),
    missingRoles: report.roleGaps.find((gap) => gap.regionId === region.id)?.missing ?? [],
    waitingForAction: input.proposalRounds
      .filter(
        (round) =>
          round.deadline.getTime() > input.now.getTime() &&
          !round.answeredBy.includes(region.id) &&
          reaches(round.audience),
      )
      .toSorted((a, b) => a.deadline.getTime() - b.deadline.getTime())
      .map((round) => ({
        kind: "proposalRound" as const,
        updateId: round.id,
        ...optional("themeGroupId", round.themeGroupId),
        ...optional("themeGroupName", groupName(round.themeGroupId)),
        title: round.title,
        deadline: round.deadline,
      })),
  })
}

/**
 * Who receives a region's briefing, and on which channels: its management, unless they opted
 * out of everything, on the channels they chose that are configured. Someone whose chosen
 * channels are all switched off (a Slack-only manager while Slack is not configured) gets it by
 * email, so no region's management goes without.
 */
export const briefingRecipients = (
  network: Network,
  regionId: RegionId,
  configuredChannels: ReadonlySet<Channel>,
): ReadonlyArray<{ readonly person: Person; readonly channels: ReadonlyArray<Channel> }> => {
  const index = indexNetwork(network)
  const seen = new Set<PersonId>()
  return (index.rolesByRegion.get(regionId) ?? []).flatMap((role) => {
    if (role.role !== "management" || seen.has(role.personId)) return []
    seen.add(role.personId)
    const person = index.personById.get(role.personId)
    if (person === undefined || person.preferences.optedOutOfAll) return []
    const chosen = person.preferences.channels
    if (chosen.length === 0) return []
    const open = chosen.filter((channel) => configuredChannels.has(channel))
    const channels: ReadonlyArray<Channel> =
      open.length > 0 ? open : configuredChannels.has("email") ? ["email"] : []
    return channels.length === 0 ? [] : [{ person, channels }]
  })
}
