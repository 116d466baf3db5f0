import { type EntityKind, NotFound } from "@spridning/core"
import { eq, gt, inArray, lt, type SQL } from "drizzle-orm"
import type { PgColumn } from "drizzle-orm/pg-core"
import { Option, Schema } from "effect"

/**
 * The columns carry core's branded ids, so rows leave this package branded. The repositories
 * still take ids as the text their callers hold (a path segment, a Slack action's value, a
 * cursor); these are where that text meets the columns.
 */

/**
 * A lookup compares text with text and claims no brand for the caller's string: an id that
 * names no row finds nothing.
 */
export const idIs = (column: PgColumn, id: string): SQL => eq(column, id)
export const idIn = (column: PgColumn, ids: ReadonlyArray<string>): SQL => inArray(column, [...ids])
export const idAfter = (column: PgColumn, id: string): SQL => gt(column, id)
export const idBefore = (column: PgColumn, id: string): SQL => lt(column, id)

/**
 * A write that refers to another record brands the caller's id with core's schema. The foreign
 * key then checks that it names a stored row; text that is not even an id names none, and fails
 * as the key would: `NotFound` of that entity.
 */
export const referenceTo = <A extends string>(entity: EntityKind, schema: Schema.Decoder<A>, id: string): A =>
  Option.getOrThrowWith(Schema.decodeUnknownOption(schema)(id), () => new NotFound({ entity, id }))
