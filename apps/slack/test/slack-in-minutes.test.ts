import { layerPglite, layerRepositories } from "@spridning/db"
import { ConfigProvider, Effect, Layer, ManagedRuntime, Option } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackConfig, slackSettings } from "../src/config/slack-config.js"
import { slackIdentity, whenIdentified } from "../src/config/slack-identity.js"
import { slackRoutes } from "../src/slack-app/slack-app.js"
import { type SlackFake, signedRequest, slashCommandBody, startSlackFake } from "../src/testing/index.js"

const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"
let fake: SlackFake
const runtime = ManagedRuntime.make(layerRepositories.pipe(Layer.provideMerge(layerPglite())))
beforeAll(async () => {
  fake = await startSlackFake({ users: [{ id: "U0NEW", email: "ny@example.se" }] })
})
afterAll(async () => {
  await fake.close()
  await runtime.dispose()
})

const command = async (routes: ReturnType<typeof slackRoutes>, text: string, teamId: string) => {
  const response = await routes.request(
    "/slack/events",
    signedRequest(
      slashCommandBody({ text, userId: "U0NEW", teamId, responseUrl: fake.responseUrl() }),
      "application/x-www-form-urlencoded",
      { signingSecret },
    ),
  )
  const raw = await response.text()
  return { status: response.status, text: raw }
}

describe("Slack with only the signing secret and the bot token", () => {
  it("reads a configuration without any ids", async () => {
    const config = await Effect.runPromise(
      slackConfig.parse(
        ConfigProvider.fromEnv({ env: { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: "xoxb-1" } }),
      ),
    )
    expect([config.botId, config.botUserId, config.teamId]).toEqual([
      Option.none(),
      Option.none(),
      Option.none(),
    ])
  })

  it("asks auth.test when first needed, once, and answers commands", async () => {
    fake.reset()
    const config = await Effect.runPromise(
      slackConfig.parse(
        ConfigProvider.fromEnv({
          env: {
            SLACK_SIGNING_SECRET: signingSecret,
            SLACK_BOT_TOKEN: fake.token,
            SLACK_API_URL: fake.apiUrl,
          },
        }),
      ),
    )
    const settings = slackSettings(config)
    const routes = slackRoutes({
      ...settings,
      runtime,
      processBeforeResponse: true,
      // A busy test machine must not turn the answer into "one moment" (production: 2 s).
      answerWithinMillis: 100_000,
      log: () => undefined,
    })
    expect(fake.callsTo("auth.test")).toEqual([])
    const first = await command(routes, "hjälp", fake.teamId)
    const second = await command(routes, "help", fake.teamId)
    expect([first.status, second.status]).toEqual([200, 200])
    expect(first.text).toContain("Spridning i Slack")
    expect(second.text).toContain("Spridning in Slack")
    expect(fake.callsTo("auth.test").length).toBe(1)
    expect(await settings.identity.get()).toEqual({
      botId: "B0BOT",
      botUserId: "U0BOTUSER",
      teamId: fake.teamId,
    })
    expect(fake.callsTo("auth.test").length).toBe(1)
    // The first command starts the database behind the routes: slow on a busy machine.
  }, 120_000)

  it("answers /spridning hjälp when Slack's Web API cannot be reached at all", async () => {
    const routes = slackRoutes({
      signingSecret,
      botToken: "xoxb-anything",
      apiUrl: "http://127.0.0.1:9/api/",
      runtime,
      processBeforeResponse: true,
      answerWithinMillis: 100_000,
      log: () => undefined,
    })
    const answer = await command(routes, "hjälp", "T0ANY")
    expect(answer.status).toBe(200)
    expect(answer.text).toContain("Spridning i Slack")
    expect(answer.text).toContain("/spridning täckning")
  }, 120_000)

  it("does not keep a failed auth.test, and starts the worker once Slack answers", async () => {
    fake.reset()
    fake.failNext("auth.test", { status: 503 })
    const identity = slackIdentity({ botToken: fake.token, apiUrl: fake.apiUrl })
    await expect(identity.get()).rejects.toMatchObject({ _tag: "SlackCallFailed", kind: "unavailable" })
    expect(await identity.get()).toEqual({ botId: "B0BOT", botUserId: "U0BOTUSER", teamId: fake.teamId })
    await identity.get()
    expect(fake.calls.filter((call) => call.method === "auth.test").map((call) => call.status)).toEqual([
      503, 200,
    ])

    fake.reset()
    fake.failNext("auth.test", { status: 503 })
    const started: Array<string> = []
    const warned: Array<string> = []
    const worker = whenIdentified(
      slackIdentity({ botToken: fake.token, apiUrl: fake.apiUrl }),
      (_level, message) => warned.push(message),
      ({ teamId }) => {
        started.push(teamId)
        return { stop: async () => undefined }
      },
    )
    await expect.poll(() => started, { timeout: 5_000 }).toEqual([fake.teamId])
    expect(warned).toEqual([
      "Slack's auth.test failed; Slack deliveries start once it answers (next try in 1000 ms)",
    ])
    await worker.stop()
  })

  it("never asks Slack when all three ids are given", async () => {
    fake.reset()
    const identity = slackIdentity(
      { botToken: fake.token, apiUrl: fake.apiUrl },
      { botId: "B1", botUserId: "U1", teamId: "T1" },
    )
    expect(await identity.get()).toEqual({ botId: "B1", botUserId: "U1", teamId: "T1" })
    expect(fake.calls).toEqual([])
  })
})
