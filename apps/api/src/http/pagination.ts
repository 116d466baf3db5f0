import { cursorKey, encodeCursor } from "@spridning/db"
import { Schema } from "effect"

/** How every list refuses a cursor it did not hand out (the stores' `InvalidCursor` says the same). */
export const invalidCursorMessage = "is not a cursor from a previous page"

/** `?limit=&cursor=`: every list answers pages in a fixed order with an opaque cursor to the next one. */
export const PageQuery = {
  limit: Schema.optionalKey(
    Schema.FiniteFromString.pipe(
      Schema.check(Schema.isInt({ message: "must be a whole number" })),
      Schema.check(Schema.isBetween({ minimum: 1, maximum: 500 }, { message: "must be between 1 and 500" })),
    ),
  ),
  cursor: Schema.optionalKey(
    Schema.String.pipe(
      Schema.check(
        Schema.makeFilter((cursor: string) => cursor.length <= 512 && cursorKey(cursor) !== undefined, {
          message: invalidCursorMessage,
        }),
      ),
    ),
  ),
}

export const Page = <S extends Schema.Top>(item: S) =>
  Schema.Struct({
    items: Schema.Array(item),
    /** Pass as `cursor` to get the next page; absent on the last page. */
    nextCursor: Schema.optionalKey(Schema.String),
  })

export interface PageOf<A> {
  readonly items: ReadonlyArray<A>
  readonly nextCursor?: string
}

/** One page of `items` ordered by `keyOf`, starting after the cursor's key. */
export const paginate = <A>(
  items: ReadonlyArray<A>,
  keyOf: (item: A) => string,
  query: { readonly limit?: number; readonly cursor?: string },
): PageOf<A> => {
  const limit = query.limit ?? 50
  // The query was decoded with `PageQuery`, so the cursor is one of ours.
  const after = query.cursor === undefined ? undefined : cursorKey(query.cursor)
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
  const start = after === undefined ? 0 : sorted.findIndex((item) => keyOf(item) > after)
  const page = start === -1 ? [] : sorted.slice(start, start + limit)
  const last = page.at(-1)
  const more = start !== -1 && start + limit < sorted.length
  return more && last !== undefined ? { items: page, nextCursor: encodeCursor(keyOf(last)) } : { items: page }
}
