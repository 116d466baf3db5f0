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
import { slashCommandBody, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import {
  type CommandAnswer,
  cast,
  type SlackTestKit,
  startSlackTestKit,
  visibleText,
} from "./support/slack-test-kit.js"

let kit: SlackTestKit
/** The network office in these specs. */
const office = cast.contactPerson

const inChannel = async (slackId: string, channelId: string, text: string) => {
  const response = await kit.send(
    slashCommandBody({
      text,
      userId: slackId,
      teamId: kit.fake.teamId,
      channelId,
      responseUrl: kit.fake.responseUrl(),
    }),
    "application/x-www-form-urlencoded",
  )
  return visibleText((await response.json()) as CommandAnswer)
}

const linkedChannel = (themeGroupId: string) =>
  kit.run(SlackLinks.use((links) => links.themeGroupChannel(themeGroupId))).then((link) => link?.channelId)

/** A fresh dispatcher with the Slack sender, as a newly started process has. */
const dispatcherPass = () =>
  kit.run(
    Effect.gen(function* () {
      const sender = yield* makeSlackChannelSender({
        client: makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }),
        identity: slackIdentity(
          { botToken: kit.fake.token },
          { botId: "B0", botUserId: "U0", teamId: kit.fake.teamId },
        ),
        workerId: "kanal",
      })
      const dispatcher = yield* makeDispatcher.pipe(
        Effect.provideService(ChannelSenders, [sender]),
        Effect.provideService(
          DispatchSettings,
          makeDispatchSettings({ workerId: "kanal", configuredChannels: new Set(["email", "slack"]) }),
        ),
      )
      return yield* withClock(() => new Date())(dispatcher.runPass)
    }),
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

const postsIn = (channel: string) => kit.fake.messages(channel).map((message) => String(message.text))

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [office.email] })
  for (const [id, name] of [
    ["C0ARBETE", "hfs-arbetsplats"],
    ["C0ARBETE2", "hfs-arbetsplats-ny"],
    ["C0PROM", "hfs-prom"],
  ] as const)
    kit.fake.addChannel({ id, name })
}, 180_000)
afterAll(() => kit.close())

describe("/spridning kanal <grupp>", () => {
  it("refuses a participant with core's words, naming who may choose the channel", async () => {
    const answer = await inChannel(cast.participant.slackId, "C0ARBETE", "kanal tobak")
    expect(answer).toContain(
      "Bara nätverkskansliet och ordföranden i Tobaksprevention kan välja gruppens kanal i Slack. Be kansliet om hjälp.",
    )
    expect(await linkedChannel("tg-tobak")).toBe(undefined)
  })

  it("refuses a region's process leader: a group channel speaks to the whole group", async () => {
    const answer = await inChannel(cast.processLeader.slackId, "C0ARBETE", "kanal tobak")
    expect(answer).toContain(
      "Bara nätverkskansliet och ordföranden i Tobaksprevention kan välja gruppens kanal",
    )
    expect(await linkedChannel("tg-tobak")).toBe(undefined)
  })

  it("tells a chair, in his English, that he may choose his own group's channel only", async () => {
    const answer = await inChannel(cast.chair.slackId, "C0ARBETE", "channel tobacco")
    expect(answer).toContain(
      "Only the network office and the chair of Tobaksprevention can choose the group's Slack channel. You can choose the channel of Hälsofrämjande arbetsplats.",
    )
  })

  it("links the chair's group to the channel it is typed in, posting nothing old; what comes later is posted once", async () => {
    await publish(cast.chair.slackId, "V0ARBETEOLD", "tg-halsoframjande-arbetsplats", "Gamla anteckningar")
    const answer = await inChannel(cast.chair.slackId, "C0ARBETE", "channel arbetsplats")
    expect(answer).toContain(
      "Done: new updates of *Hälsofrämjande arbetsplats* are now posted in this channel",
    )
    expect(answer).toContain("Nothing already published is posted.")
    expect(answer).toContain("`/spridning channel Hälsofrämjande arbetsplats --history`")
    expect(await linkedChannel("tg-halsoframjande-arbetsplats")).toBe("C0ARBETE")

    await dispatcherPass()
    expect(postsIn("C0ARBETE")).toEqual([])

    await publish(cast.chair.slackId, "V0ARBETENEW", "tg-halsoframjande-arbetsplats", "Nya anteckningar")
    await dispatcherPass()
    await dispatcherPass()
    expect(postsIn("C0ARBETE")).toHaveLength(1)
    expect(postsIn("C0ARBETE")[0]).toContain("Nya anteckningar")
  })

  it("without a group, says which group the channel gets, or how to link one", async () => {
    expect(await inChannel(cast.participant.slackId, "C0ARBETE", "kanal")).toContain(
      "Den här kanalen får nyheterna från *Hälsofrämjande arbetsplats*",
    )
    expect(await inChannel(cast.participant.slackId, "C0PROM", "kanal")).toContain(
      "Den här kanalen är inte kopplad till någon temagrupp.",
    )
  })

  it("will not give one channel two groups, and moves a group to a new channel when asked", async () => {
    const taken = await inChannel(office.slackId, "C0ARBETE", "kanal prom")
    expect(taken).toContain("Den här kanalen får redan nyheterna från *Hälsofrämjande arbetsplats*")
    expect(await linkedChannel("tg-prom")).toBe(undefined)

    const moved = await inChannel(cast.chair.slackId, "C0ARBETE2", "channel arbetsplats")
    expect(moved).toContain("The group's updates went to <#C0ARBETE> before; now they come here only.")
    expect(await linkedChannel("tg-halsoframjande-arbetsplats")).toBe("C0ARBETE2")
  })

  it("is in the help, and the help's examples work as written", async () => {
    const help = await inChannel(office.slackId, "C0GENERAL", "hjälp")
    expect(help).toContain(
      "`/spridning kanal tobak` – skrivet i en kanal: Tobakspreventions nyheter publiceras där",
    )
    expect(help).toContain("`--historik`")
    const english = await inChannel(cast.chair.slackId, "C0GENERAL", "help")
    expect(english).toContain("`/spridning channel tobacco` – typed in a channel")
    expect(await inChannel(office.slackId, "C0TOBAK", "kanal tobak")).toContain(
      "Klart: nya nyheter från *Tobaksprevention* publiceras nu i den här kanalen",
    )
    expect(await linkedChannel("tg-tobak")).toBe("C0TOBAK")
  })

  it("in a direct message, asks for the channel instead", async () => {
    expect(await inChannel(office.slackId, "D0OFFICE", "kanal tobak")).toContain(
      "Skriv `/spridning kanal <temagrupp>` i den kanal som ska få gruppens nyheter.",
    )
  })

  it("with --historik, the office gets the last two days' updates posted too, oldest first", async () => {
    await publish(office.slackId, "V0PROM1", "tg-prom", "PROM första")
    await publish(office.slackId, "V0PROM2", "tg-prom", "PROM andra")
    const answer = await inChannel(office.slackId, "C0PROM", "kanal prom --historik")
    expect(answer).toContain("Klart: nya nyheter från *PROM* publiceras nu i den här kanalen")
    expect(answer).toContain("Gruppens nyheter från de senaste två dygnen läggs också ut här")
    await dispatcherPass()
    await dispatcherPass()
    const posts = postsIn("C0PROM")
    expect(posts).toHaveLength(2)
    expect(posts[0]).toContain("PROM första")
    expect(posts[1]).toContain("PROM andra")
  })
})
