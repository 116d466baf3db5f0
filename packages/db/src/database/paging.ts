import { Effect, Schema } from "effect"

/**
 * Pages and cursors, shared by every list in this package (entity stores, the audit log,
 * updates, deliveries): a module of its own, so that none of them depends on another for it.
 */

/** One page of a list; pass `nextCursor` back as `cursor` for the next page. */
export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly nextCursor?: string
}

export interface ListOptions<Filter> {
  readonly filter?: Filter
  readonly cursor?: string
  /** 1–1000, default 100. */
  readonly limit?: number
}

/** A cursor that this store did not hand out. */
export class InvalidCursor extends Schema.TaggedError<InvalidCursor>()("InvalidCursor", {
  cursor: Schema.String,
}) {
  override get message(): string {
    return `"${this.cursor}" is not a cursor from a previous page`
  }
}

export const encodeCursor = (afterId: string): string =>
  Buffer.from(JSON.stringify({ after: afterId })).toString("base64url")

/**
 * The key a cursor continues after, or `undefined` for anything this API did not hand out.
 * The one rule every list shares (the API's in-memory lists check cursors with it too).
 */
export const cursorKey = (cursor: string): string | undefined => {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
    return typeof decoded === "object" &&
      decoded !== null &&
      "after" in decoded &&
      typeof decoded.after === "string"
      ? decoded.after
      : undefined
  } catch {
    return undefined
  }
}

export const decodeCursor = (cursor: string): Effect.Effect<string, InvalidCursor> => {
  const key = cursorKey(cursor)
  return key === undefined ? Effect.fail(new InvalidCursor({ cursor })) : Effect.succeed(key)
}

/** A cursor that carries a pair (e.g. a timestamp and an id) for lists with compound order. */
export const encodePairCursor = (first: string, second: string): string =>
  encodeCursor(JSON.stringify([first, second]))

export const decodePairCursor = (cursor: string): Effect.Effect<readonly [string, string], InvalidCursor> =>
  Effect.flatMap(decodeCursor(cursor), (after) =>
    Effect.try({
      try: () => {
        const pair: unknown = JSON.parse(after)
        if (
          Array.isArray(pair) &&
          pair.length === 2 &&
          typeof pair[0] === "string" &&
          typeof pair[1] === "string"
        ) {
          return [pair[0], pair[1]] as const
        }
        throw new Error("not a pair")
      },
      catch: () => new InvalidCursor({ cursor }),
    }),
  )

export const pageOf = <T>(rows: ReadonlyArray<T>, limit: number, idOf: (value: T) => string): Page<T> => {
  if (rows.length <= limit) return { items: rows }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return last === undefined ? { items } : { items, nextCursor: encodeCursor(idOf(last)) }
}

export const clampLimit = (limit: number | undefined): number =>
  Math.max(1, Math.min(1000, Math.floor(limit ?? 100)))
