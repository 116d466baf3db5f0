/** A field that makes an update unfit to publish now, and why (English, for the API). */
export interface PublishProblem {
  readonly path: string
  readonly message: string
}

/** The dated part of an update, as far as publishing cares. */
export type DatedDetails =
  | { readonly kind: "digitalHour"; readonly startsAt: Date; readonly endsAt: Date }
  | { readonly kind: "proposalRound"; readonly deadline: Date }
  | { readonly kind: "other" }

/**
 * An invitation to something that has already happened helps nobody: a digital hour must start,
 * and a proposal round's deadline must lie, after the moment it is published. Empty when fine.
 */
export const publishProblems = (details: DatedDetails, now: Date): ReadonlyArray<PublishProblem> => {
  switch (details.kind) {
    case "digitalHour":
      return [
        ...(details.startsAt.getTime() <= now.getTime()
          ? [{ path: "details.startsAt", message: `must lie ahead (it is now ${now.toISOString()})` }]
          : []),
        ...(details.endsAt.getTime() <= details.startsAt.getTime()
          ? [{ path: "details.endsAt", message: "must be after startsAt" }]
          : []),
      ]
    case "proposalRound":
      return details.deadline.getTime() <= now.getTime()
        ? [{ path: "details.deadline", message: `must lie ahead (it is now ${now.toISOString()})` }]
        : []
    case "other":
      return []
  }
}
