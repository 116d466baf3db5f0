import { DeliveryQueries, Outbox } from "@spridning/db"
import { ChannelSenders, DispatchSettings, makeDispatcher, makeDispatchSettings } from "@spridning/dispatch"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackIdentity } from "../src/config/slack-identity.js"
import { makeSlackChannelSender } from "../src/notifications/slack-channel.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [] })
}, 180_000)
afterAll(() => kit.close())

describe("the author of an update published from Slack", () => {
  it("is not sent their own update, and is not in its funnel", async () => {
    // Håkan chairs Hälsofrämjande arbetsplats and sits in it: its notes would reach him too.
    const response = await kit.interact(
      viewSubmissionPayload({
        teamId: kit.fake.teamId,
        userId: cast.chair.slackId,
        callbackId: "spridning_post",
        viewId: "V0AUTHOR",
        values: postValues({
          themeGroupId: "tg-halsoframjande-arbetsplats",
          title: "Arbetsplatsgruppens anteckningar",
          body: "Vad vi kom fram till.",
          meetingDate: "2026-11-24",
        }),
      }),
    )
    expect(await response.json()).toEqual({ response_action: "clear" })
    await kit.run(
      Effect.gen(function* () {
        const sender = yield* makeSlackChannelSender({
          client: makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }),
          identity: slackIdentity(
            { botToken: kit.fake.token },
            { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
          ),
          workerId: "author-test",
        })
        const dispatcher = yield* makeDispatcher.pipe(
          Effect.provideService(ChannelSenders, [sender]),
          Effect.provideService(
            DispatchSettings,
            makeDispatchSettings({
              workerId: "author-test",
              configuredChannels: new Set(["email", "slack"]),
            }),
          ),
        )
        yield* dispatcher.runPass
      }),
    )
    const dms = kit.fake
      .callsTo("chat.postMessage")
      .filter((call) => call.args.channel === cast.chair.slackId)
    // He gets the confirmation of what he published, and not the update itself.
    expect(dms).toHaveLength(1)
    expect(dms[0]?.args.metadata).toBeUndefined()
    expect(String(dms[0]?.args.text)).not.toContain("Meeting notes from")
    const his = (await kit.run(Outbox.use((outbox) => outbox.forUpdate("slack-V0AUTHOR")))).filter(
      (delivery) => delivery.personId === cast.chair.personId,
    )
    // This dispatcher sends Slack only; his mail copy waits for the mail dispatcher.
    expect(his.map((delivery) => [delivery.channel, delivery.state]).sort()).toEqual([
      ["email", "pending"],
      ["slack", "suppressed"],
    ])
    expect(his.find((delivery) => delivery.channel === "slack")?.lastError).toBe(
      "Personen publicerade själv nyheten.",
    )
    const rows = await kit.run(DeliveryQueries.use((queries) => queries.funnelRowsOfUpdate("slack-V0AUTHOR")))
    expect(new Set(rows.map((row) => row.publishedBy))).toEqual(new Set([cast.chair.personId]))
  })
})
