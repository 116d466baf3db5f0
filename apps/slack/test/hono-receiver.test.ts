import { App, LogLevel } from "@slack/bolt"
import { describe, expect, it } from "vitest"
import { HonoReceiver } from "../src/http/hono-receiver.js"
import { signedRequest, slashCommandBody } from "../src/testing/index.js"

const signingSecret = "receiver-secret"

/** The failure below is the point of the spec; Bolt need not print it. */
const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
}

const routesWith = (listener: (ack: (text: string) => Promise<void>) => Promise<void>) => {
  const receiver = new HonoReceiver({ signingSecret, processBeforeResponse: true, log: () => undefined })
  const app = new App({
    receiver,
    token: "xoxb-unused",
    botId: "B0BOT",
    botUserId: "U0BOTUSER",
    clientOptions: { slackApiUrl: "http://127.0.0.1:9/api/", retryConfig: { retries: 0 } },
    logger: silentLogger,
  })
  app.command("/spridning", ({ ack }) => listener((text) => ack(text)))
  return receiver.routes
}

const command = slashCommandBody({
  text: "hjälp",
  userId: "U0ANY",
  teamId: "T0",
  responseUrl: "http://127.0.0.1:9/response/1",
  triggerId: "1700000000.7.flaky",
})

describe("the Hono receiver", () => {
  it("answers 500 when a listener fails before acknowledging, and lets the same request run again", async () => {
    let runs = 0
    const routes = routesWith(async (ack) => {
      runs += 1
      if (runs === 1) throw new Error("the database was restarting")
      await ack("ok")
    })
    const send = (retryNum?: number) =>
      routes.request(
        "/slack/events",
        signedRequest(command, "application/x-www-form-urlencoded", {
          signingSecret,
          ...(retryNum === undefined ? {} : { retryNum }),
        }),
      )
    const first = await send()
    const retry = await send(1)
    const again = await send(2)
    expect([first.status, retry.status, again.status]).toEqual([500, 200, 200])
    expect(await retry.text()).toBe("ok")
    expect(await again.text()).toBe("")
    expect(runs).toBe(2)
  })
})
