import type { WebClient } from "@slack/web-api"
import {
  announcesInGroupChannel,
  catalogue,
  groupEditorsOf,
  type Network,
  type Person,
  type StoreError,
} from "@spridning/core"
import { type InvalidValue, Outbox, SlackLinks, type StoredUpdate, Updates } from "@spridning/db"
import {
  type ChannelSender,
  type DigestRequest,
  type Recipient,
  SendFailed,
  type SendRequest,
} from "@spridning/dispatch"
import { Clock, Effect } from "effect"
import type { SlackIdentitySource } from "../config/slack-identity.js"
import { type SlackCallFailed, slackCall } from "../slack-api/slack-call.js"
import { digestMessage } from "../views/digest-message.js"
import { updateMessage } from "../views/update-message.js"

export interface SlackChannelOptions {
  readonly client: WebClient
  /**
   * Who the bot is; its workspace id (Slack user links are per workspace) comes from Slack's
   * auth.test when first needed, so a dispatcher starts without Slack being reachable.
   */
  readonly identity: SlackIdentitySource
  /** Names this dispatcher when it takes the right to announce an update. */
  readonly workerId: string
  /** Updates published this recently are announced in their group's channel. */
  readonly announceWithinMillis?: number
  /** Spridning's public address, for "Läs mer", calendar files and proposal links. */
  readonly publicUrl?: string
  /**
   * An announcement claimed this long ago and not recorded as posted belongs to a dispatcher
   * that stopped: another looks for it in the channel and posts it if it is not there (2 min).
   */
  readonly announcementLeaseMillis?: number
  /** The signed link to a reader's own preference page, put in every DM. */
  readonly preferencesUrl?: (personId: string) => string
}

/** Slack's answers for a channel that will not come back by waiting. */
const channelGone = new Set(["channel_not_found", "is_archived", "channel_is_archived"])

/** Every message we post carries its delivery id, so a re-post can first look for it. */
export const deliveryEventType = "spridning_delivery"
/** A digest message carries the ids of every delivery it includes. */
export const digestEventType = "spridning_digest"

/** Whether a message's metadata shows it carried the delivery (alone, or in a digest). */
const carries = (
  metadata: { event_type?: string; event_payload?: unknown } | undefined,
  deliveryId: string,
) => {
  const payload = metadata?.event_payload as Record<string, unknown> | undefined
  if (metadata?.event_type === deliveryEventType) return payload?.delivery_id === deliveryId
  if (metadata?.event_type === digestEventType)
    return typeof payload?.delivery_ids === "string" && payload.delivery_ids.split(",").includes(deliveryId)
  return false
}

/** Every channel announcement carries its update id, for the same reason. */
export const announcementEventType = "spridning_announcement"

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

const asSendFailed = (error: SlackCallFailed, answeredAt: Date): SendFailed => {
  const status = /^HTTP (\d+)$/.exec(error.error)?.[1]
  if (error.kind === "rateLimited") {
    return new SendFailed({
      kind: "rateLimited",
      status: 429,
      answeredAt,
      detail: error.message,
      // Slack says how long; without it a minute, as Slack's docs suggest.
      retryAfterMillis: (error.retryAfterSeconds ?? 60) * 1000,
    })
  }
  return new SendFailed({
    kind: error.kind === "rejected" && !fixableByUs.has(error.error) ? "rejected" : "unavailable",
    answeredAt,
    detail: error.message,
    ...(status === undefined ? {} : { status: Number(status) }),
  })
}

const failedNow = (error: SlackCallFailed) =>
  Effect.flatMap(Clock.currentTimeMillis, (millis) => Effect.fail(asSendFailed(error, new Date(millis))))

// A Slack link that cannot be stored (InvalidValue) is, for this send, the database failing.
const storeFailed = (error: StoreError | InvalidValue) =>
  Effect.flatMap(Clock.currentTimeMillis, (millis) =>
    Effect.fail(
      new SendFailed({
        kind: "unavailable",
        answeredAt: new Date(millis),
        detail: `database: ${error.message}`,
      }),
    ),
  )

/**
 * Slack's sender for the dispatcher: a DM per delivery (the person found by email with
 * `users.lookupByEmail` and remembered as a link) carrying the delivery id in message metadata,
 * or, for a digest follower whose period closed, one DM with the period's updates (core decides
 * which, as for mail);
 * for uncertain deliveries it looks in the DM's history for that metadata before anything is
 * posted again; after each pass it announces newly published updates once in their theme
 * group's channel (a unique key in the outbox, however many dispatchers run).
 */
export const makeSlackChannelSender = (options: SlackChannelOptions) =>
  Effect.gen(function* () {
    const links = yield* SlackLinks
    const outbox = yield* Outbox
    const updates = yield* Updates
    const client = options.client
    /** The workspace id; while Slack cannot tell it, sends fail as an unavailable provider's do. */
    const teamIdNow = Effect.tryPromise({
      try: () => options.identity.get(),
      catch: (error) => error,
    }).pipe(
      Effect.map((identity) => identity.teamId),
      Effect.catch((error) =>
        Effect.flatMap(Clock.currentTimeMillis, (millis) =>
          Effect.fail(
            new SendFailed({
              kind: "unavailable",
              answeredAt: new Date(millis),
              detail: `Slack's auth.test failed: ${error instanceof Error ? error.message : String(error)}`,
            }),
          ),
        ),
      ),
    )
    const publicUrl = options.publicUrl ?? "http://localhost:3000"
    const announceWithin = options.announceWithinMillis ?? 2 * 24 * 60 * 60 * 1000
    const announcementLease = options.announcementLeaseMillis ?? 2 * 60_000
    /** Emails nobody in the workspace has, so Slack is asked once an hour per address. */
    const unknownEmails = new Map<string, number>()
    /** Updates this process has seen announced (by it or another), so it does not ask again. */
    const announced = new Set<string>()
    /**
     * Updates whose group had no channel for them when last looked at, and when: a channel
     * linked later (with history) is found within a minute without asking every pass.
     */
    const withoutChannel = new Map<string, number>()
    const channelRecheckMillis = 60_000

    const slackUserFor = (person: Person) =>
      Effect.gen(function* () {
        const teamId = yield* teamIdNow
        const linked = yield* links.slackUserForPerson(teamId, person.id)
        if (linked !== undefined) return linked
        const email = person.email.trim().toLowerCase()
        const now = yield* Clock.currentTimeMillis
        const missingSince = unknownEmails.get(email)
        if (missingSince !== undefined && now - missingSince < 60 * 60 * 1000) return undefined
        const found = yield* slackCall("users.lookupByEmail", () =>
          client.users.lookupByEmail({ email }),
        ).pipe(
          Effect.map((result) => result.user?.id),
          Effect.catchTag("SlackCallFailed", (error) =>
            error.kind === "rejected" && error.error === "users_not_found"
              ? Effect.succeed(undefined)
              : Effect.fail(error),
          ),
        )
        if (found === undefined) {
          unknownEmails.set(email, now)
          return undefined
        }
        yield* links.linkUser({ teamId, userId: found, personId: person.id }, "slack-dispatcher").pipe(
          // Another dispatcher linked the same person at that moment: the link is there.
          Effect.catchTags({
            Duplicate: () => Effect.void,
            Conflict: () => Effect.void,
            InvalidRecord: () => Effect.void,
            NotFound: () => Effect.void,
          }),
        )
        return found
      })

    /**
     * A person's digest of a closed period as one DM (core held the deliveries for it); the
     * message carries every included delivery id, so a re-post can first look for it.
     */
    const sendDigest = (request: DigestRequest) =>
      Effect.gen(function* () {
        const userId = yield* slackUserFor(request.person)
        if (userId === undefined) {
          return yield* new SendFailed({
            kind: "rejected",
            answeredAt: new Date(yield* Clock.currentTimeMillis),
            detail: `no Slack user has the email ${request.person.email}`,
          })
        }
        const message = digestMessage({
          language: request.person.preferences.language,
          network: request.network,
          cadence: request.cadence,
          updates: request.items.map((item) => item.update),
          publicUrl,
        })
        const deliveryIds = request.items.map((item) => item.delivery.id)
        const posted = yield* slackCall("chat.postMessage", () =>
          client.chat.postMessage({
            channel: userId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            unfurl_media: false,
            metadata: {
              event_type: digestEventType,
              // Slack's metadata takes no list of strings: the ids, comma-separated.
              event_payload: { delivery_ids: deliveryIds.join(","), period_key: request.periodKey },
            },
          }),
        )
        const providerMessageId = `${posted.channel ?? userId}:${posted.ts ?? ""}`
        return { sent: deliveryIds.map((id) => ({ id, providerMessageId })) }
      })

    const send = (request: SendRequest) =>
      Effect.gen(function* () {
        if (request._tag === "Digest") return yield* sendDigest(request)
        const sent: Array<{ id: string; providerMessageId: string }> = []
        for (const { delivery, person } of request.recipients) {
          const userId = yield* slackUserFor(person)
          if (userId === undefined) {
            return yield* new SendFailed({
              kind: "rejected",
              answeredAt: new Date(yield* Clock.currentTimeMillis),
              detail: `no Slack user has the email ${person.email}`,
            })
          }
          const message = updateMessage({
            language: person.preferences.language,
            network: request.network.network,
            update: request.update,
            publicUrl,
            reasons: delivery.reasons,
            ...(delivery.bridge === undefined ? {} : { bridge: delivery.bridge }),
            ...(options.preferencesUrl === undefined
              ? {}
              : { preferencesUrl: options.preferencesUrl(person.id) }),
          })
          const posted = yield* slackCall("chat.postMessage", () =>
            client.chat.postMessage({
              channel: userId,
              text: message.text,
              blocks: message.blocks,
              unfurl_links: false,
              unfurl_media: false,
              metadata: { event_type: deliveryEventType, event_payload: { delivery_id: delivery.id } },
            }),
          )
          sent.push({ id: delivery.id, providerMessageId: `${posted.channel ?? userId}:${posted.ts ?? ""}` })
        }
        return { sent }
      }).pipe(
        Effect.catchTags({
          SlackCallFailed: failedNow,
          StoreError: storeFailed,
          InvalidValue: storeFailed,
        }),
      )

    /** The DM's history since the delivery was made, searched for the delivery's metadata. */
    const findEvidence = (recipients: ReadonlyArray<Recipient>) =>
      Effect.gen(function* () {
        const found: Array<{ id: string; providerMessageId: string }> = []
        for (const { delivery, person } of recipients) {
          const userId = yield* links.slackUserForPerson(yield* teamIdNow, person.id)
          // Never linked: nothing can have been posted to them.
          if (userId === undefined) continue
          const opened = yield* slackCall("conversations.open", () =>
            client.conversations.open({ users: userId }),
          )
          const channel = opened.channel?.id
          if (channel === undefined) continue
          const history = yield* slackCall("conversations.history", () =>
            client.conversations.history({
              channel,
              include_all_metadata: true,
              oldest: String(Math.floor(delivery.createdAt.getTime() / 1000)),
              limit: 200,
            }),
          )
          const message = (history.messages ?? []).find((candidate) =>
            carries(candidate.metadata, delivery.id),
          )
          if (message?.ts !== undefined)
            found.push({ id: delivery.id, providerMessageId: `${channel}:${message.ts}` })
        }
        return found
      }).pipe(Effect.catchTags({ SlackCallFailed: failedNow, StoreError: storeFailed }))

    type GroupChannel = { readonly teamId: string; readonly channelId: string; readonly announceSince: Date }

    /** The channel's history searched for this update's announcement (its message metadata). */
    const findAnnouncement = (channelId: string, updateId: string) =>
      slackCall("conversations.history", () =>
        client.conversations.history({ channel: channelId, include_all_metadata: true, limit: 200 }),
      ).pipe(
        Effect.map(
          (history) =>
            (history.messages ?? []).find(
              (candidate) =>
                candidate.metadata?.event_type === announcementEventType &&
                (candidate.metadata.event_payload as Record<string, unknown> | undefined)?.update_id ===
                  updateId,
            )?.ts,
        ),
      )

    /**
     * Posts one announcement. A fresh one is claimed first (one dispatcher wins); one taken
     * over from a dispatcher that stopped after claiming (`retaken`) is first looked for in the
     * channel, so it is posted once whether or not that dispatcher got as far as Slack.
     */
    const announceOne = (update: StoredUpdate, network: Network, channel: GroupChannel, retaken: boolean) =>
      Effect.gen(function* () {
        const key = { updateId: update.id, slackChannelId: channel.channelId }
        if (!retaken) {
          const mine = yield* outbox.claimAnnouncement({ ...key, workerId: options.workerId })
          announced.add(update.id)
          if (!mine) return
        } else {
          const ts = yield* findAnnouncement(channel.channelId, update.id).pipe(
            Effect.tapError(() => outbox.releaseAnnouncement(key)),
          )
          if (ts !== undefined) return yield* outbox.recordAnnouncement({ ...key, ts })
        }
        const message = updateMessage({ language: "sv", network, update, publicUrl })
        const posted = yield* slackCall("chat.postMessage", () =>
          client.chat.postMessage({
            channel: channel.channelId,
            text: message.text,
            blocks: message.blocks,
            unfurl_links: false,
            metadata: { event_type: announcementEventType, event_payload: { update_id: update.id } },
          }),
        ).pipe(
          Effect.tapError(() =>
            Effect.andThen(
              outbox.releaseAnnouncement(key),
              Effect.sync(() => announced.delete(update.id)),
            ),
          ),
        )
        yield* outbox.recordAnnouncement({ ...key, ts: posted.ts ?? "" })
      })

    /**
     * Each channel fails, waits and retries on its own: a channel answering 429 is left alone
     * until its Retry-After has passed, a failing one backs off, and one that is gone
     * (`channel_not_found`, archived) is unlinked from its group (visible in the API and the
     * audit log), reported to the office in the log and to the group's editors in a DM.
     */
    const channelHealth = new Map<string, { readonly notBefore: number; readonly failures: number }>()
    const goneChannels = new Set<string>()

    /** A DM to each of the group's editors: the channel is gone, choose a new one. */
    const tellEditors = (themeGroupId: string, channelId: string, network: Network) =>
      Effect.gen(function* () {
        const group = network.themeGroups.find((candidate) => candidate.id === themeGroupId)
        if (group === undefined) return
        for (const editor of groupEditorsOf(network, group.id)) {
          const userId = yield* slackUserFor(editor)
          if (userId === undefined) continue
          const text = catalogue(editor.preferences.language).channelGone(group.name, `<#${channelId}>`)
          yield* slackCall("chat.postMessage", () => client.chat.postMessage({ channel: userId, text }))
        }
      }).pipe(
        Effect.catch((error) =>
          Effect.logWarning("could not tell a group's editors that its channel is gone").pipe(
            Effect.annotateLogs({ themeGroupId, channel: channelId, detail: error.message }),
          ),
        ),
      )

    const settleChannel = (
      themeGroupId: string,
      channelId: string,
      network: Network,
      error: SlackCallFailed | StoreError | SendFailed,
    ) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const slackError = error._tag === "SlackCallFailed" ? error : undefined
        if (slackError !== undefined && channelGone.has(slackError.error)) {
          goneChannels.add(channelId)
          // Unlinked only while the group still points at it (an editor may have chosen a new one).
          const current = yield* links.themeGroupChannel(themeGroupId)
          const unlinked =
            current?.channelId === channelId &&
            (yield* links
              .clearThemeGroupChannel(themeGroupId, `slack-dispatcher: ${slackError.error}`)
              .pipe(Effect.catch(() => Effect.succeed(false))))
          yield* Effect.logError(
            "a theme group's Slack channel is gone; it was unlinked and the group's editors were asked to choose a new one",
          ).pipe(Effect.annotateLogs({ themeGroupId, channel: channelId, error: slackError.error }))
          // Told once: by the dispatcher that unlinked it, however many saw it fail.
          if (unlinked) yield* tellEditors(themeGroupId, channelId, network)
          return
        }
        const failures = (channelHealth.get(channelId)?.failures ?? 0) + 1
        const wait =
          slackError?.kind === "rateLimited"
            ? (slackError.retryAfterSeconds ?? 60) * 1000
            : Math.min(60 * 60_000, 30_000 * 2 ** (failures - 1))
        channelHealth.set(channelId, { notBefore: now + wait, failures })
        yield* Effect.logWarning(
          "announcing in a group channel failed; that channel waits, the others go on",
        ).pipe(Effect.annotateLogs({ channel: channelId, waitMillis: wait, detail: error.message }))
      })

    /** Whether a channel may be tried now: not gone, and not waiting out a 429 or a back-off. */
    const channelReady = (channelId: string) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        if (goneChannels.has(channelId)) return false
        const health = channelHealth.get(channelId)
        return health === undefined || health.notBefore <= now
      })

    const announceIsolated = (
      update: StoredUpdate,
      network: Network,
      channel: GroupChannel,
      retaken: boolean,
    ) =>
      Effect.gen(function* () {
        if (update.themeGroupId === undefined) return
        const themeGroupId = update.themeGroupId
        yield* announceOne(update, network, channel, retaken).pipe(
          Effect.tap(() => Effect.sync(() => channelHealth.delete(channel.channelId))),
          Effect.catch((error) => settleChannel(themeGroupId, channel.channelId, network, error)),
        )
      })

    /** The group's channel when this update belongs there: same workspace, linked before it was published. */
    const channelFor = (update: StoredUpdate) =>
      Effect.gen(function* () {
        if (update.themeGroupId === undefined) return undefined
        const channel = yield* links.themeGroupChannel(update.themeGroupId)
        if (channel === undefined || channel.teamId !== (yield* teamIdNow)) return undefined
        // Linking a channel posts nothing published before it (unless the link was made with history).
        if ((update.publishedAt?.getTime() ?? 0) < channel.announceSince.getTime()) return undefined
        return channel
      })

    const afterPass = (loadNetwork: Effect.Effect<Network, StoreError>) =>
      Effect.gen(function* () {
        const now = yield* Clock.currentTimeMillis
        const recent = (yield* updates.list({ filter: { published: true }, limit: 50 })).items.filter(
          (update) =>
            announcesInGroupChannel(update) &&
            !announced.has(update.id) &&
            now - (withoutChannel.get(update.id) ?? Number.NEGATIVE_INFINITY) >= channelRecheckMillis &&
            (update.publishedAt?.getTime() ?? 0) >= now - announceWithin,
        )
        for (const [id, checkedAt] of withoutChannel)
          if (now - checkedAt > announceWithin) withoutChannel.delete(id)
        const stale = yield* outbox.retakeStaleAnnouncements({
          workerId: options.workerId,
          claimedBefore: new Date(now - announcementLease),
        })
        if (recent.length === 0 && stale.length === 0) return
        const network = yield* loadNetwork
        for (const row of stale) {
          const update = yield* updates.get(row.updateId)
          const channel = yield* channelFor(update)
          const key = { updateId: row.updateId, slackChannelId: row.slackChannelId }
          // The group has another channel now, or none, or the channel waits: a later pass decides.
          if (channel?.channelId !== row.slackChannelId || !(yield* channelReady(row.slackChannelId))) {
            yield* outbox.releaseAnnouncement(key)
            announced.delete(row.updateId)
            continue
          }
          yield* announceIsolated(update, network, channel, true)
        }
        // Oldest first, as a channel reads; one channel's failure never stops another's posts.
        const inOrder = [...recent].sort(
          (a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0),
        )
        for (const update of inOrder) {
          const channel = yield* channelFor(update)
          if (channel === undefined) {
            withoutChannel.set(update.id, now)
            continue
          }
          if (!(yield* channelReady(channel.channelId))) continue
          yield* announceIsolated(update, network, channel, false)
        }
      }).pipe(
        Effect.catch((error) =>
          Effect.logWarning("announcing in group channels failed; the next pass tries again").pipe(
            Effect.annotateLogs({ detail: error.message }),
          ),
        ),
      )

    const sender: ChannelSender = {
      channel: "slack",
      maxRecipientsPerRequest: 1,
      send,
      findEvidence,
      afterPass,
    }
    return sender
  })
