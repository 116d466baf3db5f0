import { SlackLinks } from "@spridning/db"
import {
  ChannelSenders,
  DispatchSettings,
  makeDispatcher,
  makeDispatchSettings,
  withClock,
} from "@spridning/dispatch"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackIdentity } from "../src/config/slack-identity.js"
import { makeSlackChannelSender } from "../src/notifications/slack-channel.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit

const makeWorker = () =>
  kit.run(
    Effect.gen(function* () {
      const client = makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl })
      const sender = yield* makeSlackChannelSender({
        client,
        // All three ids given: Slack's auth.test is never asked.
        identity: slackIdentity(
          { botToken: kit.fake.token },
          { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
        ),
        workerId: "channels",
      })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(
          DispatchSettings,
          makeDispatchSettings({ workerId: "channels", configuredChannels: new Set(["email", "slack"]) }),
        ),
      )
      return withClock(() => new Date())(dispatcher.runPass)
    }),
  )

let runPass: Awaited<ReturnType<typeof makeWorker>>

const mapChannel = (themeGroupId: string, channelId: string) =>
  kit.run(
    SlackLinks.use((links) =>
      links.setThemeGroupChannel({ themeGroupId, teamId: kit.fake.teamId, channelId }, "test"),
    ),
  )

const publish = async (slackId: string, viewId: string, themeGroupId: string, title: string) => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: slackId,
      callbackId: "spridning_post",
      viewId,
      values: postValues({ themeGroupId, title, body: "Text", meetingDate: "2026-11-26" }),
    }),
  )
  expect(await response.json()).toEqual({ response_action: "clear" })
}

const postsIn = (channel: string) =>
  kit.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args.channel === channel)

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
  kit.fake.addChannel({ id: "C0ALKOHOL", name: "hfs-alkohol" })
  runPass = await makeWorker()
}, 180_000)
afterAll(() => kit.close())

describe("theme-group channels", () => {
  it("a region-limited update never reaches the group's channel (it goes to the region's people)", async () => {
    await mapChannel("tg-alkohol", "C0ALKOHOL")
    await publish(cast.processLeader.slackId, "V0SKANEONLY", "tg-alkohol", "Bara Skåne")
    await kit.run(runPass)
    expect(postsIn("C0ALKOHOL")).toHaveLength(0)
    const dms = kit.fake
      .callsTo("chat.postMessage")
      .filter((call) => String(call.args.text).includes("Bara Skåne"))
    expect(dms.length).toBeGreaterThan(0)
  })

  it("a channel that is gone does not block another group's channel, and is not tried again", async () => {
    await mapChannel("tg-matvanor", "C0GONE")
    await mapChannel("tg-tobak", "C0TOBAK")
    await publish(cast.chair.slackId, "V0GONE1", "tg-matvanor", "Till en borttagen kanal")
    await publish(cast.chair.slackId, "V0TOBAK1", "tg-tobak", "Till tobakskanalen")
    await kit.run(runPass)
    expect(postsIn("C0GONE")).toHaveLength(1)
    const tobak = postsIn("C0TOBAK")
    expect(tobak).toHaveLength(1)
    expect(String(tobak[0]?.args.text)).toContain("Till tobakskanalen")
    await kit.run(runPass)
    expect(postsIn("C0GONE")).toHaveLength(1)
  })
})
