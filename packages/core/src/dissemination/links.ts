import type { UpdateKind } from "./model.js"

/** Where a reader finds an update, its calendar file, and where a region sends its proposal. */
export interface UpdateLinks {
  /** "Läs mer": the whole update, for any copy that had to be cut short. */
  readonly page: string
  /** A digital hour's `.ics` (the same file the mail attaches). */
  readonly calendar?: string
  /** A proposal round's proposals, where a region's editor sends its proposal. */
  readonly proposals?: string
}

/**
 * Every channel links to the same places, so a DM, a channel post and the mail for one update
 * send the reader to the same page ("one content model for every channel").
 */
export const updateLinks = (
  publicUrl: string,
  update: { readonly id: string; readonly kind: UpdateKind },
) => {
  const base = publicUrl.replace(/\/+$/, "")
  const id = encodeURIComponent(update.id)
  const links: UpdateLinks = {
    page: `${base}/v1/updates/${id}`,
    ...(update.kind === "digitalHour" ? { calendar: `${base}/v1/digital-hours/${id}.ics` } : {}),
    ...(update.kind === "proposalRound" ? { proposals: `${base}/v1/proposal-rounds/${id}/proposals` } : {}),
  }
  return links
}
