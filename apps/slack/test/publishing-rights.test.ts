import { describeRightsRow, publishingRightsTable, rightsWho } from "@spridning/core/testing"
import { Updates } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  const people = Object.values(rightsWho).map((who) => who.person)
  kit = await startSlackTestKit({
    adminEmails: Object.values(rightsWho).flatMap((who) => (who.slackAdmin ? [who.person.email] : [])),
    // the cast already has some of them; the fake keeps the first account per id
    users: people.map((person) => ({ id: person.slackId, email: person.email })),
  })
}, 180_000)
afterAll(() => kit.close())

/** The rights table (shared with the API's test) run as signed modal submissions from each who's Slack account. */
describe("publishing rights from Slack, from the shared table", () => {
  publishingRightsTable.forEach((row, number) => {
    it(describeRightsRow(row), async () => {
      const viewId = `V0RIGHTS${number + 1}`
      const response = await kit.interact(
        viewSubmissionPayload({
          teamId: kit.fake.teamId,
          userId: row.who.person.slackId,
          callbackId: "spridning_post",
          viewId,
          values: postValues({
            ...(row.themeGroupId === undefined ? {} : { themeGroupId: row.themeGroupId }),
            // the modal offers "the whole network" as its own choice
            regions: row.regions.length === 0 ? ["all"] : row.regions,
            title: `Rättighetsrad ${number + 1}`,
            body: "…",
            meetingDate: "2026-11-12",
          }),
        }),
      )
      expect(response.status).toBe(200)
      const answer = (await response.json()) as { response_action: string; errors?: Record<string, string> }
      const stored = await kit.run(
        Updates.use((updates) => updates.get(`slack-${viewId}`)).pipe(Effect.result),
      )
      if (row.expected === "allowed") {
        expect(answer).toEqual({ response_action: "clear" })
        expect(stored._tag).toBe("Success")
        return
      }
      expect(answer.response_action).toBe("errors")
      expect(stored._tag).toBe("Failure")
      const errors = answer.errors ?? {}
      if (row.expected === "AudienceOutsideRegion") {
        expect(errors.regions).toContain("publicerar du bara till mottagare i Region Skåne")
      }
      if (row.expected === "NotYourThemeGroup") {
        // the chair reads English
        expect(errors.theme_group).toContain(
          "As a group editor you publish the updates of Hälsofrämjande arbetsplats",
        )
      }
      if (row.expected === "MayNotPublish")
        expect(errors.theme_group).toBe("Du får inte publicera i Tobaksprevention.")
    }, 180_000)
  })
})
