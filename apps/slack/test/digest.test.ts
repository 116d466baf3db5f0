import { Organisation, Outbox } from "@spridning/db"
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
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

/** Slack-only people of the demo network in Norrbotten, outside Tobaksprevention. */
const weekly = {
  personId: "person-0007",
  slackId: "U0FREDRIK",
  email: "fredrik.eklund@regionnorrbotten.example",
}
const immediate = {
  personId: "person-0010",
  slackId: "U0MALIN",
  email: "malin.blomqvist@regionnorrbotten.example",
}

/** Wednesday of ISO week 48 2026; the week closes at midnight Sunday–Monday, Stockholm time (CET). */
let clock = new Date("2026-11-25T10:00:00Z")
const weekCloses = new Date("2026-11-29T23:00:00Z")

let kit: SlackTestKit
let runPass: Effect.Effect<{ readonly digests: number }, unknown, never>

beforeAll(async () => {
  kit = await startSlackTestKit({
    adminEmails: [cast.chair.email],
    users: [
      { id: weekly.slackId, email: weekly.email },
      { id: immediate.slackId, email: immediate.email },
    ],
    now: () => clock,
  })
  await kit.run(
    Organisation.use((organisation) =>
      Effect.all([
        organisation.follows.follow(
          { personId: weekly.personId as never, themeGroupId: "tg-tobak" as never, frequency: "weekly" },
          "test",
        ),
        organisation.follows.follow(
          {
            personId: immediate.personId as never,
            themeGroupId: "tg-tobak" as never,
            frequency: "immediate",
          },
          "test",
        ),
      ]),
    ),
  )
  runPass = await kit.run(
    Effect.gen(function* () {
      const client = makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl })
      const sender = yield* makeSlackChannelSender({
        client,
        identity: slackIdentity(
          { botToken: kit.fake.token },
          { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
        ),
        workerId: "digest-test",
        publicUrl: "https://spridning.example",
      })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(
          DispatchSettings,
          makeDispatchSettings({
            workerId: "digest-test",
            configuredChannels: new Set(["email", "slack"]),
            claimLimit: 500,
            random: () => 0.5,
          }),
        ),
      )
      return withClock(() => clock)(dispatcher.runPass)
    }),
  )
}, 180_000)
afterAll(() => kit.close())

const titles = ["Tobak: anteckningar 1", "Tobak: anteckningar 2", "Tobak: anteckningar 3"]

const publish = async (title: string, n: number) => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId: `V0DIGEST${n}`,
      values: postValues({
        themeGroupId: "tg-tobak",
        title,
        body: "Vad gruppen kom fram till.",
        meetingDate: "2026-11-24",
      }),
    }),
  )
  expect(await response.json()).toEqual({ response_action: "clear" })
}

const dmsTo = (slackId: string) =>
  kit.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === slackId)

const deliveriesOf = async (personId: string) =>
  (
    await kit.run(
      Effect.forEach([1, 2, 3], (n) => Outbox.use((outbox) => outbox.forUpdate(`slack-V0DIGEST${n}`))),
    )
  )
    .flat()
    .filter((delivery) => delivery.personId === personId && delivery.channel === "slack")

describe("Slack digests", () => {
  it("sends a weekly follower one DM with the week's three updates when the week closes, and an immediate follower three DMs at once", async () => {
    for (const [n, title] of titles.entries()) {
      clock = new Date(`2026-11-2${5 + n}T10:00:00Z`)
      await publish(title, n + 1)
      await kit.run(runPass)
    }
    expect(dmsTo(immediate.slackId)).toHaveLength(3)
    expect(dmsTo(weekly.slackId)).toHaveLength(0)
    expect((await deliveriesOf(weekly.personId)).map((d) => d.state)).toEqual(["held", "held", "held"])

    clock = new Date(weekCloses.getTime() - 60_000)
    await kit.run(runPass)
    expect(dmsTo(weekly.slackId)).toHaveLength(0)

    clock = weekCloses
    await kit.run(runPass)
    await kit.run(runPass)
    const digests = dmsTo(weekly.slackId)
    expect(digests).toHaveLength(1)
    const digest = digests[0]
    const shown = JSON.stringify(digest?.args.blocks)
    expect(digest?.args.text).toBe("Veckans sammanfattning: 3 uppdateringar")
    for (const title of titles) expect(shown).toContain(title)
    expect(shown).toContain(
      "Du får detta eftersom du följer Tobaksprevention och valt en sammanfattning i veckan",
    )
    // Each item: Läst, Omsatt i handling, and Öppna linking the update's page.
    expect(shown.match(/"action_id":"receipt_read"/g)).toHaveLength(3)
    expect(shown.match(/"action_id":"receipt_acted"/g)).toHaveLength(3)
    expect(shown).toContain('"url":"https://spridning.example/v1/updates/slack-V0DIGEST2"')

    const mine = await deliveriesOf(weekly.personId)
    expect(mine.map((d) => d.state)).toEqual(["sent", "sent", "sent"])
    expect(new Set(mine.map((d) => d.providerMessageId)).size).toBe(1)
    expect(digest?.args.metadata).toEqual({
      event_type: "spridning_digest",
      event_payload: { delivery_ids: mine.map((d) => d.id).join(","), period_key: "weekly:2026-W48" },
    })
  })

  it("marks one item of a digest when its button is clicked, and keeps the other items", async () => {
    const digest = dmsTo(weekly.slackId)[0]
    const blocks = digest?.args.blocks as ReadonlyArray<Record<string, unknown>>
    const click = buttonClickPayload({
      teamId: kit.fake.teamId,
      userId: weekly.slackId,
      actionId: "receipt_read",
      value: "slack-V0DIGEST2",
      channelId: "D0FREDRIK",
      messageTs: "1764457200.000100",
    })
    const response = await kit.interact({
      ...click,
      message: { type: "message", ts: "1764457200.000100", text: digest?.args.text, blocks },
      actions: [
        {
          type: "button",
          action_id: "receipt_read",
          block_id: "digest-slack-V0DIGEST2",
          value: "slack-V0DIGEST2",
          action_ts: "1764457300.000100",
        },
      ],
    })
    expect(response.status).toBe(200)
    const updated = kit.fake.callsTo("chat.update").at(-1)
    expect(updated?.args.channel).toBe("D0FREDRIK")
    const shown = JSON.stringify(updated?.args.blocks)
    for (const title of titles) expect(shown).toContain(title)
    expect(shown.match(/Markerat: Läst/g)).toHaveLength(1)
    const blockIds = ((updated?.args.blocks ?? []) as ReadonlyArray<{ block_id?: string }>).map(
      (block) => block.block_id,
    )
    expect(blockIds).toContain("digest-done-slack-V0DIGEST2")
  })
})
