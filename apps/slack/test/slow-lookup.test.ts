import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cast, type SlackTestKit, startSlackTestKit, visibleText } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit({ answerWithinMillis: 2_000 })
}, 180_000)
afterAll(() => kit.close())

describe("never an empty answer", () => {
  it("acknowledges at once and answers through response_url when Slack takes 3.2 s to say who a first-time user is", async () => {
    kit.fake.delayNext("users.info", 3_200)
    const { status, body } = await kit.command(cast.contactPerson.slackId, "täckning gotland")
    expect(status).toBe(200)
    expect(visibleText(body)).toContain("Ett ögonblick – jag tar fram svaret och skickar det här strax.")
    expect(kit.fake.responses).toHaveLength(1)
    const later = kit.fake.responses[0]?.body as {
      response_type?: string
      text?: string
      replace_original?: unknown
    }
    expect(later.response_type).toBe("ephemeral")
    expect(later.text).toBe("Täckning för Region Gotland")
  }, 15_000)

  it("answers in the acknowledgement itself when the lookup is quick (nothing through response_url)", async () => {
    const before = kit.fake.responses.length
    const { body } = await kit.command(cast.participant.slackId, "täckning gotland")
    expect(visibleText(body)).toContain("Täckning för Region Gotland")
    expect(kit.fake.responses).toHaveLength(before)
  })
})
