import type { Audience, PersonId, RegionId, UpdateId, UpdateKind } from "@spridning/core"

/** What only one kind of update has. */
export type UpdateDetails =
  | {
      readonly kind: "meetingNotes"
      readonly meetingDate: string
      /** Set once the published notes were corrected: the short notice readers got. */
      readonly correction?: { readonly note: string; readonly at: Date }
    }
  | {
      readonly kind: "workListItem"
      readonly status: "planned" | "ongoing" | "done"
      readonly dueDate?: string
    }
  | {
      readonly kind: "digitalHour"
      readonly startsAt: Date
      readonly endsAt: Date
      readonly location?: string
      readonly url?: string
      /** Raised on every move or cancellation (RFC 5545 SEQUENCE); 0 as first published. */
      readonly sequence?: number
      readonly cancelledAt?: Date
    }
  | { readonly kind: "goodExample"; readonly tags: ReadonlyArray<string>; readonly regionId?: string }
  | { readonly kind: "proposalRound"; readonly deadline: Date; readonly planYear?: number }
  | {
      readonly kind: "proposalAnswer"
      /** Absent on answers stored before answers were delivered. */
      readonly answer?: ProposalAnswerDetails
    }
  | { readonly kind: "actionPlan"; readonly planYear: number }
  | { readonly kind: "briefing"; readonly regionId: string; readonly periodKey: string }

/** An update to store: core's `Update` plus its text and its kind's details. */
export interface NewUpdate {
  readonly id: string
  readonly themeGroupId?: string
  readonly title: string
  readonly body: string
  readonly audience: Audience
  readonly details: UpdateDetails
}

export interface StoredUpdate extends NewUpdate {
  readonly kind: UpdateKind
  readonly createdBy: string
  /** The person who published it, when `createdBy` is a Slack user linked to a person. */
  readonly author?: string
  readonly createdAt: Date
  /** Absent while a draft. */
  readonly publishedAt?: Date
  /** "Sprid vidare till: …" as planned when published. */
  readonly passOnLine?: { readonly sv: string; readonly en: string }
}

/** A stored update as this package reads it back: its id is the schema's, branded. */
export interface KnownUpdate extends StoredUpdate {
  readonly id: UpdateId
}

export type ProposalStatus = "open" | "accepted" | "merged" | "declined"

/** A region's suggestion to a theme group before its action plan is written. */
export interface Proposal {
  readonly id: string
  readonly roundId: UpdateId
  readonly regionId: RegionId
  readonly submittedBy?: PersonId
  readonly text: string
  readonly submittedAt: Date
  readonly status: ProposalStatus
  /** Why it was declined, or what it was merged with. */
  readonly reason?: string
  readonly answeredAt?: Date
  readonly answerUpdateId?: UpdateId
}

/** What an answer tells the region that proposed. */
export interface ProposalAnswerDetails {
  readonly proposalId: string
  readonly regionId: string
  readonly proposalText: string
  readonly status: Exclude<ProposalStatus, "open">
  readonly reason?: string
  /** Set when this answer replaces an earlier one. */
  readonly previousStatus?: Exclude<ProposalStatus, "open">
}
