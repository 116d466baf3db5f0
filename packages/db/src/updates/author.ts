import { type AnyColumn, type SQL, sql } from "drizzle-orm"
import { slackUserLinks } from "../schema/index.js"

/**
 * The actor a Slack user writes as (`slack:<team>/<user>`, as the Slack app names its
 * people), computed from a link row.
 */
export const slackActorOfLink: SQL<string> = sql<string>`'slack:' || ${slackUserLinks.slackTeamId} || '/' || ${slackUserLinks.slackUserId}`

const officeActorPrefix = "office:"

/** The actor a person signed in to the office workspace writes as (`office:<person id>`). */
export const officeActor = (personId: string): string => `${officeActorPrefix}${personId}`

/** The person behind an office actor, or undefined for any other actor. */
export const personOfOfficeActor = (actor: string): string | undefined =>
  actor.startsWith(officeActorPrefix) ? actor.slice(officeActorPrefix.length) : undefined

/**
 * Who published an update, as a person when a person did: a Slack user's actor through their
 * link, an office actor's person, otherwise `createdBy` as stored (a person's id, or a token's
 * name). The author is not sent their own update and is not counted in its funnel.
 */
export const authorOf = (createdBy: AnyColumn): SQL<string> =>
  sql<string>`coalesce((select ${slackUserLinks.personId} from ${slackUserLinks} where ${slackActorOfLink} = ${createdBy} limit 1), case when ${createdBy} like ${`${officeActorPrefix}%`} then substr(${createdBy}, ${officeActorPrefix.length + 1}) end, ${createdBy})`
