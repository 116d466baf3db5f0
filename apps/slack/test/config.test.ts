import { ConfigProvider, Effect, Option, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { slackConfig, slackSettings } from "../src/config/slack-config.js"

const read = (env: Record<string, string>) =>
  Effect.runPromise(Effect.result(slackConfig.parse(ConfigProvider.fromEnv({ env }))))

const complete = {
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  SLACK_BOT_TOKEN: "xoxb-1-2-3",
  SLACK_BOT_ID: "B0BOT",
  SLACK_BOT_USER_ID: "U0BOTUSER",
  SLACK_TEAM_ID: "T0SPRIDNING",
}

describe("Slack configuration", () => {
  it("reads the app's secrets and ids, HTTP mode when no app token is set", async () => {
    const result = await read(complete)
    if (result._tag !== "Success") throw new Error(String(result.failure))
    const config = result.success
    expect(Option.isNone(config.appToken)).toBe(true)
    expect(Redacted.value(config.botToken)).toBe("xoxb-1-2-3")
    expect(String(config.botToken)).not.toContain("xoxb")
    const { identity, ...rest } = slackSettings(config)
    expect(rest).toEqual({
      signingSecret: "8f742231b10e8888abcd99yyyzzz85a5",
      botToken: "xoxb-1-2-3",
      adminEmails: [],
      publicUrl: "http://localhost:3000",
    })
    // Given ids are used as they are; Slack is not asked.
    expect(await identity.get()).toEqual({ botId: "B0BOT", botUserId: "U0BOTUSER", teamId: "T0SPRIDNING" })
  })

  it("takes Socket Mode's app token, an API URL (with its trailing slash) and the network office's emails", async () => {
    const result = await read({
      ...complete,
      SLACK_APP_TOKEN: "xapp-1-A0-1",
      SLACK_API_URL: "https://slack-gov.com/api",
      SPRIDNING_SLACK_ADMINS: " kansli@hfs.se , ,ordf@hfs.se",
    })
    if (result._tag !== "Success") throw new Error(String(result.failure))
    expect(Option.map(result.success.appToken, Redacted.value)).toEqual(Option.some("xapp-1-A0-1"))
    expect(slackSettings(result.success)).toMatchObject({
      apiUrl: "https://slack-gov.com/api/",
      adminEmails: ["kansli@hfs.se", "ordf@hfs.se"],
    })
  })

  it("names the missing variable", async () => {
    const { SLACK_SIGNING_SECRET: _omitted, ...rest } = complete
    const result = await read(rest)
    expect(result._tag).toBe("Failure")
    expect(String(result._tag === "Failure" ? result.failure : "")).toContain("SLACK_SIGNING_SECRET")
  })
})
