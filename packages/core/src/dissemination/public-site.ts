import type { Audience } from "../audience/model.js"
import type { UpdateKind } from "./model.js"

/**
 * "När är det 'bara' för nätverket och när är det för 'alla'?" — what the public site may
 * show: a published update whose audience is `public`. A management briefing is about one
 * region's gaps and is never public, whatever its audience says.
 */
export const isOnPublicSite = (update: {
  readonly kind: UpdateKind
  readonly audience: Audience
  readonly publishedAt?: Date | string
}): boolean =>
  update.publishedAt !== undefined && update.audience.scope === "public" && update.kind !== "briefing"
