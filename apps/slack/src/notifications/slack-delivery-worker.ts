import type { WebClient } from "@slack/web-api"
import {
  defaultRetryPolicy,
  indexNetwork,
  type Network,
  NetworkStore,
  type Person,
  retryDelayMillis,
} from "@spridning/core"
import { AuditLog, Outbox, SlackLinks, type StoredDelivery, type StoredUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"
import { type SlackCallFailed, slackCall } from "../slack-api/slack-call.js"
import type { Log } from "../slack-app/deps.js"
import type { SpridningRuntime } from "../slack-app/services.js"
import { updateMessage } from "../views/update-message.js"

export interface SlackDeliveryWorkerOptions {
  readonly client: WebClient
  /** The workspace the bot is installed in; Slack user links are per workspace. */
  readonly teamId: string
  readonly workerId?: string
  readonly batchSize?: number
  readonly leaseMillis?: number
  /** After this many attempts a delivery that keeps failing is dead. */
  readonly maxAttempts?: number
  /** Delay before attempt `attempts + 1` after a retryable failure. */
  readonly backoffMillis?: (attempts: number) => number
  /** Updates published this recently are announced in their group's channel. */
  readonly announceWithinMillis?: number
  readonly now?: () => Date
  readonly log?: Log
}

export interface WorkerTick {
  readonly sent: number
  readonly retrying: number
  readonly dead: number
  readonly announced: number
  /** Set when Slack answered 429: nothing more is sent before this. */
  readonly rateLimitedUntil?: Date
}

/** The outbox's retry policy, shared with the mail worker. `attempts` counts the attempt that just failed. */
export const defaultBackoffMillis = (attempts: number): number =>
  retryDelayMillis(defaultRetryPolicy, attempts, Math.random)

/**
 * Slack errors that are our configuration, not the recipient: a fixed token or a re-invited
 * bot makes the same delivery succeed later, so they are retried rather than given up.
 */
const fixableByUs = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "not_in_channel",
])

const announcementAction = "slack.announce"
const announcementActor = "slack-worker"

type Outcome =
  | { readonly _tag: "Sent" }
  | { readonly _tag: "Retrying" }
  | { readonly _tag: "Dead" }
  | { readonly _tag: "RateLimited"; readonly until: Date }

/**
 * Slack's half of the outbox: claims the `slack` deliveries, sends each person a DM (found by
 * their email with `users.lookupByEmail` and remembered as a link), and posts each newly
 * published update once in its theme group's channel. The retry rules are the mail worker's:
 * 429, 5xx and network failures come back after the backoff and never before Slack's
 * `Retry-After`; other refusals end the delivery with Slack's reason; after `maxAttempts`
 * (8) a delivery is dead.
 */
export const makeSlackDeliveryWorker = (options: SlackDeliveryWorkerOptions) => {
  const workerId = options.workerId ?? `slack-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  const batchSize = options.batchSize ?? 20
  const leaseMillis = options.leaseMillis ?? 60_000
  const maxAttempts = options.maxAttempts ?? defaultRetryPolicy.maxAttempts
  const backoff = options.backoffMillis ?? defaultBackoffMillis
  const announceWithin = options.announceWithinMillis ?? 2 * 24 * 60 * 60 * 1000
  const now = options.now ?? (() => new Date())
  const log = options.log ?? (() => undefined)
  const client = options.client
  /** Emails nobody in the workspace has, so a batch asks Slack once per address, not per delivery. */
  const unknownEmails = new Map<string, number>()

  const slackUserFor = Effect.fn("slackUserFor")(function* (person: Person) {
    const links = yield* SlackLinks
    const linked = yield* links.slackUserForPerson(options.teamId, person.id)
    if (linked !== undefined) return linked
    const email = person.email.trim().toLowerCase()
    const missingSince = unknownEmails.get(email)
    if (missingSince !== undefined && now().getTime() - missingSince < 60 * 60 * 1000) return undefined
    const found = yield* slackCall("users.lookupByEmail", () => client.users.lookupByEmail({ email })).pipe(
      Effect.map((result) => result.user?.id),
      Effect.catchTag("SlackCallFailed", (error) =>
        error.kind === "rejected" && error.error === "users_not_found"
          ? Effect.succeed(undefined)
          : Effect.fail(error),
      ),
    )
    if (found === undefined) {
      unknownEmails.set(email, now().getTime())
      return undefined
    }
    yield* links.linkUser({ teamId: options.teamId, userId: found, personId: person.id }, announcementActor)
    return found
  })

  const onFailure = (delivery: StoredDelivery, error: SlackCallFailed) =>
    Effect.gen(function* () {
      const outbox = yield* Outbox
      const permanent = error.kind === "rejected" && !fixableByUs.has(error.error)
      if (permanent) {
        yield* outbox.markDead(workerId, delivery.id, error.message)
        return { _tag: "Dead" } satisfies Outcome as Outcome
      }
      if (delivery.attempts >= maxAttempts) {
        yield* outbox.markDead(
          workerId,
          delivery.id,
          `gave up after ${delivery.attempts} attempts: ${error.message}`,
        )
        return { _tag: "Dead" } satisfies Outcome as Outcome
      }
      // Never sooner than Slack asked (Retry-After), never sooner than the backoff.
      const retryAfterMillis = error.kind === "rateLimited" ? (error.retryAfterSeconds ?? 60) * 1000 : 0
      const retryAt = new Date(now().getTime() + Math.max(retryAfterMillis, backoff(delivery.attempts)))
      yield* outbox.markFailed(workerId, delivery.id, { error: error.message, retryAt })
      return (error.kind === "rateLimited"
        ? { _tag: "RateLimited", until: retryAt }
        : { _tag: "Retrying" }) satisfies Outcome as Outcome
    })

  const deliver = (network: Network, delivery: StoredDelivery, update: StoredUpdate) =>
    Effect.gen(function* () {
      const outbox = yield* Outbox
      const person = indexNetwork(network).personById.get(delivery.personId as Person["id"])
      if (person === undefined) {
        yield* outbox.markDead(
          workerId,
          delivery.id,
          `person ${delivery.personId} is no longer in the network`,
        )
        return { _tag: "Dead" } satisfies Outcome as Outcome
      }
      const userId = yield* slackUserFor(person)
      if (userId === undefined) {
        yield* outbox.markDead(workerId, delivery.id, `no Slack user has the email ${person.email}`)
        return { _tag: "Dead" } satisfies Outcome as Outcome
      }
      const message = updateMessage({
        language: person.preferences.language,
        network,
        update,
        reasons: delivery.reasons,
        ...(delivery.bridge === undefined ? {} : { bridge: delivery.bridge }),
      })
      const posted = yield* slackCall("chat.postMessage", () =>
        client.chat.postMessage({
          channel: userId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      )
      yield* outbox.markSent(
        workerId,
        [{ id: delivery.id, providerMessageId: `${posted.channel ?? userId}:${posted.ts ?? ""}` }],
        now(),
      )
      return { _tag: "Sent" } satisfies Outcome as Outcome
    }).pipe(Effect.catchTag("SlackCallFailed", (error) => onFailure(delivery, error)))

  const announce = Effect.fn("announce")(function* (network: Network) {
    const updates = yield* Updates
    const links = yield* SlackLinks
    const audit = yield* AuditLog
    const since = now().getTime() - announceWithin
    const recent = (yield* updates.list({ filter: { published: true }, limit: 50 })).items.filter(
      (update) => update.themeGroupId !== undefined && (update.publishedAt?.getTime() ?? 0) >= since,
    )
    let announced = 0
    for (const update of recent) {
      if (update.themeGroupId === undefined) continue
      const channel = yield* links.themeGroupChannel(update.themeGroupId)
      if (channel === undefined || channel.teamId !== options.teamId) continue
      const before = yield* audit.list({
        entity: "update",
        entityId: update.id,
        actor: announcementActor,
        limit: 20,
      })
      if (before.some((entry) => entry.action === announcementAction)) continue
      const message = updateMessage({ language: "sv", network, update })
      const posted = yield* slackCall("chat.postMessage", () =>
        client.chat.postMessage({
          channel: channel.channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
        }),
      )
      yield* audit.record({
        actor: announcementActor,
        action: announcementAction,
        entity: "update",
        entityId: update.id,
        after: { channelId: channel.channelId, ts: posted.ts },
      })
      announced += 1
    }
    return announced
  })

  /** One pass: claim and send a batch, then announce new updates in group channels. */
  const runOnce = Effect.gen(function* () {
    const network = yield* (yield* NetworkStore).load
    const outbox = yield* Outbox
    const updates = yield* Updates
    const claimed = yield* outbox.claim({
      channel: "slack",
      workerId,
      limit: batchSize,
      leaseMillis,
      now: now(),
    })
    const counts = { sent: 0, retrying: 0, dead: 0 }
    let rateLimitedUntil: Date | undefined
    const updateCache = new Map<string, StoredUpdate | undefined>()
    for (const delivery of claimed) {
      if (rateLimitedUntil !== undefined) {
        // Slack asked us to wait: the rest of the batch waits with it instead of being refused too.
        yield* outbox.markFailed(workerId, delivery.id, {
          error: "waiting for Slack's Retry-After",
          retryAt: rateLimitedUntil,
        })
        counts.retrying += 1
        continue
      }
      if (!updateCache.has(delivery.updateId)) {
        updateCache.set(
          delivery.updateId,
          yield* updates
            .get(delivery.updateId)
            .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined))),
        )
      }
      const update = updateCache.get(delivery.updateId)
      if (update === undefined) {
        yield* outbox.markDead(workerId, delivery.id, `update ${delivery.updateId} no longer exists`)
        counts.dead += 1
        continue
      }
      const outcome = yield* deliver(network, delivery, update)
      if (outcome._tag === "Sent") counts.sent += 1
      else if (outcome._tag === "Dead") counts.dead += 1
      else if (outcome._tag === "Retrying") counts.retrying += 1
      else {
        counts.retrying += 1
        rateLimitedUntil = outcome.until
      }
    }
    const announced =
      rateLimitedUntil === undefined
        ? yield* announce(network).pipe(
            Effect.catchTag("SlackCallFailed", (error) =>
              Effect.sync(() => {
                log("warn", "announcing in a group channel failed; next pass tries again", error.message)
                return 0
              }),
            ),
          )
        : 0
    const tick: WorkerTick = {
      ...counts,
      announced,
      ...(rateLimitedUntil === undefined ? {} : { rateLimitedUntil }),
    }
    return tick
  })

  return { workerId, runOnce }
}

/**
 * Runs the worker every `pollMillis` until stopped. A failed pass (database or Slack down) is
 * logged and the next pass tries again: Slack being unreachable never stops the process.
 */
export const startSlackDeliveryWorker = (
  runtime: SpridningRuntime,
  options: SlackDeliveryWorkerOptions & { readonly pollMillis?: number },
): { readonly stop: () => Promise<void> } => {
  const worker = makeSlackDeliveryWorker(options)
  const log = options.log ?? (() => undefined)
  const poll = options.pollMillis ?? 5_000
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  const pass = () => {
    running = runtime.runPromise(worker.runOnce).then(
      (tick) => {
        if (stopped) return
        const wait =
          tick.rateLimitedUntil === undefined
            ? poll
            : Math.max(poll, tick.rateLimitedUntil.getTime() - Date.now())
        timer = setTimeout(pass, wait)
      },
      (error: unknown) => {
        log("error", "Slack delivery pass failed", error)
        if (!stopped) timer = setTimeout(pass, poll * 4)
      },
    )
  }
  pass()
  return {
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running.catch(() => undefined)
    },
  }
}
