/**
 * How fast the Slack app answers, against PGlite with the demo network and the local Slack
 * fake: slash commands end to end (signature check, person lookup, network load, core rule,
 * Block Kit), receipt clicks, and the dispatcher's Slack throughput. Prints figures; asserts nothing.
 */
import { performance } from "node:perf_hooks"
import { Outbox } from "@spridning/db"
import { ChannelSenders, DispatchSettings, makeDispatcher, makeDispatchSettings } from "@spridning/dispatch"
import { Effect } from "effect"
import { makeSlackChannelSender } from "../src/notifications/slack-channel.js"
import { makeWebClient } from "../src/slack-api/slack-call.js"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "../test/support/post-values.js"
import { cast, startSlackTestKit } from "../test/support/slack-test-kit.js"

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

const measure = async (label: string, times: number, run: (i: number) => Promise<unknown>) => {
  const durations: Array<number> = []
  for (let i = 0; i < times; i += 1) {
    const start = performance.now()
    await run(i)
    durations.push(performance.now() - start)
  }
  durations.sort((a, b) => a - b)
  console.log(
    `${label.padEnd(44)} n=${times}  p50=${percentile(durations, 50).toFixed(1)} ms  p95=${percentile(durations, 95).toFixed(1)} ms  max=${(durations.at(-1) ?? 0).toFixed(1)} ms`,
  )
}

const kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
const runs = Number(process.env.BENCH_RUNS ?? 100)

await measure("/spridning hjälp", runs, () => kit.command(cast.participant.slackId, "hjälp"))
await measure("/spridning täckning Skåne", runs, () =>
  kit.command(cast.participant.slackId, "täckning Skåne"),
)
await measure("/spridning täckning (whole network)", runs, () =>
  kit.command(cast.participant.slackId, "täckning"),
)
await measure("/spridning vem Karl Henriksson", runs, () =>
  kit.command(cast.participant.slackId, "vem Karl Henriksson"),
)
await measure("/spridning sammanfattning", runs, () =>
  kit.command(cast.participant.slackId, "sammanfattning"),
)
await measure("modal submission → publish to Tobaksprevention", Math.min(runs, 20), (i) =>
  kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId: `V0BENCH${i}`,
      values: postValues({
        themeGroupId: "tg-tobak",
        title: `Bench ${i}`,
        body: "…",
        meetingDate: "2026-11-12",
      }),
    }),
  ),
)
await measure("receipt click (Läst) in a DM", runs, () =>
  kit.interact(
    buttonClickPayload({
      teamId: kit.fake.teamId,
      userId: cast.participant.slackId,
      actionId: "receipt_read",
      value: "slack-V0BENCH0",
      channelId: "D0HELENA",
      messageTs: "1700000001.000200",
    }),
  ),
)

const pending = (await kit.run(Outbox.use((outbox) => outbox.counts()))).pending
const dispatcher = await kit.run(
  Effect.gen(function* () {
    const sender = yield* makeSlackChannelSender({
      client: makeWebClient({ botToken: kit.fake.token, apiUrl: kit.fake.apiUrl }),
      teamId: kit.fake.teamId,
      workerId: "bench",
    })
    return yield* makeDispatcher.pipe(
      Effect.provideService(ChannelSenders, [sender]),
      Effect.provideService(
        DispatchSettings,
        makeDispatchSettings({
          workerId: "bench",
          configuredChannels: new Set(["email", "slack"]),
          claimLimit: 200,
        }),
      ),
    )
  }),
)
// Only the cast has Slack accounts in the fake, so give everyone else one too: a realistic workspace.
for (const person of kit.network.people)
  kit.fake.addUser({ id: `U${person.id.replace(/\D/g, "")}X`, email: person.email })
const start = performance.now()
let sent = 0
for (;;) {
  const report = await kit.run(dispatcher.runPass)
  sent += report.sent
  if (report.claimed === 0) break
}
const seconds = (performance.now() - start) / 1000
console.log(
  `dispatcher (Slack): ${sent} DMs sent (of ${pending} pending deliveries, all channels) in ${seconds.toFixed(2)} s = ${(sent / seconds).toFixed(0)} DMs/s`,
)
await kit.close()
