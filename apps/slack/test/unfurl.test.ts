import { planDissemination } from "@spridning/core"
import { type NewUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit({ now: () => new Date("2026-11-25T09:00:00Z") })
}, 180_000)
afterAll(() => kit.close())

const publish = (update: NewUpdate) =>
  kit.run(
    Effect.gen(function* () {
      const plan = yield* planDissemination(kit.network, { ...update, kind: update.details.kind } as never)
      return yield* (yield* Updates).publish(update, plan, "test", new Date("2026-11-20T09:00:00Z"))
    }),
  )

let counter = 0
/** Posts a message with these links and returns the chat.unfurl calls Slack got for it. */
const share = async (...urls: ReadonlyArray<string>) => {
  counter += 1
  const ts = `1700000100.00${counter}`
  const response = await kit.event(`Ev0UNFURL${counter}`, {
    type: "link_shared",
    channel: "C0LINKS",
    user: cast.chair.slackId,
    message_ts: ts,
    links: urls.map((url) => ({ url, domain: new URL(url).hostname })),
    event_ts: ts,
  })
  expect(response.status).toBe(200)
  return kit.fake.callsTo("chat.unfurl").filter((call) => call.args.ts === ts)
}

describe("link unfurls", () => {
  it("a public update's link gets one card with its title; a group's link its name; network-only and other sites none", async () => {
    await publish({
      id: "update-unfurl-public",
      themeGroupId: "tg-prom",
      title: "PROM-enkäten är klar",
      body: "Enkäten finns nu på webben för alla regioner.",
      audience: { scope: "public" },
      details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
    } as never)
    await publish({
      id: "update-unfurl-network",
      themeGroupId: "tg-prom",
      title: "Bara för nätverket",
      body: "Internt.",
      audience: { scope: "network" },
      details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
    } as never)

    const publicLink = "http://localhost:3000/uppdateringar/update-unfurl-public"
    const updateCalls = await share(publicLink)
    expect(updateCalls).toHaveLength(1)
    expect(updateCalls[0]?.args.channel).toBe("C0LINKS")
    expect(JSON.stringify(updateCalls[0]?.args.unfurls)).toContain("PROM-enkäten är klar")
    expect(JSON.stringify(updateCalls[0]?.args.unfurls)).toContain("Läs mer")
    expect(JSON.stringify(updateCalls[0]?.args.unfurls)).toContain(
      "PROM · Minnesanteckningar · 20 november 2026",
    )

    const groupCalls = await share("http://localhost:3000/grupper/tg-prom")
    expect(groupCalls).toHaveLength(1)
    expect(JSON.stringify(groupCalls[0]?.args.unfurls)).toContain("*PROM*")
    expect(JSON.stringify(groupCalls[0]?.args.unfurls)).toContain(
      "Patientrapporterade utfallsmått för levnadsvanor",
    )

    expect(await share("http://localhost:3000/uppdateringar/update-unfurl-network")).toHaveLength(0)
    expect(await share("http://localhost:3000/uppdateringar/finns-inte")).toHaveLength(0)
    expect(await share("https://example.org/uppdateringar/update-unfurl-public")).toHaveLength(0)
  })
})
