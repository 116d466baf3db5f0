import {
  type Briefing,
  BriefingProposalRound,
  BriefingUpdate,
  briefing,
  briefingRecipients,
  type Channel,
  catalogue,
  indexNetwork,
  type Language,
  lastEndedMonth,
  type NetworkIndex,
  NetworkStore,
  type Person,
  type PersonId,
  type StoreError,
} from "@spridning/core"
import { DigestRuns, Outbox, type StoredDelivery, type StoredUpdate, Updates } from "@spridning/db"
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

export interface EmailSchedulerOptions {
  readonly links: LinkSigner
  readonly organizer: Organizer
  /** The scheduler's clock; tests pass one they move. */
  readonly clock?: () => Date
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

export type EmailSchedulerServices = Updates | Outbox | NetworkStore | DigestRuns | MailSender

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
  const clock = options.clock ?? (() => new Date())
  const configuredChannels = options.configuredChannels ?? new Set<Channel>(["email"])

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
    const receipt = (kind: "read" | "passedOn" | "acted") =>
      delivery === undefined ? "" : options.links.receiptUrl(delivery.id, person.id, kind, now)
    return {
      email: person.email,
      name: person.name,
      substitutions: recipientSubstitutions(language, {
        name: person.name,
        why,
        readUrl: receipt("read"),
        passedOnUrl: receipt("passedOn"),
        actedUrl: receipt("acted"),
        unsubscribeUrl,
      }),
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      customArgs: delivery === undefined ? {} : { delivery_id: delivery.id, update_id: delivery.updateId },
    }
  }

  /** Readers who got the update by email: a reminder goes to them, with their own receipt links. */
  const remindersFor = (
    index: NetworkIndex,
    update: StoredUpdate,
    onceKey: string,
    now: Date,
    skipRegions: ReadonlySet<string>,
  ) =>
    Effect.map(outbox.forUpdate(update.id), (deliveries) =>
      deliveries.flatMap((delivery): ReadonlyArray<Addressee> => {
        if (delivery.channel !== "email" || delivery.state !== "sent") return []
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
            onceKey,
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
        const untilDeadline = round.details.deadline.getTime() - now.getTime()
        // "en vecka och en dag före": each reminder has a one-day window, so a late tick never says "a week left" two days before.
        const daysLeft =
          untilDeadline > 6 * day && untilDeadline <= 7 * day
            ? 7
            : untilDeadline > 0 && untilDeadline <= day
              ? 1
              : undefined
        if (daysLeft === undefined) continue
        // Regions that already sent a proposal need no reminder.
        const answered = new Set((yield* updates.proposals(round.id)).map((proposal) => proposal.regionId))
        const addressees = yield* remindersFor(
          index,
          round,
          `reminder:${round.id}:${daysLeft}d`,
          now,
          answered,
        )
        const forMail = toUpdateForMail(round, index)
        const result = yield* sendOnce(
          addressees,
          (language) => renderProposalReminder(forMail, language, daysLeft),
          now,
        )
        sent += result.sent
        failedRequests += result.failedRequests
      }
      return { sent, failedRequests }
    })

  const digitalHourReminders = (index: NetworkIndex, now: Date) =>
    Effect.gen(function* () {
      let sent = 0
      let failedRequests = 0
      const hours = yield* updates.digitalHoursStarting(
        new Date(now.getTime() + 12 * hour),
        new Date(now.getTime() + day),
      )
      for (const digitalHour of hours) {
        if (digitalHour.publishedAt === undefined) continue
        const addressees = yield* remindersFor(
          index,
          digitalHour,
          `reminder:${digitalHour.id}:1d`,
          now,
          new Set(),
        )
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
  const briefings = (index: NetworkIndex, now: Date) =>
    Effect.gen(function* () {
      const period = lastEndedMonth(now)
      const key = `briefing:${period.key}`
      const inputs = yield* briefingInputs(now)
      let sent = 0
      let failedRequests = 0
      for (const region of index.network.regions) {
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

  const tick: Effect.Effect<ScheduleReport, StoreError> = Effect.gen(function* () {
    const now = clock()
    yield* digestRuns.releaseStale(new Date(now.getTime() - 30 * 60_000)).pipe(Effect.ignore)
    const index = indexNetwork(yield* networkStore.load)
    const proposals = yield* proposalReminders(index, now)
    const hours = yield* digitalHourReminders(index, now)
    const briefed = yield* briefings(index, now)
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
