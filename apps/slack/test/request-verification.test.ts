import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { slackRoutes } from "../src/slack-app/slack-app.js"
import { signedRequest, signSlackBody, slashCommandBody } from "../src/testing/index.js"
import {
  type CommandAnswer,
  cast,
  type SlackTestKit,
  signingSecret,
  startSlackTestKit,
  visibleText,
} from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit()
}, 180_000)
afterAll(() => kit.close())

const nowSeconds = () => Math.floor(Date.now() / 1000)
const helpBody = () =>
  slashCommandBody({
    text: "hjälp",
    userId: cast.participant.slackId,
    teamId: kit.fake.teamId,
    responseUrl: kit.fake.responseUrl(),
  })

describe("requests to /slack/events", () => {
  it("signs exactly as Slack documents: v0= HMAC-SHA256 of v0:{timestamp}:{body}", () => {
    // Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    expect(signSlackBody("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, body)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    )
  })

  it("accepts a correctly signed command", async () => {
    const response = await kit.send(helpBody(), "application/x-www-form-urlencoded")
    expect(response.status).toBe(200)
  })

  it("rejects a request signed with another secret, and does nothing", async () => {
    const before = kit.fake.calls.length
    const response = await kit.send(helpBody(), "application/x-www-form-urlencoded", {
      signingSecret: "not-the-secret",
    })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain("x-slack-signature does not match")
    expect(kit.fake.calls.length).toBe(before)
  })

  it("rejects a body changed after signing", async () => {
    const body = helpBody()
    const timestamp = nowSeconds()
    const response = await kit.routes.request("/slack/events", {
      method: "POST",
      body: body.replace("hj%C3%A4lp", "t%C3%A4ckning"),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signSlackBody(signingSecret, timestamp, body),
      },
    })
    expect(response.status).toBe(401)
  })

  it("rejects a request without Slack's headers", async () => {
    const response = await kit.routes.request("/slack/events", { method: "POST", body: helpBody() })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain("missing x-slack-signature")
  })

  it("rejects a replay: a validly signed request older than five minutes", async () => {
    const response = await kit.send(helpBody(), "application/x-www-form-urlencoded", {
      timestampSeconds: nowSeconds() - 301,
    })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain("possible replay")
  })

  it("rejects a timestamp more than five minutes in the future", async () => {
    const response = await kit.send(helpBody(), "application/x-www-form-urlencoded", {
      timestampSeconds: nowSeconds() + 400,
    })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain("in the future")
  })

  it("accepts a timestamp within Slack's five minutes of clock skew", async () => {
    const response = await kit.send(helpBody(), "application/x-www-form-urlencoded", {
      timestampSeconds: nowSeconds() - 240,
    })
    expect(response.status).toBe(200)
  })

  it("answers Slack's url_verification challenge", async () => {
    const response = await kit.send(
      JSON.stringify({
        token: "x",
        challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        type: "url_verification",
      }),
      "application/json",
    )
    expect(await response.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    })
  })

  it("answers Slack's ssl_check with 200", async () => {
    const response = await kit.send("ssl_check=1&token=x", "application/x-www-form-urlencoded")
    expect(response.status).toBe(200)
  })

  it("answers a body that is not a Slack payload with 400", async () => {
    const response = await kit.send("{not json", "application/json")
    expect(response.status).toBe(400)
  })
})

describe("Slack retries and replays", () => {
  it("publishes App Home once when Slack retries the app_home_opened event", async () => {
    const event = {
      type: "app_home_opened",
      user: cast.participant.slackId,
      channel: "D0HOME",
      tab: "home",
      event_ts: "1700000000.000100",
    }
    const before = kit.fake.callsTo("views.publish").length
    const first = await kit.event("Ev0HOME1", event)
    const retry = await kit.event("Ev0HOME1", event, { retryNum: 1, retryReason: "http_timeout" })
    const secondRetry = await kit.event("Ev0HOME1", event, { retryNum: 2, retryReason: "http_timeout" })
    expect([first.status, retry.status, secondRetry.status]).toEqual([200, 200, 200])
    expect(kit.fake.callsTo("views.publish").length - before).toBe(1)
  })

  it("acts once on a command sent twice with the same trigger", async () => {
    const body = slashCommandBody({
      text: "följ matvanor",
      userId: cast.participant.slackId,
      teamId: kit.fake.teamId,
      responseUrl: kit.fake.responseUrl(),
      triggerId: "1700000000.42.deadbeef",
    })
    const first = await kit.send(body, "application/x-www-form-urlencoded")
    const repeated = await kit.send(body, "application/x-www-form-urlencoded", { retryNum: 1 })
    expect(visibleText((await first.json()) as CommandAnswer)).toContain("Du följer nu *Matvanor*")
    expect(repeated.status).toBe(200)
    expect(await repeated.text()).toBe("")
  })
})

describe("answering within Slack's three seconds", () => {
  it("answers with the listener's acknowledgement without waiting for the rest of its work", async () => {
    const routes = slackRoutes({
      signingSecret,
      botToken: kit.fake.token,
      botId: "B0BOT",
      botUserId: "U0BOTUSER",
      apiUrl: kit.fake.apiUrl,
      runtime: kit.runtime,
      log: () => undefined,
    })
    const response = await routes.request(
      "/slack/events",
      signedRequest(helpBody(), "application/x-www-form-urlencoded", { signingSecret }),
    )
    expect(visibleText((await response.json()) as CommandAnswer)).toContain("Spridning i Slack")
  })
})

describe("oversized requests", () => {
  it("refuses a body over 1 MiB before reading it", async () => {
    const response = await kit.send(
      `text=${"x".repeat(1024 * 1024 + 10)}`,
      "application/x-www-form-urlencoded",
    )
    expect(response.status).toBe(413)
  })
})
