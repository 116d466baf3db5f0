import {
  type Channel,
  Channel as ChannelSchema,
  type DecisionUpdate,
  type DeliveryDecision,
  decideDelivery,
  indexNetwork,
  type Network,
  type NetworkIndex,
  NetworkStore,
  notSentText,
  type Person,
  PersonId as PersonIdSchema,
  reroutedText,
  type StoreError,
  settleFailure,
  ThemeGroupId as ThemeGroupIdSchema,
  type UpdateId,
} from "@spridning/core"
import {
  DigestRuns,
  Outbox,
  type OutboxDelivery,
  type StoredUpdate,
  Suppressions,
  Updates,
} from "@spridning/db"
import {
  Clock,
  Context,
  Deferred,
  Effect,
  Fiber,
  Layer,
  Option,
  Ref,
  Result,
  Schedule,
  Semaphore,
} from "effect"
import {
  type ChannelSender,
  ChannelSenders,
  type Recipient,
  type SendFailed,
  type SendRequest,
} from "./ports/channel-sender.js"
import { DispatchSettings } from "./settings.js"

/** What one pass did; the worker logs it, tests and the benchmark read it. */
export interface PassReport {
  readonly claimed: number
  readonly sent: number
  readonly requests: number
  readonly retried: number
  readonly dead: number
  readonly suppressed: number
  readonly held: number
  readonly rerouted: number
  readonly digests: number
  /** Uncertain deliveries the provider showed it already had. */
  readonly settledByEvidence: number
  /** Uncertain deliveries sent again after the window passed without evidence. */
  readonly resent: number
}

export const emptyReport: PassReport = {
  claimed: 0,
  sent: 0,
  requests: 0,
  retried: 0,
  dead: 0,
  suppressed: 0,
  held: 0,
  rerouted: 0,
  digests: 0,
  settledByEvidence: 0,
  resent: 0,
}

const add = (a: PassReport, b: Partial<PassReport>): PassReport => ({
  claimed: a.claimed + (b.claimed ?? 0),
  sent: a.sent + (b.sent ?? 0),
  requests: a.requests + (b.requests ?? 0),
  retried: a.retried + (b.retried ?? 0),
  dead: a.dead + (b.dead ?? 0),
  suppressed: a.suppressed + (b.suppressed ?? 0),
  held: a.held + (b.held ?? 0),
  rerouted: a.rerouted + (b.rerouted ?? 0),
  digests: a.digests + (b.digests ?? 0),
  settledByEvidence: a.settledByEvidence + (b.settledByEvidence ?? 0),
  resent: a.resent + (b.resent ?? 0),
})

/**
 * The one dispatcher for every channel. A pass: uncertain deliveries first (settled on the
 * provider's evidence, or sent again once their window passed without any), then due ones of
 * the channels this process has senders for; each decided by core on a network no older than
 * the delivery; grouped (one update and language per request; a person's digest per period);
 * sent through the channel's sender; settled with core's retry policy.
 */
export class Dispatcher extends Context.Service<
  Dispatcher,
  {
    readonly runPass: Effect.Effect<PassReport, StoreError>
    /** Passes until one finds nothing due (at most `maxPasses`). */
    readonly drain: (maxPasses?: number) => Effect.Effect<PassReport, StoreError>
  }
>()("spridning/dispatch/Dispatcher") {}

/** The office reads why a delivery was not sent in Swedish first: the catalogue's words. */
const officeLanguage = "sv"

/** Splits recipients into requests of at most `limit`, a request key at most once per request. */
export const requestsOf = <T>(
  items: ReadonlyArray<T>,
  limit: number,
  keyOf: (item: T) => string,
): ReadonlyArray<ReadonlyArray<T>> => {
  const requests: Array<{ items: Array<T>; keys: Set<string> }> = []
  for (const item of items) {
    const key = keyOf(item)
    let target = requests[requests.length - 1]
    if (target === undefined || target.items.length >= limit || target.keys.has(key)) {
      target = requests.find((request) => request.items.length < limit && !request.keys.has(key))
    }
    if (target === undefined) {
      target = { items: [], keys: new Set() }
      requests.push(target)
    }
    target.items.push(item)
    target.keys.add(key)
  }
  return requests.map((request) => request.items)
}

const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis))

/** One provider request: what goes, the deliveries it settles, and what to record once it went. */
interface Outgoing {
  readonly request: SendRequest
  readonly deliveries: ReadonlyArray<OutboxDelivery>
  readonly onSent?: Effect.Effect<void, StoreError>
}

/** An update as core's decision reads it; `published` when it has its own publishing time. */
interface DecisionUpdateOf {
  readonly draft: Omit<DecisionUpdate, "publishedAt">
  readonly published?: DecisionUpdate
}

/** Deliveries claimed together and decided together. */
interface Batch {
  readonly uncertain: ReadonlyArray<OutboxDelivery>
  readonly claimed: ReadonlyArray<OutboxDelivery>
  readonly started: Date
}

interface Lane {
  readonly send: (outgoing: Outgoing) => Effect.Effect<PassReport, StoreError>
  /** A 429 or an outage answered: no more claims this pass. */
  readonly stopped: () => boolean
}

/** Marks in db's digest runs that a period's digest reached the provider (not only that it started). */
const deliveredKey = (periodKey: string) => `${periodKey}:delivered`

/**
 * A person's digest of a period runs once per channel: their mail digest and their Slack digest
 * of the same week are two messages. Mail keeps the bare period key its runs always had.
 */
const digestRunKey = (channel: Channel, periodKey: string) =>
  channel === "email" ? periodKey : `${channel}:${periodKey}`

/** The network as last loaded from each store, with the organisation version it was read at. */
const loadedNetworks = new WeakMap<
  object,
  {
    readonly version: number
    readonly loaded: Effect.Effect<{ readonly network: Network; readonly index: NetworkIndex }, StoreError>
  }
>()

export const makeDispatcher = Effect.gen(function* () {
  const outbox = yield* Outbox
  const updates = yield* Updates
  const networkStore = yield* NetworkStore
  const suppressions = yield* Suppressions
  const digestRuns = yield* DigestRuns
  const senders = yield* ChannelSenders
  const settings = yield* DispatchSettings
  const policy = settings.retryPolicy
  const senderOf = new Map<Channel, ChannelSender>(senders.map((sender) => [sender.channel, sender]))
  // Its senders' channels, and every channel configured nowhere: no sender will ever take
  // those, so core reroutes or ends them here (a Slack-only person gets email while Slack is off).
  const channels = [
    ...new Set<Channel>([
      ...senderOf.keys(),
      ...ChannelSchema.literals.filter((channel) => !settings.configuredChannels.has(channel)),
    ]),
  ]
  const claimRequest = (at: Date) => ({
    channels,
    workerId: settings.workerId,
    limit: settings.claimLimit,
    leaseMillis: settings.leaseMillis,
    now: at,
  })

  // No fixed-age cache: the network is reloaded exactly when an organisation write bumped its
  // version. The version is read after the claim, so it is never older than a claimed delivery.
  // Dispatchers of one process over one store share the loaded network, and a load in flight:
  // a copy each of a 100k-person network (and its index) was most of a process's memory.
  const freshNetwork = Effect.gen(function* () {
    const version = yield* outbox.networkVersion
    const current = loadedNetworks.get(networkStore)
    // A newer network than the claim saw is fresh enough too.
    if (current !== undefined && current.version >= version) return yield* current.loaded
    const loaded = yield* Effect.cached(
      Effect.map(networkStore.load, (network) => ({ network, index: indexNetwork(network) })),
    )
    loadedNetworks.set(networkStore, { version, loaded })
    return yield* loaded.pipe(
      Effect.tapError(() =>
        Effect.sync(() => {
          // A failed load is not kept: the next pass loads again.
          if (loadedNetworks.get(networkStore)?.loaded === loaded) loadedNetworks.delete(networkStore)
        }),
      ),
    )
  })

  const latestNetwork = Effect.map(freshNetwork, (loaded) => loaded.network)

  /** The updates of these ids, read once per pass (`cache`): a pass's batches mostly share them. */
  const loadUpdates = (
    ids: ReadonlyArray<string>,
    cache: Map<string, StoredUpdate | undefined> = new Map(),
  ) =>
    Effect.as(
      Effect.forEach(
        [...new Set(ids)].filter((id) => !cache.has(id)),
        (id) =>
          updates.get(id).pipe(
            Effect.catchTag("NotFound", () => Effect.succeed(undefined)),
            Effect.map((update) => cache.set(id, update)),
          ),
        { concurrency: 4, discard: true },
      ),
      cache,
    )

  const markDead = (deliveries: ReadonlyArray<OutboxDelivery>, reason: string) =>
    Effect.gen(function* () {
      const marked = yield* outbox.markDeadMany(
        settings.workerId,
        deliveries.map((delivery) => delivery.id),
        reason,
      )
      for (const delivery of deliveries) {
        yield* Effect.logError("delivery dead").pipe(
          Effect.annotateLogs({
            deliveryId: delivery.id,
            personId: delivery.personId,
            updateId: delivery.updateId,
            channel: delivery.channel,
            reason,
          }),
        )
      }
      return marked
    })

  /** One failed request: one retry time for all its deliveries (or all dead), one warning. */
  const settleBatch = (deliveries: ReadonlyArray<OutboxDelivery>, failure: SendFailed, sent: boolean) =>
    Effect.gen(function* () {
      const settlement = settleFailure(deliveries, failure, policy, settings.random)
      if (settlement._tag === "GiveUp") {
        if (sent) {
          yield* Effect.logWarning("provider refused a request").pipe(
            Effect.annotateLogs({
              status: failure.status ?? "none",
              count: deliveries.length,
              detail: failure.detail,
            }),
          )
        }
        return { dead: yield* markDead(deliveries, settlement.reason) }
      }
      const retried = yield* outbox.markFailedMany(
        settings.workerId,
        deliveries.map((delivery) => delivery.id),
        { error: failure.detail, retryAt: settlement.at },
      )
      if (sent) {
        yield* Effect.logWarning("request failed; the batch is retried whole").pipe(
          Effect.annotateLogs({
            channel: deliveries[0]?.channel ?? "unknown",
            status: failure.status ?? "none",
            kind: failure.kind,
            count: deliveries.length,
            retryAt: settlement.at.toISOString(),
            detail: failure.detail,
          }),
        )
      }
      return { retried }
    })

  /**
   * A channel's way out during one pass. The first request goes alone: if the provider is
   * limiting or down, the others wait with its answer (one retry time each, every batch whole)
   * instead of going out in parallel. After a 429 or an outage the rest of the pass's requests on
   * the channel settle with that answer instead of hammering the provider.
   */
  const makeLane = (sender: ChannelSender): Lane => {
    let begun = false
    let stop: SendFailed | undefined
    const opened = Deferred.makeUnsafe<void>()
    const permits = Semaphore.makeUnsafe(Math.max(1, settings.sendConcurrency))
    const sendOne = ({ request, deliveries, onSent }: Outgoing) =>
      Effect.gen(function* () {
        if (stop !== undefined) return add(emptyReport, yield* settleBatch(deliveries, stop, false))
        const outcome = yield* Effect.result(sender.send(request).pipe(Effect.withSpan("Dispatcher.send")))
        if (Result.isFailure(outcome)) {
          if (outcome.failure.kind !== "rejected") stop = outcome.failure
          return add({ ...emptyReport, requests: 1 }, yield* settleBatch(deliveries, outcome.failure, true))
        }
        const at = yield* now
        const sent = yield* outbox
          .markSent(settings.workerId, outcome.success.sent, at)
          .pipe(Effect.withSpan("Dispatcher.markSent"))
        if (onSent !== undefined) yield* onSent
        return { ...emptyReport, requests: 1, sent, digests: request._tag === "Digest" ? 1 : 0 }
      })
    return {
      stopped: () => stop !== undefined,
      send: (outgoing) => {
        if (!begun) {
          begun = true
          return sendOne(outgoing).pipe(Effect.ensuring(Deferred.succeed(opened, undefined)))
        }
        return Effect.andThen(Deferred.await(opened), permits.withPermits(1)(sendOne(outgoing)))
      },
    }
  }

  /**
   * Decides one claimed batch with core: settles what is not sent now (held, suppressed,
   * rerouted, dead) and turns the rest into provider requests, per channel.
   */
  const prepareBatch = (batch: Batch, updateCache: Map<string, StoredUpdate | undefined>) =>
    Effect.gen(function* () {
      const { uncertain, claimed, started } = batch
      const all = [...uncertain, ...claimed]
      let report = add(emptyReport, { claimed: all.length })
      // The version is read after the claim either way; the updates do not depend on it.
      const [{ network, index }, updateById] = yield* Effect.all(
        [
          freshNetwork.pipe(Effect.withSpan("Dispatcher.freshNetwork")),
          loadUpdates(
            all.map((delivery) => delivery.updateId),
            updateCache,
          ),
        ],
        { concurrency: "unbounded" },
      )
      const personOf = (delivery: OutboxDelivery): Person | undefined =>
        index.personById.get(delivery.personId)

      // Uncertain ones the provider already has are done; the others go again, counted.
      const again: Array<OutboxDelivery> = []
      for (const [channel, sender] of senderOf) {
        const ofChannel = uncertain.filter((delivery) => delivery.channel === channel)
        if (ofChannel.length === 0) continue
        const withPerson = ofChannel.flatMap((delivery) => {
          const person = personOf(delivery)
          return person === undefined ? [] : [{ delivery, person }]
        })
        const evidence =
          sender.findEvidence === undefined
            ? []
            : yield* sender
                .findEvidence(withPerson)
                .pipe(
                  Effect.catch((failure) =>
                    Effect.as(
                      Effect.logWarning("could not look for evidence of uncertain deliveries").pipe(
                        Effect.annotateLogs({ channel, count: withPerson.length, detail: failure.detail }),
                      ),
                      undefined,
                    ),
                  ),
                )
        if (evidence === undefined) {
          // Without an answer we cannot know: they wait another window rather than go twice.
          const retryAt = new Date(started.getTime() + policy.uncertainResendAfterMillis)
          yield* outbox.markFailedMany(
            settings.workerId,
            ofChannel.map((delivery) => delivery.id),
            { error: "uncertain: the provider could not be asked", retryAt },
          )
          continue
        }
        const settled = new Set(yield* outbox.settleSent(evidence, started))
        report = add(report, { settledByEvidence: settled.size })
        const resend = ofChannel.filter((delivery) => !settled.has(delivery.id))
        report = add(report, {
          resent: yield* outbox.countResends(
            settings.workerId,
            resend.map((d) => d.id),
          ),
        })
        again.push(...resend)
      }

      const toDecide = [...again, ...claimed]
      const emails = [
        ...new Set(toDecide.flatMap((delivery) => personOf(delivery)?.email.toLowerCase() ?? [])),
      ]

      const groups = new Map<
        string,
        {
          channel: Channel
          update: StoredUpdate
          language: Person["preferences"]["language"]
          recipients: Array<Recipient>
        }
      >()
      const digests = new Map<
        string,
        {
          channel: Channel
          person: Person
          cadence: "daily" | "weekly"
          periodKey: string
          items: Array<{ delivery: OutboxDelivery; update: StoredUpdate }>
        }
      >()
      const dead: Array<{ delivery: OutboxDelivery; reason: string }> = []

      // Core reads a person's other channels only for a bridge (is this its one way in?) or a
      // delivery on a channel the deployment has not configured (covered elsewhere, or rerouted);
      // the join is asked for those alone, not for every delivery of a 100k-recipient update.
      const mayReadOthers = toDecide.filter(
        (delivery) => delivery.bridge !== undefined || !settings.configuredChannels.has(delivery.channel),
      )
      const [suppressedAddresses, others] = yield* Effect.all(
        [suppressions.suppressedAmong(emails), outbox.channelsOf(mayReadOthers)],
        { concurrency: "unbounded" },
      )
      // What core needs of each update, read once per update (ids decoded with core's schemas).
      const decisionUpdates = new Map<string, DecisionUpdateOf>()
      const decisionUpdateOf = (update: StoredUpdate, id: UpdateId): DecisionUpdateOf => {
        let known = decisionUpdates.get(update.id)
        if (known === undefined) {
          const themeGroupId = Option.flatMap(Option.fromNullishOr(update.themeGroupId), (id) =>
            ThemeGroupIdSchema.makeOption(id),
          )
          // The publisher counts as the author only when it is a person of the network (not a token);
          // a Slack user publishes as their linked person.
          const author = Option.flatMap(PersonIdSchema.makeOption(update.author ?? update.createdBy), (id) =>
            Option.fromNullishOr(index.personById.get(id)?.id),
          )
          const draft = {
            id,
            kind: update.kind,
            ...(Option.isSome(themeGroupId) ? { themeGroupId: themeGroupId.value } : {}),
            ...(Option.isSome(author) ? { createdBy: author.value } : {}),
          }
          known = {
            draft,
            ...(update.publishedAt === undefined
              ? {}
              : { published: { ...draft, publishedAt: update.publishedAt } }),
          }
          decisionUpdates.set(update.id, known)
        }
        return known
      }
      const channelsByPair = new Map<string, Array<{ id: string; channel: Channel }>>()
      for (const other of others) {
        const key = `${other.updateId}|${other.personId}`
        const list = channelsByPair.get(key) ?? []
        list.push({ id: other.id, channel: other.channel })
        channelsByPair.set(key, list)
      }

      for (const delivery of toDecide) {
        const update = updateById.get(delivery.updateId)
        const person = personOf(delivery)
        const otherChannels = new Set(
          (channelsByPair.get(`${delivery.updateId}|${delivery.personId}`) ?? [])
            .filter((other) => other.id !== delivery.id)
            .map((other) => other.channel),
        )
        const decisionUpdate = update === undefined ? undefined : decisionUpdateOf(update, delivery.updateId)
        const decision: DeliveryDecision =
          decisionUpdate === undefined
            ? { _tag: "GiveUp", reason: { _tag: "UpdateGone", updateId: delivery.updateId } }
            : decideDelivery({
                network,
                delivery,
                update: decisionUpdate.published ?? {
                  ...decisionUpdate.draft,
                  publishedAt: delivery.createdAt,
                },
                now: started,
                configuredChannels: settings.configuredChannels,
                otherChannels,
                suppressedAddress:
                  person !== undefined && suppressedAddresses.has(person.email.toLowerCase()),
              })
        switch (decision._tag) {
          case "Send": {
            if (update === undefined || person === undefined) break
            const language = person.preferences.language
            const key = `${delivery.channel}|${update.id}|${language}`
            const group = groups.get(key) ?? { channel: delivery.channel, update, language, recipients: [] }
            group.recipients.push({ delivery, person })
            groups.set(key, group)
            break
          }
          case "SendInDigest": {
            if (update === undefined || person === undefined) break
            const key = `${delivery.channel}|${person.id}|${decision.periodKey}`
            const digest = digests.get(key) ?? {
              channel: delivery.channel,
              person,
              cadence: decision.cadence,
              periodKey: decision.periodKey,
              items: [],
            }
            digest.items.push({ delivery, update })
            digests.set(key, digest)
            break
          }
          case "Hold":
            yield* outbox.hold(settings.workerId, delivery.id, {
              until: decision.until,
              periodKey: decision.periodKey,
            })
            report = add(report, { held: 1 })
            break
          case "Suppress":
            yield* outbox.markSuppressed(delivery.id, notSentText(network, officeLanguage, decision.reason))
            report = add(report, { suppressed: 1 })
            break
          case "Reroute": {
            const outcome = yield* outbox.reroute(
              settings.workerId,
              delivery.id,
              decision.to,
              reroutedText(officeLanguage, delivery.channel, decision.to),
              started,
            )
            if (outcome._tag === "Rerouted") report = add(report, { rerouted: 1 })
            else if (outcome._tag === "TargetExists") {
              // The unique key saw what core's Suppress covers: the person has the update on `to` already.
              yield* outbox.markSuppressed(
                delivery.id,
                notSentText(network, officeLanguage, { _tag: "ReachesYouElsewhere", channel: decision.to }),
              )
              report = add(report, { suppressed: 1 })
            }
            break
          }
          case "GiveUp":
            dead.push({ delivery, reason: notSentText(network, officeLanguage, decision.reason) })
            break
        }
      }
      for (const { delivery, reason } of dead)
        report = add(report, { dead: yield* markDead([delivery], reason) })

      const byChannel = new Map<Channel, Array<Outgoing>>()
      const push = (channel: Channel, outgoing: Outgoing) => {
        const list = byChannel.get(channel) ?? []
        list.push(outgoing)
        byChannel.set(channel, list)
      }
      // Digests first: their periods closed, they have waited longest.
      for (const digest of digests.values()) {
        const claimedIds = new Set(digest.items.map((item) => item.delivery.id))
        const rest = (yield* outbox.claimDigest({
          workerId: settings.workerId,
          personId: digest.person.id,
          channel: digest.channel,
          periodKey: digest.periodKey,
          leaseMillis: settings.leaseMillis,
          now: started,
        })).filter((delivery) => !claimedIds.has(delivery.id))
        const restUpdates = yield* loadUpdates(rest.map((delivery) => delivery.updateId))
        const items = [
          ...digest.items,
          ...rest.flatMap((delivery) => {
            const update = restUpdates.get(delivery.updateId)
            return update === undefined ? [] : [{ delivery, update }]
          }),
        ].sort((a, b) => (a.update.publishedAt?.getTime() ?? 0) - (b.update.publishedAt?.getTime() ?? 0))
        report = add(report, { claimed: rest.length })
        const own = items.map((item) => item.delivery)
        const runKey = digestRunKey(digest.channel, digest.periodKey)
        // One digest per person, channel and period, however many dispatchers hold parts of it.
        const first = yield* digestRuns
          .start(digest.person.id, runKey, started)
          .pipe(Effect.catch(() => Effect.succeed(false)))
        if (!first) {
          if (yield* digestRuns.has(digest.person.id, deliveredKey(runKey))) {
            const marked = yield* outbox.markSent(
              settings.workerId,
              own.map((delivery) => ({ id: delivery.id, providerMessageId: `digest:${digest.periodKey}` })),
              started,
            )
            report = add(report, { sent: marked })
            continue
          }
          // Another dispatcher sends this period's digest (with ours in it); ours wait past its
          // lease, then see it went out, or take the digest up if that dispatcher died.
          for (const delivery of own) {
            yield* outbox.hold(settings.workerId, delivery.id, {
              until: new Date(started.getTime() + settings.leaseMillis + 1_000),
              periodKey: digest.periodKey,
            })
          }
          report = add(report, { held: own.length })
          continue
        }
        const ownIds = new Set(own.map((delivery) => delivery.id))
        const elsewhere = (yield* outbox.forPerson(digest.person.id, 500)).filter(
          (delivery) =>
            !ownIds.has(delivery.id) &&
            delivery.channel === digest.channel &&
            delivery.digestPeriod === digest.periodKey &&
            (delivery.state === "held" || delivery.state === "sending"),
        )
        const elsewhereUpdates = yield* loadUpdates(elsewhere.map((delivery) => delivery.updateId))
        const content = [
          ...items,
          ...elsewhere.flatMap((delivery) => {
            const update = elsewhereUpdates.get(delivery.updateId)
            return update === undefined ? [] : [{ delivery, update }]
          }),
        ].sort((a, b) => (a.update.publishedAt?.getTime() ?? 0) - (b.update.publishedAt?.getTime() ?? 0))
        const { person, periodKey } = digest
        push(digest.channel, {
          request: {
            _tag: "Digest",
            person,
            cadence: digest.cadence,
            periodKey,
            items: content,
            network: index,
          },
          deliveries: own,
          onSent: Effect.gen(function* () {
            const at = yield* now
            yield* digestRuns.complete(person.id, runKey, content.length, at)
            yield* digestRuns.start(person.id, deliveredKey(runKey), at).pipe(Effect.ignore)
            yield* digestRuns.complete(person.id, deliveredKey(runKey), content.length, at)
          }),
        })
      }
      for (const group of groups.values()) {
        const sender = senderOf.get(group.channel)
        if (sender === undefined) continue
        const keyOf = sender.requestKey ?? ((person: Person) => person.id)
        for (const recipients of requestsOf(group.recipients, sender.maxRecipientsPerRequest, (r) =>
          keyOf(r.person),
        )) {
          push(group.channel, {
            request: {
              _tag: "Update",
              update: group.update,
              language: group.language,
              recipients,
              network: index,
            },
            deliveries: recipients.map((recipient) => recipient.delivery),
          })
        }
      }
      return { report, byChannel }
    })

  const runPass: Effect.Effect<PassReport, StoreError> = Effect.gen(function* () {
    if (channels.length === 0) return emptyReport
    const started = yield* now

    // A digest run whose dispatcher died is taken up again after a lease.
    // Independent writes, so they go side by side: each round trip is paid once per pass.
    yield* Effect.all(
      [
        digestRuns.releaseStale(new Date(started.getTime() - settings.leaseMillis)).pipe(Effect.ignore),
        // A lease that ran out may hide a request the provider took: uncertain, never re-claimed blindly.
        outbox.expireLeases({ now: started, resendAfterMillis: policy.uncertainResendAfterMillis }),
      ],
      { concurrency: "unbounded", discard: true },
    )
    const uncertain = yield* outbox.claimUncertain(claimRequest(started))
    const claimed = yield* outbox.claim(claimRequest(started)).pipe(Effect.withSpan("Dispatcher.claim"))
    if (uncertain.length + claimed.length === 0) {
      yield* Effect.forEach(senders, (sender) => sender.afterPass?.(latestNetwork) ?? Effect.void, {
        discard: true,
      })
      return emptyReport
    }

    const total = yield* Ref.make(emptyReport)
    const record = (report: PassReport) => Ref.update(total, (sum) => add(sum, report))
    const lanes = new Map<Channel, Lane>()
    const laneOf = (channel: Channel) => {
      let lane = lanes.get(channel)
      const sender = senderOf.get(channel)
      if (lane === undefined && sender !== undefined) {
        lane = makeLane(sender)
        lanes.set(channel, lane)
      }
      return lane
    }
    const updateCache = new Map<string, StoredUpdate | undefined>()
    // Claims go in batches of `claimLimit`: while one batch's requests are out, the next is
    // claimed and decided. At most two batches are alive at a time, so memory stays bounded
    // however many deliveries are due.
    let batch: Batch = { uncertain, claimed, started }
    let inFlight: Array<Fiber.Fiber<void, StoreError>> = []
    let claims = 1
    for (;;) {
      const prepared = yield* prepareBatch(batch, updateCache).pipe(Effect.withSpan("Dispatcher.decide"))
      yield* record(prepared.report)
      const going: Array<Fiber.Fiber<void, StoreError>> = []
      for (const [channel, requests] of prepared.byChannel) {
        const lane = laneOf(channel)
        if (lane === undefined) continue
        for (const outgoing of requests)
          going.push(yield* Effect.forkChild(Effect.flatMap(lane.send(outgoing), record)))
      }
      yield* Fiber.joinAll(inFlight)
      inFlight = going
      const stopped = [...lanes.values()].some((lane) => lane.stopped())
      if (batch.claimed.length < settings.claimLimit || claims >= settings.claimsPerPass || stopped) break
      const at = yield* now
      const next = yield* outbox.claim(claimRequest(at)).pipe(Effect.withSpan("Dispatcher.claim"))
      if (next.length === 0) break
      claims += 1
      batch = { uncertain: [], claimed: next, started: at }
    }
    yield* Fiber.joinAll(inFlight)
    yield* Effect.forEach(senders, (sender) => sender.afterPass?.(latestNetwork) ?? Effect.void, {
      discard: true,
    })
    return yield* Ref.get(total)
  }).pipe(Effect.withSpan("Dispatcher.runPass"))

  const drain = (maxPasses = Number.POSITIVE_INFINITY) =>
    Effect.gen(function* () {
      let total = emptyReport
      for (let pass = 0; pass < maxPasses; pass++) {
        const report = yield* runPass
        total = add(total, report)
        if (report.claimed === 0) break
      }
      return total
    })

  return Dispatcher.of({ runPass, drain })
})

/** The dispatcher over db's repositories, the process's senders and its settings. */
export const layerDispatcher: Layer.Layer<
  Dispatcher,
  never,
  Outbox | Updates | NetworkStore | Suppressions | DigestRuns | ChannelSenders | DispatchSettings
> = Layer.effect(Dispatcher, makeDispatcher)

/**
 * The dispatcher as a long-running worker, repeated on a `Schedule`: every poll interval it
 * drains (passes until one finds nothing due). Each pass is uninterruptible, so stopping the
 * worker (SIGTERM closes the layer's scope) lets the pass in flight finish and starts no new
 * one. A failed pass (database down) is logged; the next tick tries again.
 */
export const layerDispatchWorker: Layer.Layer<never, never, Dispatcher | DispatchSettings> =
  Layer.effectDiscard(
    Effect.gen(function* () {
      const dispatcher = yield* Dispatcher
      const settings = yield* DispatchSettings
      const pass = Effect.uninterruptible(
        dispatcher.runPass.pipe(
          Effect.tap((report) =>
            report.claimed > 0
              ? Effect.logInfo("dispatch pass").pipe(Effect.annotateLogs({ ...report }))
              : Effect.void,
          ),
          Effect.catchCause((cause) =>
            Effect.as(Effect.logError("dispatch pass failed", cause), emptyReport),
          ),
        ),
      )
      const drain = Effect.gen(function* () {
        while ((yield* pass).claimed > 0) {
          // another pass at once: work was found
        }
      })
      yield* Effect.logInfo("dispatcher started").pipe(Effect.annotateLogs({ workerId: settings.workerId }))
      yield* drain.pipe(Effect.repeat(Schedule.spaced(settings.pollMillis)), Effect.forkScoped)
    }),
  )
