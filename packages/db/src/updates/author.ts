import { type AnyColumn, type SQL, sql } from "drizzle-orm"
import { slackUserLinks } from "../schema/index.js"

/**
 * The actor a Slack user writes as (`slack:<team>/<user>`, as the Slack app names its
 * people), computed from a link row.
 */
export const slackActorOfLink: SQL<string> = sql<string>`'slack:' || ${slackUserLinks.slackTeamId} || '/' || ${slackUserLinks.slackUserId}`

/**
 * Who published an update, as a person when a person did: a Slack user's actor through their
 * link, otherwise `createdBy` as stored (a person's id, or a token's name). The author is not
 * sent their own update and is not counted in its funnel.
 */
export const authorOf = (createdBy: AnyColumn): SQL<string> =>
  sql<string>`coalesce((select ${slackUserLinks.personId} from ${slackUserLinks} where ${slackActorOfLink} = ${createdBy} limit 1), ${createdBy})`
