import { isOnPublicSite, type Network, type ThemeGroup } from "@spridning/core"
import { Organisation, Outbox, type Page, type StoredUpdate, type UpdateFilter, Updates } from "@spridning/db"
import { Effect } from "effect"

/** The repositories the public site reads. */
export type PublicServices = Updates | Organisation | Outbox

/** The part of the network the public site names: its theme groups and regions, no people. */
export type PublicNetwork = Pick<Network, "themeGroups" | "regions">

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
 * The groups and regions as last read from each store, with the organisation's version they
 * were read at. The version goes up in the same transaction as every organisation write (a
 * database trigger, so on any machine), and reading it is one small query where the lists
 * were two or more.
 */
const publicNetworks = new WeakMap<object, { readonly version: number; readonly network: PublicNetwork }>()

/** The theme groups and regions, for names and the list of groups. */
export const loadPublicNetwork: Effect.Effect<PublicNetwork, unknown, Organisation | Outbox> = Effect.gen(
  function* () {
    const outbox = yield* Outbox
    // Read before the lists: a write in between leaves newer lists under an older version, read again next time.
    const version = yield* outbox.networkVersion
    const kept = publicNetworks.get(outbox)
    if (kept !== undefined && kept.version === version) return kept.network
    const organisation = yield* Organisation
    const themeGroups = yield* everyPage((cursor) =>
      organisation.themeGroups.list({ limit: 1000, ...after(cursor) }),
    )
    const regions = yield* everyPage((cursor) => organisation.regions.list({ limit: 1000, ...after(cursor) }))
    const network = { themeGroups, regions }
    publicNetworks.set(outbox, { version, network })
    return network
  },
)

/**
 * Published updates matching `filter`, newest first, filtered by core's rule before any page
 * sees them; at most `most` of them. Each page asks only for the kinds or group it shows, so
 * a page's cost follows what it shows rather than everything ever published.
 */
export const loadPublicUpdates = (
  filter: Omit<UpdateFilter, "published"> = {},
  most = Number.POSITIVE_INFINITY,
): Effect.Effect<ReadonlyArray<StoredUpdate>, unknown, Updates> =>
  Effect.gen(function* () {
    const updates = yield* Updates
    const found: Array<StoredUpdate> = []
    let cursor: string | undefined
    do {
      const page = yield* updates.list({
        filter: { ...filter, published: true },
        // A few more than asked for, since core may hold some back; each row read also reads its details.
        limit: Math.min(1000, Number.isFinite(most) ? most + 10 : 1000),
        ...after(cursor),
      })
      for (const update of page.items) if (isOnPublicSite(update) && found.length < most) found.push(update)
      cursor = found.length < most ? page.nextCursor : undefined
    } while (cursor !== undefined)
    return found
  })

/** One update when core lets the public see it; otherwise nothing, as if it did not exist. */
export const loadPublicUpdate = (id: string): Effect.Effect<StoredUpdate | undefined, unknown, Updates> =>
  Effect.gen(function* () {
    const found = yield* (yield* Updates)
      .get(id)
      .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
    return found !== undefined && isOnPublicSite(found) ? found : undefined
  })

/** Swedish order (å, ä, ö last), one collator for every sort: `localeCompare(x, "sv")` makes one per call. */
const swedish = new Intl.Collator("sv")

export const activeGroups = (network: PublicNetwork): ReadonlyArray<ThemeGroup> =>
  network.themeGroups
    .filter((group) => group.status === "active")
    .toSorted((a, b) => swedish.compare(a.name, b.name))

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
  [...new Set(examples.flatMap((example) => example.details.tags))].toSorted((a, b) => swedish.compare(a, b))
