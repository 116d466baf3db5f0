import { isOnPublicSite, type Network, type ThemeGroup } from "@spridning/core"
import { Organisation, type Page, type StoredUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"

/** The repositories the public site reads. */
export type PublicServices = Updates | Organisation

/** The part of the network the public site names: its theme groups and regions, no people. */
export type PublicNetwork = Pick<Network, "themeGroups" | "regions">

/** What the public site may show: the theme groups and the updates core calls public. */
export interface PublicContent {
  readonly network: PublicNetwork
  /** Newest first; only what `isOnPublicSite` lets through. */
  readonly updates: ReadonlyArray<StoredUpdate>
}

/** Every page of a paginated list. */
const everyPage = <T, E>(list: (cursor: string | undefined) => Effect.Effect<Page<T>, E>) =>
  Effect.gen(function* () {
    const found: Array<T> = []
    let cursor: string | undefined
    do {
      const page = yield* list(cursor)
      found.push(...page.items)
      cursor = page.nextCursor
    } while (cursor !== undefined)
    return found
  })

const after = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor })

/**
 * Published updates, filtered by core's rule before any page sees them, with the theme groups
 * and regions. Loading the whole network (people, roles, follows) would cost a public page
 * ten times as much for names it never shows.
 */
export const loadPublicContent: Effect.Effect<PublicContent, unknown, PublicServices> = Effect.gen(
  function* () {
    const organisation = yield* Organisation
    const updates = yield* Updates
    const themeGroups = yield* everyPage((cursor) =>
      organisation.themeGroups.list({ limit: 1000, ...after(cursor) }),
    )
    const regions = yield* everyPage((cursor) => organisation.regions.list({ limit: 1000, ...after(cursor) }))
    const published = yield* everyPage((cursor) =>
      updates.list({ filter: { published: true }, limit: 1000, ...after(cursor) }),
    )
    return { network: { themeGroups, regions }, updates: published.filter(isOnPublicSite) }
  },
)

export const activeGroups = (network: PublicNetwork): ReadonlyArray<ThemeGroup> =>
  network.themeGroups
    .filter((group) => group.status === "active")
    .toSorted((a, b) => a.name.localeCompare(b.name, "sv"))

export const groupById = (network: PublicNetwork, id: string | undefined): ThemeGroup | undefined =>
  id === undefined ? undefined : network.themeGroups.find((group) => group.id === id)

export type DigitalHour = StoredUpdate & {
  readonly details: Extract<StoredUpdate["details"], { kind: "digitalHour" }>
}
export type ProposalRound = StoredUpdate & {
  readonly details: Extract<StoredUpdate["details"], { kind: "proposalRound" }>
}
export type GoodExample = StoredUpdate & {
  readonly details: Extract<StoredUpdate["details"], { kind: "goodExample" }>
}
export type WorkListItem = StoredUpdate & {
  readonly details: Extract<StoredUpdate["details"], { kind: "workListItem" }>
}

export const isDigitalHourUpdate = (update: StoredUpdate): update is DigitalHour =>
  update.details.kind === "digitalHour"
const isProposalRound = (update: StoredUpdate): update is ProposalRound =>
  update.details.kind === "proposalRound"
export const isGoodExample = (update: StoredUpdate): update is GoodExample =>
  update.details.kind === "goodExample"
const isWorkListItem = (update: StoredUpdate): update is WorkListItem =>
  update.details.kind === "workListItem"

/** Digital hours not yet over, soonest first. */
export const upcomingDigitalHours = (updates: ReadonlyArray<StoredUpdate>, now: Date) =>
  updates
    .filter(isDigitalHourUpdate)
    .filter((hour) => hour.details.endsAt.getTime() >= now.getTime())
    .toSorted((a, b) => a.details.startsAt.getTime() - b.details.startsAt.getTime())

/** Rounds whose deadline has not passed, nearest deadline first. */
export const openProposalRounds = (updates: ReadonlyArray<StoredUpdate>, now: Date) =>
  updates
    .filter(isProposalRound)
    .filter((round) => round.details.deadline.getTime() >= now.getTime())
    .toSorted((a, b) => a.details.deadline.getTime() - b.details.deadline.getTime())

export const goodExamples = (updates: ReadonlyArray<StoredUpdate>) => updates.filter(isGoodExample)

/** The living work list: ongoing first, then planned, then done. */
export const workList = (updates: ReadonlyArray<StoredUpdate>) => {
  const order = { ongoing: 0, planned: 1, done: 2 } as const
  return updates.filter(isWorkListItem).toSorted((a, b) => order[a.details.status] - order[b.details.status])
}

export const ofKind = (updates: ReadonlyArray<StoredUpdate>, kind: StoredUpdate["kind"]) =>
  updates.filter((update) => update.kind === kind)

export const ofGroup = (updates: ReadonlyArray<StoredUpdate>, groupId: string) =>
  updates.filter((update) => update.themeGroupId === groupId)

/**
 * The library's filter: every given tag, and every word of the search in the title, body or
 * tags (case and diacritics folded, so "nätverk" finds "Nätverket"). Hand-written because the
 * library is small and already in memory; the database's text search would need a new query.
 */
export const filterGoodExamples = (
  examples: ReadonlyArray<GoodExample>,
  query: { readonly tag?: string; readonly search?: string },
) => {
  const fold = (text: string) => text.toLocaleLowerCase("sv").normalize("NFKD").replace(/\p{M}/gu, "")
  const words = fold(query.search ?? "")
    .split(/\s+/)
    .filter((word) => word !== "")
  return examples.filter((example) => {
    if (query.tag !== undefined && query.tag !== "" && !example.details.tags.includes(query.tag)) return false
    const text = fold(`${example.title} ${example.body} ${example.details.tags.join(" ")}`)
    return words.every((word) => text.includes(word))
  })
}

export const allTags = (examples: ReadonlyArray<GoodExample>) =>
  [...new Set(examples.flatMap((example) => example.details.tags))].toSorted((a, b) =>
    a.localeCompare(b, "sv"),
  )
