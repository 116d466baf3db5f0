import { Schema } from "effect"

/** `?limit=&cursor=`: every list answers pages in a fixed order with an opaque cursor to the next one. */
export const PageQuery = {
  limit: Schema.optionalKey(
    Schema.FiniteFromString.pipe(
      Schema.check(Schema.isInt({ message: "must be a whole number" })),
      Schema.check(Schema.isBetween({ minimum: 1, maximum: 500 }, { message: "must be between 1 and 500" })),
    ),
  ),
  cursor: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isMaxLength(512)))),
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

const encodeCursor = (key: string): string => Buffer.from(key, "utf8").toString("base64url")
const decodeCursor = (cursor: string): string => Buffer.from(cursor, "base64url").toString("utf8")

/** One page of `items` ordered by `keyOf`, starting after the cursor's key. */
export const paginate = <A>(
  items: ReadonlyArray<A>,
  keyOf: (item: A) => string,
  query: { readonly limit?: number; readonly cursor?: string },
): PageOf<A> => {
  const limit = query.limit ?? 50
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0))
  const start = after === undefined ? 0 : sorted.findIndex((item) => keyOf(item) > after)
  const page = start === -1 ? [] : sorted.slice(start, start + limit)
  const last = page.at(-1)
  const more = start !== -1 && start + limit < sorted.length
  return more && last !== undefined ? { items: page, nextCursor: encodeCursor(keyOf(last)) } : { items: page }
}
