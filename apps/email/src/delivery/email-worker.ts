import {
  catalogue,
  defaultRetryPolicy,
  deliveryCadence,
  indexNetwork,
  type Language,
  type Network,
  type NetworkIndex,
  NetworkStore,
  type PersonId,
  periodContaining,
  type RetryPolicy,
  retryDelayMillis,
  type StoreError,
  type ThemeGroupId,
} from "@spridning/core"
import {
  DigestRuns,
  Outbox,
  type StoredDelivery,
  type StoredUpdate,
  Suppressions,
  Updates,
} from "@spridning/db"
import { Effect, Ref, Result } from "effect"
import type { LinkSigner, UnsubscribeScope } from "../links/signed-links.js"
import { MailSender } from "../sending/mail-sender.js"
import {
  type MailContent,
  type MailRecipient,
  type MailSendFailure,
  requestsFor,
} from "../sending/outgoing-mail.js"
import { mailText } from "../templates/catalogue.js"
import { whyLine } from "../templates/reasons.js"
import {
  type DigestItem,
  type Organizer,
  recipientSubstitutions,
  renderDigest,
  renderUpdateMail,
  type UpdateForMail,
} from "../templates/render.js"

export interface EmailWorkerOptions {
  /** Names this worker in the outbox; only it may mark what it claimed. */
  readonly workerId: string
  readonly links: LinkSigner
  /** Organizer of calendar files (the sender address). */
  readonly organizer: Organizer
  /** Deliveries claimed at a time (default 2,000). */
  readonly claimLimit?: number
  /** How long a claim holds before another worker may take it (default 5 minutes). */
  readonly leaseMillis?: number
  /** SendGrid requests in flight at once (default 4). */
  readonly concurrency?: number
  readonly retry?: RetryPolicy
  readonly random?: () => number
  /** The worker's clock; tests pass a fixed one. */
  readonly clock?: () => Date
  /** How long a loaded network is reused (default 30 s). */
  readonly networkTtlMillis?: number
}

export interface DrainReport {
  readonly claimed: number
  readonly sent: number
  readonly requests: number
  readonly retried: number
  readonly dead: number
  readonly suppressed: number
  /** Held back for a daily or weekly digest. */
  readonly held: number
  readonly digests: number
}

const emptyReport: DrainReport = {
  claimed: 0,
  sent: 0,
  requests: 0,
  retried: 0,
  dead: 0,
  suppressed: 0,
  held: 0,
  digests: 0,
}

const addReports = (a: DrainReport, b: DrainReport): DrainReport => ({
  claimed: a.claimed + b.claimed,
  sent: a.sent + b.sent,
  requests: a.requests + b.requests,
  retried: a.retried + b.retried,
  dead: a.dead + b.dead,
  suppressed: a.suppressed + b.suppressed,
  held: a.held + b.held,
  digests: a.digests + b.digests,
})

export type EmailWorkerServices = Outbox | Updates | NetworkStore | Suppressions | DigestRuns | MailSender

interface Addressed {
  readonly delivery: StoredDelivery
  readonly recipient: MailRecipient
}

const describeFailure = (failure: MailSendFailure): string => {
  switch (failure._tag) {
    case "MailRateLimited":
      return `SendGrid 429: rate limited${failure.retryAfterMillis === undefined ? "" : ` (Retry-After ${Math.round(failure.retryAfterMillis / 1000)} s)`}`
    case "MailProviderUnavailable":
      return failure.reason
    case "MailRejected":
      return failure.reason
  }
}

const heldNote = (cadence: "daily" | "weekly", periodKey: string) =>
  `held for the ${cadence} digest ${periodKey}`
/** Marks in db's digest runs that a period's digest reached SendGrid (not only that it started). */
const deliveredKey = (periodKey: string) => `${periodKey}:delivered`

export const toUpdateForMail = (update: StoredUpdate, index: NetworkIndex): UpdateForMail => {
  const group =
    update.themeGroupId === undefined
      ? undefined
      : index.themeGroupById.get(update.themeGroupId as ThemeGroupId)
  return {
    id: update.id,
    kind: update.kind,
    title: update.title,
    body: update.body,
    details: update.details,
    ...(group === undefined ? {} : { themeGroupName: group.name }),
    ...(update.passOnLine === undefined ? {} : { passOnLine: update.passOnLine }),
  }
}

/**
 * Drains the outbox's email deliveries: claims due ones, renders each content group (same
 * update, template and language) once, and sends it in requests of up to 1,000 recipients.
 * 429 and 5xx come back later with backoff; other refusals end the delivery with SendGrid's
 * reason; a worker that dies leaves its claims to run out and be taken again.
 */
export const makeEmailWorker = Effect.fn("email.makeEmailWorker")(function* (options: EmailWorkerOptions) {
  const outbox = yield* Outbox
  const updates = yield* Updates
  const networkStore = yield* NetworkStore
  const suppressions = yield* Suppressions
  const digestRuns = yield* DigestRuns
  const sender = yield* MailSender

  const clock = options.clock ?? (() => new Date())
  const random = options.random ?? Math.random
  const retry = options.retry ?? defaultRetryPolicy
  const claimLimit = options.claimLimit ?? 2000
  const leaseMillis = options.leaseMillis ?? 5 * 60_000
  const concurrency = options.concurrency ?? 4
  const networkTtl = options.networkTtlMillis ?? 30_000

  const networkCache = yield* Ref.make<{ readonly network: Network; readonly loadedAt: number } | undefined>(
    undefined,
  )
  const currentIndex = Effect.gen(function* () {
    const cached = yield* Ref.get(networkCache)
    const now = clock().getTime()
    if (cached !== undefined && now - cached.loadedAt < networkTtl) return indexNetwork(cached.network)
    const network = yield* networkStore.load
    yield* Ref.set(networkCache, { network, loadedAt: now })
    whyCache.clear()
    return indexNetwork(network)
  })

  const updateCache = new Map<string, StoredUpdate>()
  // Readers of one update mostly share their reasons; the sentence is built once per pattern.
  const whyCache = new Map<string, string>()
  const whyFor = (
    index: NetworkIndex,
    language: Language,
    delivery: StoredDelivery,
    themeGroupId?: string,
  ) => {
    const key = `${language}|${themeGroupId}|${JSON.stringify(delivery.reasons)}|${JSON.stringify(delivery.bridge ?? null)}`
    let why = whyCache.get(key)
    if (why === undefined) {
      if (whyCache.size > 10_000) whyCache.clear()
      why = whyLine(index, language, delivery.reasons, delivery.bridge, themeGroupId)
      whyCache.set(key, why)
    }
    return why
  }
  const contentCache = new Map<string, Promise<MailContent>>()
  const loadUpdate = (id: string) =>
    updateCache.has(id)
      ? Effect.succeed(updateCache.get(id))
      : updates.get(id).pipe(
          Effect.map((update) => {
            if (updateCache.size > 500) updateCache.clear()
            updateCache.set(id, update)
            return update as StoredUpdate | undefined
          }),
          Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
        )
  const contentFor = (key: string, render: () => Promise<MailContent>) =>
    Effect.promise(() => {
      let content = contentCache.get(key)
      if (content === undefined) {
        if (contentCache.size > 200) contentCache.clear()
        content = render()
        contentCache.set(key, content)
        content.catch(() => contentCache.delete(key))
      }
      return content
    })

  const unsubscribeScopeOf = (update: StoredUpdate): UnsubscribeScope =>
    update.themeGroupId === undefined
      ? { _tag: "AllEmail" }
      : { _tag: "ThemeGroup", themeGroupId: update.themeGroupId }

  const recipientFor = (
    index: NetworkIndex,
    delivery: StoredDelivery,
    update: StoredUpdate,
    language: Language,
    now: Date,
  ): MailRecipient => {
    const person = index.personById.get(delivery.personId as PersonId)!
    const unsubscribeUrl = options.links.unsubscribeUrl(
      person.id,
      unsubscribeScopeOf(update),
      now,
      delivery.id,
    )
    const receipts = options.links.receiptUrls(delivery.id, person.id, now)
    return {
      email: person.email,
      name: person.name,
      substitutions: recipientSubstitutions(language, {
        name: person.name,
        why: whyFor(index, language, delivery, update.themeGroupId),
        readUrl: receipts.read,
        passedOnUrl: receipts.passedOn,
        actedUrl: receipts.acted,
        unsubscribeUrl,
      }),
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      customArgs: { delivery_id: delivery.id, update_id: delivery.updateId },
    }
  }

  /** A send failed: try again later, or give up after the last attempt. */
  const settleFailure = (deliveries: ReadonlyArray<StoredDelivery>, failure: MailSendFailure, now: Date) =>
    Effect.forEach(
      deliveries,
      (delivery) => {
        const reason = describeFailure(failure)
        if (failure._tag === "MailRejected") {
          return Effect.as(outbox.markDead(options.workerId, delivery.id, reason), "dead" as const)
        }
        if (delivery.attempts >= retry.maxAttempts) {
          return Effect.as(
            outbox.markDead(
              options.workerId,
              delivery.id,
              `gave up after ${delivery.attempts} attempts: ${reason}`,
            ),
            "dead" as const,
          )
        }
        const delay = retryDelayMillis(
          retry,
          delivery.attempts,
          random,
          failure._tag === "MailRateLimited" ? failure.retryAfterMillis : undefined,
        )
        return Effect.as(
          outbox.markFailed(options.workerId, delivery.id, {
            error: reason,
            retryAt: new Date(now.getTime() + delay),
          }),
          "retried" as const,
        )
      },
      { concurrency: 8 },
    ).pipe(
      Effect.map((outcomes) => ({
        ...emptyReport,
        retried: outcomes.filter((outcome) => outcome === "retried").length,
        dead: outcomes.filter((outcome) => outcome === "dead").length,
      })),
    )

  const sendRequests = (
    content: MailContent,
    addressed: ReadonlyArray<Addressed>,
    now: Date,
    slowDown: Ref.Ref<MailSendFailure | undefined>,
  ) =>
    Effect.forEach(
      requestsFor(addressed.map((item) => ({ ...item, email: item.recipient.email }))),
      (batch) =>
        Effect.gen(function* () {
          const deliveries = batch.map((item) => item.delivery)
          const pending = yield* Ref.get(slowDown)
          // After a 429 the rest of this drain waits too, rather than hammering SendGrid.
          if (pending !== undefined) return yield* settleFailure(deliveries, pending, now)
          const outcome = yield* Effect.result(
            sender.send({ content, recipients: batch.map((item) => item.recipient) }),
          )
          if (Result.isFailure(outcome)) {
            if (outcome.failure._tag === "MailRateLimited") yield* Ref.set(slowDown, outcome.failure)
            const settled = yield* settleFailure(deliveries, outcome.failure, now)
            return { ...settled, requests: 1 }
          }
          const sent = yield* outbox.markSent(
            options.workerId,
            deliveries.map((delivery) => ({
              id: delivery.id,
              providerMessageId: outcome.success.providerMessageId,
            })),
            clock(),
          )
          return { ...emptyReport, sent, requests: 1 }
        }),
      { concurrency },
    ).pipe(Effect.map((reports) => reports.reduce(addReports, emptyReport)))

  const sendDigest = (
    index: NetworkIndex,
    personId: string,
    periodKey: string,
    cadence: "daily" | "weekly",
    items: ReadonlyArray<{ readonly delivery: StoredDelivery; readonly update: StoredUpdate }>,
    now: Date,
    slowDown: Ref.Ref<MailSendFailure | undefined>,
  ) =>
    Effect.gen(function* () {
      const person = index.personById.get(personId as PersonId)!
      const language = person.preferences.language
      // Items of this period another worker holds go in too; that worker marks them once it
      // sees the digest went out (see `digestDelivered`).
      const claimedIds = new Set(items.map((item) => item.delivery.id))
      const heldElsewhere = (yield* outbox.forPerson(personId, 500)).filter(
        (delivery) =>
          !claimedIds.has(delivery.id) &&
          delivery.channel === "email" &&
          (delivery.state === "failed" || delivery.state === "sending" || delivery.state === "pending") &&
          delivery.lastError === heldNote(cadence, periodKey),
      )
      const others = yield* Effect.forEach(heldElsewhere, (delivery) =>
        Effect.map(loadUpdate(delivery.updateId), (update) =>
          update === undefined ? [] : [{ delivery, update }],
        ),
      )
      const included = [...items, ...others.flat()].sort(
        (a, b) => (a.update.publishedAt?.getTime() ?? 0) - (b.update.publishedAt?.getTime() ?? 0),
      )
      const digestItems: ReadonlyArray<DigestItem> = included.map(({ delivery, update }) => {
        const receipts = options.links.receiptUrls(delivery.id, personId, now)
        return {
          update: toUpdateForMail(update, index),
          readUrl: receipts.read,
          passedOnUrl: receipts.passedOn,
          actedUrl: receipts.acted,
        }
      })
      const content = yield* Effect.promise(() => renderDigest(language, cadence, digestItems))
      const groups = [
        ...new Set(
          included.flatMap(({ update }) => (update.themeGroupId === undefined ? [] : [update.themeGroupId])),
        ),
      ].map((id) => index.themeGroupById.get(id as ThemeGroupId)?.name ?? id)
      const unsubscribeUrl = options.links.unsubscribeUrl(personId, { _tag: "Digest", cadence }, now)
      const recipient: MailRecipient = {
        email: person.email,
        name: person.name,
        substitutions: recipientSubstitutions(language, {
          name: person.name,
          why: mailText[language].digest.why(catalogue(language).list(groups)),
          readUrl: "",
          passedOnUrl: "",
          actedUrl: "",
          unsubscribeUrl,
        }),
        headers: {
          "List-Unsubscribe": `<${unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        customArgs: { delivery_id: items[0]!.delivery.id, digest: periodKey },
      }
      const deliveries = items.map((item) => item.delivery)
      const waiting = yield* Ref.get(slowDown)
      const outcome =
        waiting === undefined
          ? yield* Effect.result(sender.send({ content, recipients: [recipient] }))
          : Result.fail(waiting)
      if (Result.isFailure(outcome)) {
        if (outcome.failure._tag === "MailRateLimited") yield* Ref.set(slowDown, outcome.failure)
        const settled = yield* settleFailure(deliveries, outcome.failure, now)
        return { ...settled, requests: waiting === undefined ? 1 : 0 }
      }
      const sent = yield* outbox.markSent(
        options.workerId,
        deliveries.map((delivery) => ({
          id: delivery.id,
          providerMessageId: outcome.success.providerMessageId,
        })),
        clock(),
      )
      yield* digestRuns.complete(personId, periodKey, included.length, clock())
      yield* digestRuns.start(personId, deliveredKey(periodKey), clock()).pipe(Effect.ignore)
      yield* digestRuns.complete(personId, deliveredKey(periodKey), included.length, clock())
      return { ...emptyReport, sent, requests: 1, digests: 1 }
    })

  const drainOnce: Effect.Effect<DrainReport, StoreError> = Effect.gen(function* () {
    const now = clock()
    yield* digestRuns.releaseStale(new Date(now.getTime() - leaseMillis)).pipe(Effect.ignore)
    const claimed = yield* outbox.claim({
      channel: "email",
      workerId: options.workerId,
      limit: claimLimit,
      leaseMillis,
      now,
    })
    if (claimed.length === 0) return emptyReport
    const index = yield* currentIndex
    let report: DrainReport = { ...emptyReport, claimed: claimed.length }

    const people = claimed.flatMap((delivery) => {
      const person = index.personById.get(delivery.personId as PersonId)
      return person === undefined ? [] : [person.email]
    })
    const suppressedAddresses = yield* suppressions.suppressedAmong([...new Set(people)])

    const groups = new Map<
      string,
      { update: StoredUpdate; language: Language; addressed: Array<Addressed> }
    >()
    const digests = new Map<
      string,
      {
        personId: string
        cadence: "daily" | "weekly"
        items: Array<{ delivery: StoredDelivery; update: StoredUpdate }>
      }
    >()
    for (const delivery of claimed) {
      const person = index.personById.get(delivery.personId as PersonId)
      const update = yield* loadUpdate(delivery.updateId)
      if (person === undefined || update === undefined) {
        yield* outbox.markDead(
          options.workerId,
          delivery.id,
          person === undefined
            ? `person ${delivery.personId} no longer exists`
            : `update ${delivery.updateId} no longer exists`,
        )
        report = { ...report, dead: report.dead + 1 }
        continue
      }
      if (suppressedAddresses.has(person.email.toLowerCase())) {
        yield* outbox.markSuppressed(delivery.id, `${person.email} is on the suppression list`)
        report = { ...report, suppressed: report.suppressed + 1 }
        continue
      }
      const preferences = person.preferences
      const onlyFollows =
        delivery.reasons.length > 0 && delivery.reasons.every((r) => r._tag === "FollowsThemeGroup")
      const stillFollows = (index.followsByPerson.get(person.id) ?? []).some(
        (follow) => follow.themeGroupId === update.themeGroupId,
      )
      if (
        !preferences.channels.includes("email") ||
        preferences.optedOutOfAll ||
        (update.themeGroupId !== undefined &&
          preferences.optedOutOfThemeGroups.includes(update.themeGroupId as ThemeGroupId)) ||
        (onlyFollows && !stillFollows)
      ) {
        yield* outbox.markSuppressed(delivery.id, "the person opted out of this mail after it was planned")
        report = { ...report, suppressed: report.suppressed + 1 }
        continue
      }
      const cadence = deliveryCadence(
        index,
        {
          personId: person.id,
          reasons: delivery.reasons,
          ...(delivery.bridge === undefined ? {} : { bridge: delivery.bridge }),
        },
        {
          kind: update.kind,
          ...(update.themeGroupId === undefined ? {} : { themeGroupId: update.themeGroupId as ThemeGroupId }),
        },
      )
      if (cadence !== "immediate") {
        const period = periodContaining(cadence, update.publishedAt ?? delivery.createdAt)
        if (now.getTime() < period.end.getTime()) {
          yield* outbox.defer(options.workerId, delivery.id, {
            note: heldNote(cadence, period.key),
            until: period.end,
          })
          report = { ...report, held: report.held + 1 }
          continue
        }
        const key = `${person.id}|${period.key}`
        const digest = digests.get(key) ?? { personId: person.id, cadence, items: [] }
        digest.items.push({ delivery, update })
        digests.set(key, digest)
        continue
      }
      const language = preferences.language
      const groupKey = `${update.id}|update|${language}`
      const group = groups.get(groupKey) ?? { update, language, addressed: [] }
      group.addressed.push({ delivery, recipient: recipientFor(index, delivery, update, language, now) })
      groups.set(groupKey, group)
    }

    const slowDown = yield* Ref.make<MailSendFailure | undefined>(undefined)
    for (const [key, digest] of digests) {
      const periodKey = key.slice(key.indexOf("|") + 1)
      const first = yield* digestRuns
        .start(digest.personId, periodKey, now)
        .pipe(Effect.catch(() => Effect.succeed(false)))
      if (first) {
        report = addReports(
          report,
          yield* sendDigest(index, digest.personId, periodKey, digest.cadence, digest.items, now, slowDown),
        )
        continue
      }
      // Another worker has this period's digest. Once it went out (it included every held item
      // of the period), ours are done; until then they wait longer than a lease, after which a
      // dead worker's run is released and the digest is taken up again.
      const delivered = yield* digestRuns.has(digest.personId, deliveredKey(periodKey))
      if (delivered) {
        const marked = yield* outbox.markSent(
          options.workerId,
          digest.items.map(({ delivery }) => ({ id: delivery.id, providerMessageId: `digest:${periodKey}` })),
          clock(),
        )
        report = { ...report, sent: report.sent + marked }
        continue
      }
      for (const { delivery } of digest.items) {
        yield* outbox.defer(options.workerId, delivery.id, {
          note: heldNote(digest.cadence, periodKey),
          until: new Date(now.getTime() + leaseMillis + 1000),
        })
      }
      report = { ...report, held: report.held + digest.items.length }
    }

    for (const [key, group] of groups) {
      const content = yield* contentFor(key, () =>
        renderUpdateMail(toUpdateForMail(group.update, index), group.language, options.organizer),
      )
      report = addReports(report, yield* sendRequests(content, group.addressed, now, slowDown))
    }
    return report
  })

  /** Drains until nothing is due (bounded by `maxRounds`, default unbounded). */
  const drain = (maxRounds = Number.POSITIVE_INFINITY): Effect.Effect<DrainReport, StoreError> =>
    Effect.gen(function* () {
      let total = emptyReport
      for (let round = 0; round < maxRounds; round++) {
        const report = yield* drainOnce
        total = addReports(total, report)
        if (report.claimed === 0) break
      }
      return total
    })

  return { workerId: options.workerId, drainOnce, drain }
})

export type EmailWorker = Effect.Success<ReturnType<typeof makeEmailWorker>>
