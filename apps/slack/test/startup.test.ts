import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackRoutes, startSocketMode } from "../src/slack-app/slack-app.js"
import { type SlackFake, startSlackFake } from "../src/testing/index.js"

let fake: SlackFake
beforeAll(async () => {
  fake = await startSlackFake()
})
afterAll(() => fake.close())

const unusedRuntime = {
  runPromise: () => Promise.reject(new Error("no listener should run while starting")),
}

describe("starting the Slack app", () => {
  it("builds the /slack/events routes without calling Slack (no auth.test)", () => {
    const routes = slackRoutes({
      signingSecret: "secret",
      botToken: fake.token,
      botId: "B0BOT",
      botUserId: "U0BOTUSER",
      apiUrl: fake.apiUrl,
      runtime: unusedRuntime,
    })
    expect(routes.routes.some((route) => route.method === "POST" && route.path === "/slack/events")).toBe(
      true,
    )
    expect(fake.calls).toEqual([])
  })

  it("builds the routes even when Slack cannot be reached at all", () => {
    expect(() =>
      slackRoutes({
        signingSecret: "secret",
        botToken: "xoxb-anything",
        botId: "B0BOT",
        botUserId: "U0BOTUSER",
        apiUrl: "http://127.0.0.1:9/api/",
        runtime: unusedRuntime,
      }),
    ).not.toThrow()
  })

  it("keeps running and retries when Socket Mode cannot connect", async () => {
    const logged: Array<string> = []
    const socket = startSocketMode({
      appToken: "xapp-1-not-the-right-token",
      botToken: fake.token,
      botId: "B0BOT",
      botUserId: "U0BOTUSER",
      apiUrl: fake.apiUrl,
      runtime: unusedRuntime,
      log: (_level, message) => logged.push(message),
    })
    await expect
      .poll(() => logged.some((line) => line.includes("could not connect; retrying")), { timeout: 5_000 })
      .toBe(true)
    expect(fake.calls.some((call) => call.method === "apps.connections.open")).toBe(true)
    await socket.stop()
  })
})
