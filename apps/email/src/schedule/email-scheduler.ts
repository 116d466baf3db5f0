import {
  type Briefing,
  BriefingProposalRound,
  type BriefingSchedule,
  BriefingUpdate,
  briefing,
  briefingPeriodDue,
  briefingRecipients,
  type Channel,
  catalogue,
  indexNetwork,
  type Language,
  type NetworkIndex,
  NetworkStore,
  type Person,
  type PersonId,
  type ReminderKind,
  type ReminderTime,
  reminderDue,
  reminderOnceKey,
  type StoreError,
} from "@spridning/core"
import {
  BriefingRequests,
  DigestRuns,
  Outbox,
  type StoredDelivery,
  type StoredUpdate,
  Updates,
} from "@spridning/db"
import { Effect, Option, Result, Schema } from "effect"
import { toUpdateForMail } from "../delivery/email-channel.js"
import type { LinkSigner, UnsubscribeScope } from "../links/signed-links.js"
import { MailSender } from "../sending/mail-sender.js"
import { type MailContent, type MailRecipient, requestsFor } from "../sending/outgoing-mail.js"
import { mailText } from "../templates/catalogue.js"
import { whyLine } from "../templates/reasons.js"
import {
  type BriefingForMail,
  type Organizer,
  recipientSubstitutions,
  renderBriefing,
  renderDigitalHourReminder,
  renderProposalReminder,
} from "../templates/render.js"
import { scheduleConfig } from "./schedule-config.js"

export interface EmailSchedulerOptions {
  readonly links: LinkSigner
  readonly organizer: Organizer
  /** The scheduler's clock; tests pass one they move. */
  readonly clock?: () => Date
  /** When reminders go (local hour and zone); from the environment by default (08:00 Stockholm). */
  readonly reminderTime?: ReminderTime
  /** When briefings go; from the environment by default (monthly, the 1st at 07:00 Stockholm). */
  readonly briefingSchedule?: BriefingSchedule
  /** When the network began; from storage by default (the first region stored). */
  readonly networkSince?: Date
  /**
   * The channels the deployment has configured (default: email only, as Slack sends no briefing
   * yet), so a Slack-only manager gets the briefing by email while Slack is off.
   */
  readonly configuredChannels?: ReadonlySet<Channel>
}

const decodeBriefingUpdate = Schema.decodeUnknownOption(BriefingUpdate)
const decodeRound = Schema.decodeUnknownOption(BriefingProposalRound)

export interface ScheduleReport {
  readonly proposalReminders: number
  readonly digitalHourReminders: number
  readonly briefings: number
  readonly failedRequests: number
}

const hour = 3_600_000
const day = 24 * hour

export type EmailSchedulerServices =
  | Updates
  | Outbox
  | NetworkStore
  | DigestRuns
  | MailSender
  | BriefingRequests

interface Addressee {
  readonly person: Person
  /** Once-key in db's digest runs: one reminder (or briefing) per person and key. */
  readonly onceKey: string
  readonly recipient: MailRecipient
}

/**
 * What goes out on dates rather than on publication: proposal-round reminders a week and a
 * day before the deadline, digital-hour reminders the day before, and each region's monthly
 * management briefing. `tick` is safe to run often and from several processes: every mail is
 * claimed per person and key in db's digest runs, so it goes once.
 */
export const makeEmailScheduler = Effect.fn("email.makeEmailScheduler")(function* (
  options: EmailSchedulerOptions,
) {
  const updates = yield* Updates
  const outbox = yield* Outbox
  const networkStore = yield* NetworkStore
  const digestRuns = yield* DigestRuns
  const sender = yield* MailSender
  const requests = yield* BriefingRequests
  const clock = options.clock ?? (() => new Date())
  const configuredChannels = options.configuredChannels ?? new Set<Channel>(["email"])
  const configured = yield* scheduleConfig.pipe(Effect.orDie)
  const briefingSchedule = options.briefingSchedule ?? configured.briefingSchedule

  /** Claims each addressee's once-key, sends per language, completes the runs that went out. */
  const sendOnce = (
    addressees: ReadonlyArray<Addressee>,
    contentFor: (language: Language) => Promise<MailContent>,
    now: Date,
  ) =>
    Effect.gen(function* () {
      const claimed: Array<Addressee> = []
      for (const addressee of addressees) {
        const first = yield* digestRuns
          .start(addressee.person.id, addressee.onceKey, now)
          .pipe(Effect.catch(() => Effect.succeed(false)))
        if (first) claimed.push(addressee)
      }
      let sent = 0
      let failedRequests = 0
      for (const language of ["sv", "en"] as const) {
        const group = claimed.filter((addressee) => addressee.person.preferences.language === language)
        if (group.length === 0) continue
        const content = yield* Effect.promise(() => contentFor(language))
        for (const batch of requestsFor(
          group.map((addressee) => ({ ...addressee, email: addressee.person.email })),
        )) {
          const outcome = yield* Effect.result(
            sender.send({ content, recipients: batch.map((a) => a.recipient) }),
          )
          if (Result.isFailure(outcome)) {
            // Left incomplete: `releaseStale` frees the keys and a later tick tries again.
            yield* Effect.logWarning(`scheduled mail not sent: ${outcome.failure._tag}`, outcome.failure)
            failedRequests += 1
            continue
          }
          for (const addressee of batch) {
            yield* digestRuns.complete(addressee.person.id, addressee.onceKey, 1, clock())
          }
          sent += batch.length
        }
      }
      return { sent, failedRequests }
    })

  const recipientOf = (
    person: Person,
    why: string,
    scope: UnsubscribeScope,
    now: Date,
    delivery?: StoredDelivery,
  ): MailRecipient => {
    const language = person.preferences.language
    const unsubscribeUrl = options.links.unsubscribeUrl(person.id, scope, now, delivery?.id)
    return {
      email: person.email,
      name: person.name,
      substitutions: recipientSubstitutions(language, {
        name: person.name,
        why,
        receiptLink: delivery === undefined ? "" : options.links.receiptLink(delivery.id, person.id, now),
        unsubscribeUrl,
      }),
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      customArgs: delivery === undefined ? {} : { delivery_id: delivery.id, update_id: delivery.updateId },
    }
  }

  const reminderTime = options.reminderTime ?? configured.reminderTime

  /**
   * Readers who got the update by email and for whom core's rule says the reminder is due now
   * (its local day and hour, and an invitation that went out long enough before it). Each is
   * keyed once per person and reminder, so a reader gets each reminder once.
   */
  const remindersFor = (
    index: NetworkIndex,
    update: StoredUpdate,
    kind: ReminderKind,
    eventAt: Date,
    now: Date,
    skipRegions: ReadonlySet<string>,
  ) =>
    Effect.map(outbox.forUpdate(update.id), (deliveries) =>
      deliveries.flatMap((delivery): ReadonlyArray<Addressee> => {
        if (delivery.channel !== "email" || delivery.state !== "sent" || delivery.sentAt === undefined)
          return []
        if (!reminderDue({ kind, eventAt, invitedAt: delivery.sentAt, now, time: reminderTime })) return []
        const person = index.personById.get(delivery.personId as PersonId)
        if (person === undefined || skipRegions.has(person.regionId)) return []
        const language = person.preferences.language
        const scope: UnsubscribeScope =
          update.themeGroupId === undefined
            ? { _tag: "AllEmail" }
            : { _tag: "ThemeGroup", themeGroupId: update.themeGroupId }
        return [
          {
            person,
            onceKey: reminderOnceKey(kind, update.id),
            recipient: recipientOf(
              person,
              whyLine(index, language, delivery.reasons, delivery.bridge, update.themeGroupId),
              scope,
              now,
              delivery,
            ),
          },
        ]
      }),
    )

  const allPublished = (kind: StoredUpdate["kind"]) =>
    Effect.gen(function* () {
      const found: Array<StoredUpdate> = []
      let cursor: string | undefined
      for (let page = 0; page < 50; page++) {
        const result = yield* updates
          .list({
            filter: { kind, published: true },
            limit: 1000,
            ...(cursor === undefined ? {} : { cursor }),
          })
          .pipe(
            Effect.catchTag("InvalidCursor", () =>
              Effect.succeed({ items: [] as ReadonlyArray<StoredUpdate> }),
            ),
          )
        found.push(...result.items)
        if (!("nextCursor" in result) || result.nextCursor === undefined) break
        cursor = result.nextCursor
      }
      return found
    })

  const proposalReminders = (index: NetworkIndex, now: Date) =>
    Effect.gen(function* () {
      let sent = 0
      let failedRequests = 0
      for (const round of yield* allPublished("proposalRound")) {
        if (round.details.kind !== "proposalRound") continue
        const deadline = round.details.deadline
        if (deadline.getTime() <= now.getTime() || deadline.getTime() > now.getTime() + 8 * day) continue
        // Regions that already sent a proposal need no reminder.
        const answered = new Set((yield* updates.proposals(round.id)).map((proposal) => proposal.regionId))
        const forMail = toUpdateForMail(round, index)
        for (const [kind, daysLeft] of [
          ["proposalWeekLeft", 7],
          ["proposalDayLeft", 1],
        ] as const) {
          const addressees = yield* remindersFor(index, round, kind, deadline, now, answered)
          if (addressees.length === 0) continue
          const result = yield* sendOnce(
            addressees,
            (language) => renderProposalReminder(forMail, language, daysLeft),
            now,
          )
          sent += result.sent
          failedRequests += result.failedRequests
        }
      }
      return { sent, failedRequests }
    })

  const digitalHourReminders = (index: NetworkIndex, now: Date) =>
    Effect.gen(function* () {
      let sent = 0
      let failedRequests = 0
      // The day-before reminder is due at most two calendar days ahead of the hour.
      const hours = yield* updates.digitalHoursStarting(now, new Date(now.getTime() + 2 * day))
      for (const digitalHour of hours) {
        if (digitalHour.publishedAt === undefined || digitalHour.details.kind !== "digitalHour") continue
        if (digitalHour.details.cancelledAt !== undefined) continue
        const addressees = yield* remindersFor(
          index,
          digitalHour,
          "digitalHourTomorrow",
          digitalHour.details.startsAt,
          now,
          new Set(),
        )
        if (addressees.length === 0) continue
        const forMail = toUpdateForMail(digitalHour, index)
        const result = yield* sendOnce(
          addressees,
          (language) => renderDigitalHourReminder(forMail, language, options.organizer),
          now,
        )
        sent += result.sent
        failedRequests += result.failedRequests
      }
      return { sent, failedRequests }
    })

  /** Published updates as the briefing reads them; one that does not decode is left out, with a warning. */
  const briefingInputs = (now: Date) =>
    Effect.gen(function* () {
      const published = (yield* Effect.forEach(
        [
          "meetingNotes",
          "workListItem",
          "digitalHour",
          "goodExample",
          "proposalRound",
          "proposalAnswer",
          "actionPlan",
        ] as const,
        allPublished,
      )).flat()
      const updatesInput: Array<BriefingUpdate> = []
      const rounds: Array<BriefingProposalRound> = []
      for (const update of published) {
        const decoded = decodeBriefingUpdate(update)
        if (Option.isNone(decoded)) {
          yield* Effect.logWarning(`briefing: update ${update.id} left out, it does not decode`)
          continue
        }
        updatesInput.push(decoded.value)
        if (update.details.kind !== "proposalRound" || update.details.deadline.getTime() <= now.getTime())
          continue
        const answeredBy = (yield* updates.proposals(update.id)).map((proposal) => proposal.regionId)
        const round = decodeRound({ ...decoded.value, deadline: update.details.deadline, answeredBy })
        if (Option.isSome(round)) rounds.push(round.value)
      }
      return { updates: updatesInput, rounds }
    })

  /** Core's briefing in the mail's words: bridged groups are listed with whom their mail reaches. */
  const briefingForMail = (value: Briefing, language: Language): BriefingForMail => {
    const text = catalogue(language)
    return {
      regionName: value.regionName,
      month: value.period.start,
      recentWork: value.recentWork.map((item) => ({
        title: item.title,
        kind: item.kind,
        ...(item.themeGroupName === undefined ? {} : { themeGroupName: item.themeGroupName }),
      })),
      uncovered: [
        ...value.bridged.map((group) => ({
          themeGroupName: group.themeGroupName,
          fallbackName: text.list(group.contactPersons.map((person) => person.name)),
        })),
        ...value.uncovered.map((group) => ({
          themeGroupName: group.themeGroupName,
          ...(group.fallback === undefined ? {} : { fallbackName: group.fallback.name }),
        })),
      ],
      missingRoles: value.missingRoles.map((role) => text.role[role].one),
      waiting: value.waitingForAction.map((round) => ({ title: round.title, deadline: round.deadline })),
    }
  }

  /** "regelbundna möten med hälso- och sjukvårdsdirektören om vad som är på gång" */
  const briefings = (
    index: NetworkIndex,
    now: Date,
    period: { readonly key: string; readonly start: Date; readonly end: Date },
    onlyRegion?: string,
  ) =>
    Effect.gen(function* () {
      const key = period.key
      const inputs = yield* briefingInputs(now)
      let sent = 0
      let failedRequests = 0
      for (const region of index.network.regions) {
        if (onlyRegion !== undefined && region.id !== onlyRegion) continue
        const management = briefingRecipients(index.network, region.id, configuredChannels).flatMap(
          (recipient) => (recipient.channels.includes("email") ? [recipient.person] : []),
        )
        if (management.length === 0) continue
        const value = briefing({
          network: index.network,
          regionId: region.id,
          period,
          updates: inputs.updates,
          proposalRounds: inputs.rounds,
          now,
        })
        if (Result.isFailure(value)) continue
        const addressees = management.map((person) => ({
          person,
          onceKey: key,
          recipient: recipientOf(
            person,
            mailText[person.preferences.language].briefing.why(region.name),
            { _tag: "AllEmail" },
            now,
          ),
        }))
        const result = yield* sendOnce(
          addressees,
          (language) => renderBriefing(briefingForMail(value.success, language), language),
          now,
        )
        sent += result.sent
        failedRequests += result.failedRequests
      }
      return { sent, failedRequests }
    })

  /**
   * "Send this region's briefing now" from the office: the last 30 days, to the region's
   * management, once per request; the request is closed when its mail went out.
   */
  const briefingsAskedFor = (index: NetworkIndex, now: Date) =>
    Effect.gen(function* () {
      let sent = 0
      let failedRequests = 0
      for (const request of yield* requests.pending) {
        const result = yield* briefings(
          index,
          now,
          { key: `briefing:now:${request.id}`, start: new Date(now.getTime() - 30 * day), end: now },
          request.regionId,
        )
        sent += result.sent
        failedRequests += result.failedRequests
        if (result.failedRequests === 0) yield* requests.markSent(request.id, now)
      }
      return { sent, failedRequests }
    })

  const tick: Effect.Effect<ScheduleReport, StoreError> = Effect.gen(function* () {
    const now = clock()
    yield* digestRuns.releaseStale(new Date(now.getTime() - 30 * 60_000)).pipe(Effect.ignore)
    const index = indexNetwork(yield* networkStore.load)
    const proposals = yield* proposalReminders(index, now)
    const hours = yield* digitalHourReminders(index, now)
    const due = briefingPeriodDue(
      now,
      options.networkSince ?? (yield* requests.networkSince),
      briefingSchedule,
    )
    const scheduled = due === undefined ? { sent: 0, failedRequests: 0 } : yield* briefings(index, now, due)
    const asked = yield* briefingsAskedFor(index, now)
    const briefed = {
      sent: scheduled.sent + asked.sent,
      failedRequests: scheduled.failedRequests + asked.failedRequests,
    }
    return {
      proposalReminders: proposals.sent,
      digitalHourReminders: hours.sent,
      briefings: briefed.sent,
      failedRequests: proposals.failedRequests + hours.failedRequests + briefed.failedRequests,
    }
  })

  return { tick }
})

export type EmailScheduler = Effect.Success<ReturnType<typeof makeEmailScheduler>>
