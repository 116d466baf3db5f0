import { Outbox, SlackLinks } from "@spridning/db"
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
import { announcementEventType, makeSlackChannelSender } from "../src/notifications/slack-channel.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
const office = cast.contactPerson
/** Chair of Jämlik vård: told when the group's channel is gone. */
const jamlikChair = { slackId: "U0MARIE", email: "marie.berg@regionskane.example" }

/** The test's clock: the dispatcher reads it, so Retry-After and leases pass without waiting. */
let clock = new Date()
const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000)
}

/** A dispatcher with the Slack sender; each call is a process of its own (its own memory). */
const startWorker = (workerId: string) =>
  kit.run(
    Effect.gen(function* () {
      const sender = yield* makeSlackChannelSender({
        client: makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }),
        identity: slackIdentity(
          { botToken: kit.fake.token },
          { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
        ),
        workerId,
      })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(
          DispatchSettings,
          makeDispatchSettings({ workerId, configuredChannels: new Set(["email", "slack"]) }),
        ),
      )
      return () => kit.run(withClock(() => clock)(dispatcher.runPass))
    }),
  )

const mapChannel = (themeGroupId: string, channelId: string) =>
  kit.run(
    SlackLinks.use((links) =>
      links.setThemeGroupChannel({ themeGroupId, teamId: kit.fake.teamId, channelId }, "test"),
    ),
  )

const publish = async (viewId: string, themeGroupId: string, title: string) => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: office.slackId,
      callbackId: "spridning_post",
      viewId,
      values: postValues({ themeGroupId, title, body: "Text", meetingDate: "2026-11-26" }),
    }),
  )
  expect(await response.json()).toEqual({ response_action: "clear" })
}

/** Attempts to post in a channel: answered ones (200) and refused ones (429) alike. */
const attemptsIn = (channel: string) =>
  kit.fake.calls.filter((call) => call.method === "chat.postMessage" && call.args.channel === channel)
const postsIn = (channel: string) => kit.fake.messages(channel).map((message) => String(message.text))

beforeAll(async () => {
  kit = await startSlackTestKit({
    adminEmails: [office.email],
    users: [{ id: jamlikChair.slackId, ...jamlikChair }],
  })
  for (const id of ["C0FYSISK", "C0PSYKISK", "C0BARN", "C0PRIMAR"])
    kit.fake.addChannel({ id, name: id.toLowerCase() })
}, 180_000)
afterAll(() => kit.close())

describe("each group channel on its own", () => {
  it("a 429 with Retry-After 30 holds back that channel only; it is posted once 30 s have passed", async () => {
    clock = new Date(Date.now() + 1000)
    await mapChannel("tg-fysisk-aktivitet", "C0FYSISK")
    await mapChannel("tg-psykisk-halsa", "C0PSYKISK")
    await publish("V0FYSISK", "tg-fysisk-aktivitet", "Fysisk aktivitet i november")
    await publish("V0PSYKISK", "tg-psykisk-halsa", "Psykisk hälsa i november")
    kit.fake.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 30 }, 1, "C0FYSISK")
    const pass = await startWorker("health-a")

    await pass()
    expect(attemptsIn("C0FYSISK").map((call) => call.status)).toEqual([429])
    expect(postsIn("C0FYSISK")).toEqual([])
    expect(postsIn("C0PSYKISK")).toHaveLength(1)

    advance(20)
    await pass()
    expect(attemptsIn("C0FYSISK")).toHaveLength(1)

    advance(11)
    await pass()
    expect(attemptsIn("C0FYSISK").map((call) => call.status)).toEqual([429, 200])
    expect(postsIn("C0FYSISK")).toHaveLength(1)
    expect(postsIn("C0FYSISK")[0]).toContain("Fysisk aktivitet i november")
    expect(postsIn("C0PSYKISK")).toHaveLength(1)
  })

  it("a channel that is gone is unlinked, its group's chair gets a DM, and other channels go on", async () => {
    clock = new Date(Date.now() + 1000)
    await mapChannel("tg-jamlik-vard", "C0BORTA")
    await mapChannel("tg-halsoframjande-primarvard", "C0PRIMAR")
    await publish("V0JAMLIK", "tg-jamlik-vard", "Jämlik vård i november")
    await publish("V0PRIMAR", "tg-halsoframjande-primarvard", "Primärvård i november")
    const pass = await startWorker("health-b")
    await pass()

    expect(postsIn("C0PRIMAR")).toHaveLength(1)
    expect(await kit.run(SlackLinks.use((links) => links.themeGroupChannel("tg-jamlik-vard")))).toBe(
      undefined,
    )
    const dm = kit.fake
      .messages("D0MARIE")
      .map((message) => String(message.text))
      .filter((text) => text.includes("finns inte längre"))
    expect(dm).toEqual([
      "Kanalen <#C0BORTA> för Jämlik vård finns inte längre i Slack (borttagen eller arkiverad), så gruppens nyheter publiceras inte där. Nätverkskansliet har fått veta det. Välj en ny kanal: skriv `/spridning kanal Jämlik vård` i den kanal som ska få nyheterna.",
    ])

    advance(120)
    await pass()
    expect(attemptsIn("C0BORTA")).toHaveLength(1)
  })
})

describe("a dispatcher that stops between claiming and posting", () => {
  it("its announcement is posted later by another dispatcher, once", async () => {
    clock = new Date(Date.now() + 1000)
    await mapChannel("tg-barn-och-unga", "C0BARN")
    await publish("V0BARN", "tg-barn-och-unga", "Barn och unga i november")
    // The stopped dispatcher took the announcement and never got to Slack.
    await kit.run(
      Outbox.use((outbox) =>
        outbox.claimAnnouncement({ updateId: "slack-V0BARN", slackChannelId: "C0BARN", workerId: "stopped" }),
      ),
    )
    const first = await startWorker("health-c")
    await first()
    expect(postsIn("C0BARN")).toEqual([])

    advance(3 * 60)
    await first()
    expect(postsIn("C0BARN")).toHaveLength(1)
    expect(kit.fake.messages("C0BARN")[0]?.metadata).toEqual({
      event_type: announcementEventType,
      event_payload: { update_id: "slack-V0BARN" },
    })

    advance(10 * 60)
    const second = await startWorker("health-d")
    await second()
    await first()
    expect(postsIn("C0BARN")).toHaveLength(1)
  })

  it("when it did post before stopping, the message found in the channel settles it: nothing twice", async () => {
    clock = new Date(Date.now() + 1000)
    await mapChannel("tg-matvanor", "C0MATVANOR")
    kit.fake.addChannel({ id: "C0MATVANOR", name: "hfs-matvanor" })
    await publish("V0MATVANOR", "tg-matvanor", "Matvanor i november")
    await kit.run(
      Outbox.use((outbox) =>
        outbox.claimAnnouncement({
          updateId: "slack-V0MATVANOR",
          slackChannelId: "C0MATVANOR",
          workerId: "stopped",
        }),
      ),
    )
    // What the stopped dispatcher posted before it could record it.
    await makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }).chat.postMessage({
      channel: "C0MATVANOR",
      text: "Matvanor i november",
      metadata: { event_type: announcementEventType, event_payload: { update_id: "slack-V0MATVANOR" } },
    })
    advance(3 * 60)
    const pass = await startWorker("health-e")
    await pass()
    await pass()
    expect(postsIn("C0MATVANOR")).toHaveLength(1)
  })
})
