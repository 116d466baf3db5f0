import { Schema } from "effect"

/** The kinds of thing an id can point at. */
export const EntityKind = Schema.Literals([
  "healthcareRegion",
  "region",
  "orgUnit",
  "themeGroup",
  "person",
  "roleAssignment",
  "regionalBody",
  "reportingRule",
  "update",
  "delivery",
  "proposal",
  "apiToken",
])
export type EntityKind = typeof EntityKind.Type

/** An id that names nothing in the network. */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  entity: EntityKind,
  id: Schema.String,
}) {
  override get message(): string {
    return `No ${this.entity} with id "${this.id}"`
  }
}
