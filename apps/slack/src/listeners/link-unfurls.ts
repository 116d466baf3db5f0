import type { App } from "@slack/bolt"
import { isOnPublicSite } from "@spridning/core"
import { Organisation, Updates } from "@spridning/db"
import { Effect } from "effect"
import { slackCall } from "../slack-api/slack-call.js"
import type { SlackAppDeps } from "../slack-app/deps.js"
import { groupUnfurl, type Unfurl, updateUnfurl } from "../views/unfurl.js"

/** The public page a link points at, when it is on Spridning's public address. */
const publicPage = (
  publicUrl: string,
  url: string,
): { readonly page: "update" | "group"; readonly id: string } | undefined => {
  let base: URL
  let link: URL
  try {
    base = new URL(publicUrl)
    link = new URL(url)
  } catch {
    return undefined
  }
  if (link.host !== base.host) return undefined
  const prefix = base.pathname.replace(/\/$/, "")
  const match = /^\/(uppdateringar|grupper)\/([^/?#]+)\/?$/.exec(link.pathname.slice(prefix.length))
  if (match === null || !link.pathname.startsWith(prefix)) return undefined
  return { page: match[1] === "grupper" ? "group" : "update", id: decodeURIComponent(match[2] ?? "") }
}

/** The card for one link; nothing unless the public site shows it (core's rule). */
const unfurlOf = (publicUrl: string, url: string) =>
  Effect.gen(function* () {
    const page = publicPage(publicUrl, url)
    if (page === undefined) return undefined
    const organisation = yield* Organisation
    const group = (id: string | undefined) =>
      id === undefined
        ? Effect.succeed(undefined)
        : organisation.themeGroups.get(id).pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
    if (page.page === "group") {
      const found = yield* group(page.id)
      return found === undefined ? undefined : groupUnfurl(found, url)
    }
    const update = yield* (yield* Updates)
      .get(page.id)
      .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
    if (update === undefined || !isOnPublicSite(update)) return undefined
    return updateUnfurl(update, yield* group(update.themeGroupId), url)
  })

/** Links to Spridning's public pages posted in Slack get a short card (`chat.unfurl`). */
export const registerLinkUnfurls = (app: App, deps: SlackAppDeps): void => {
  app.event("link_shared", async ({ event, client }) => {
    await deps.runtime.runPromise(
      Effect.gen(function* () {
        const unfurls: Record<string, Unfurl> = {}
        for (const link of event.links) {
          const card = yield* unfurlOf(deps.publicUrl, link.url)
          if (card !== undefined) unfurls[link.url] = card
        }
        if (Object.keys(unfurls).length === 0) return
        yield* slackCall("chat.unfurl", () =>
          client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls: unfurls as never }),
        )
      }).pipe(Effect.catch((error) => Effect.sync(() => deps.log("error", "Link unfurl failed", error)))),
    )
  })
}
