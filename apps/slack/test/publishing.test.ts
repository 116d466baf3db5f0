import { Outbox, Receipts, Updates } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit, visibleText } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  // The chair is also the network office here, so she may publish in Tobaksprevention.
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email.toUpperCase()] })
}, 180_000)
afterAll(() => kit.close())

const submit = (slackId: string, viewId: string, values: ReturnType<typeof postValues>, retryNum?: number) =>
  kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: slackId,
      callbackId: "spridning_post",
      viewId,
      values,
    }),
    retryNum === undefined ? {} : { retryNum },
  )

const deliveriesOf = (updateId: string) => kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))

describe("publishing from the /spridning inlägg modal", () => {
  it("publishes meeting notes end to end: update, planned deliveries and a confirmation to the author", async () => {
    const response = await submit(
      cast.chair.slackId,
      "V0NOTES1",
      postValues({
        themeGroupId: "tg-tobak",
        title: "Minnesanteckningar 12 november",
        body: "Vi gick igenom arbetslistan och planerade vårens digitimme.",
        meetingDate: "2026-11-12",
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ response_action: "clear" })
    const update = await kit.run(Updates.use((updates) => updates.get("slack-V0NOTES1")))
    expect(update).toMatchObject({
      kind: "meetingNotes",
      themeGroupId: "tg-tobak",
      title: "Minnesanteckningar 12 november",
      details: { kind: "meetingNotes", meetingDate: "2026-11-12" },
      createdBy: `slack:${kit.fake.teamId}/${cast.chair.slackId}`,
    })
    expect(update.publishedAt).toBeInstanceOf(Date)
    const deliveries = await deliveriesOf("slack-V0NOTES1")
    expect(deliveries.some((d) => d.personId === cast.participant.personId && d.channel === "slack")).toBe(
      true,
    )
    const confirmations = await kit.fake.waitForCalls("chat.postMessage")
    expect(confirmations.at(-1)?.args).toMatchObject({ channel: cast.chair.slackId })
    // People, not deliveries: someone with mail and Slack is one person, and the author is not counted.
    const people = new Set(deliveries.map((d) => d.personId).filter((id) => id !== cast.chair.personId))
    expect(people.size).toBeLessThan(deliveries.length)
    const confirmation = String(confirmations.at(-1)?.args.text)
    expect(confirmation).toContain(`goes out to ${people.size} people`)
    expect(confirmation).toContain("<http://localhost:3000/v1/updates/slack-V0NOTES1|Open the update>")
  })

  it("publishes nothing twice when the same modal is submitted again", async () => {
    const before = (await deliveriesOf("slack-V0NOTES1")).length
    const again = await submit(
      cast.chair.slackId,
      "V0NOTES1",
      postValues({
        themeGroupId: "tg-tobak",
        title: "Minnesanteckningar 12 november",
        body: "Igen",
        meetingDate: "2026-11-12",
      }),
      1,
    )
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ response_action: "clear" })
    expect((await deliveriesOf("slack-V0NOTES1")).length).toBe(before)
    const last = kit.fake.callsTo("chat.postMessage").at(-1)
    expect(String(last?.args.text)).toContain("already published")
  })

  it("refuses a participant who tries to publish, naming the group, and stores nothing", async () => {
    const response = await submit(
      cast.participant.slackId,
      "V0SNEAKY",
      postValues({ themeGroupId: "tg-tobak", title: "Egen text", body: "…", meetingDate: "2026-11-12" }),
    )
    expect(await response.json()).toEqual({
      response_action: "errors",
      errors: { theme_group: "Du får inte publicera i Tobaksprevention." },
    })
    const found = await kit.run(Updates.use((updates) => updates.get("slack-V0SNEAKY")).pipe(Effect.result))
    expect(found._tag).toBe("Failure")
  })

  it("refuses someone not in the network", async () => {
    const response = await submit(
      cast.stranger.slackId,
      "V0STRANGER",
      postValues({ themeGroupId: "tg-tobak", title: "x", body: "y", meetingDate: "2026-11-12" }),
    )
    const answer = (await response.json()) as { response_action: string }
    expect(answer.response_action).toBe("errors")
  })

  it("names each missing field in the modal instead of publishing", async () => {
    const response = await submit(cast.chair.slackId, "V0EMPTY", postValues({ themeGroupId: "tg-tobak" }))
    const answer = (await response.json()) as { response_action: string; errors: Record<string, string> }
    expect(answer.response_action).toBe("errors")
    expect(Object.keys(answer.errors).sort()).toEqual(["body", "meeting_date", "title"])
    expect(answer.errors.meeting_date).toBe("Meeting notes need a meeting date.")
  })

  it("lets a process leader publish a work-list item only to their own region's people", async () => {
    const response = await submit(
      cast.processLeader.slackId,
      "V0SKANE1",
      postValues({
        themeGroupId: "tg-alkohol",
        kind: "workListItem",
        title: "Kartlägga riskbruk",
        body: "Start i januari",
        status: "ongoing",
      }),
    )
    expect(await response.json()).toEqual({ response_action: "clear" })
    const update = await kit.run(Updates.use((updates) => updates.get("slack-V0SKANE1")))
    expect(update.audience).toEqual({
      scope: "network",
      themeGroups: ["tg-alkohol"],
      regions: ["region-skane"],
    })
    expect(update.details).toEqual({ kind: "workListItem", status: "ongoing" })
    const deliveries = await deliveriesOf("slack-V0SKANE1")
    expect(deliveries.length).toBeGreaterThan(0)
    expect(new Set(deliveries.map((d) => d.regionId))).toEqual(new Set(["region-skane"]))
  })
})

describe("receipt buttons", () => {
  const click = (slackId: string, actionId: string, extra: { channelId?: string; messageTs?: string } = {}) =>
    kit.interact(
      buttonClickPayload({
        teamId: kit.fake.teamId,
        userId: slackId,
        actionId,
        value: "slack-V0NOTES1",
        channelId: extra.channelId ?? `D${slackId.slice(1)}`,
        messageTs: extra.messageTs ?? "1700000001.000200",
      }),
    )

  const receiptsOf = async (personId: string) => {
    const deliveries = (await deliveriesOf("slack-V0NOTES1")).filter((d) => d.personId === personId)
    return kit.run(Receipts.use((receipts) => receipts.forDeliveries(deliveries.map((d) => d.id))))
  }

  it("records Läst on the clicker's own delivery and shows it in the DM", async () => {
    const response = await click(cast.participant.slackId, "receipt_read")
    expect(response.status).toBe(200)
    const receipts = await receiptsOf(cast.participant.personId)
    expect(receipts.map((r) => r.kind)).toEqual(["read"])
    expect(receipts[0]?.personId).toBe(cast.participant.personId)
    const update = (await kit.fake.waitForCalls("chat.update")).at(-1)
    expect(update?.args).toMatchObject({
      channel: `D${cast.participant.slackId.slice(1)}`,
      ts: "1700000001.000200",
    })
    expect(JSON.stringify(update?.args.blocks)).toContain("Markerat: Läst")
    // The redrawn DM keeps the clicker's own link to their settings.
    expect(JSON.stringify(update?.args.blocks)).toContain(
      `<https://spridning.test/preferences/for-${cast.participant.personId}|Dina inställningar: kanaler, språk, hur ofta, vilka grupper>`,
    )
  })

  it("records Delat vidare and Omsatt i handling; clicking again adds nothing", async () => {
    await click(cast.participant.slackId, "receipt_passed_on")
    await click(cast.participant.slackId, "receipt_acted")
    await click(cast.participant.slackId, "receipt_acted")
    const receipts = await receiptsOf(cast.participant.personId)
    expect(receipts.map((r) => r.kind).sort()).toEqual(["acted", "passedOn", "read"])
  })

  it("tells someone who got no delivery that there is nothing to mark, and records nothing", async () => {
    const response = await click(cast.contactPerson.slackId, "receipt_read", { channelId: "C0TOBAK" })
    expect(response.status).toBe(200)
    const note = (await kit.fake.waitForCalls("chat.postEphemeral")).at(-1)
    expect(note?.args).toMatchObject({ channel: "C0TOBAK", user: cast.contactPerson.slackId })
    expect(String(note?.args.text)).toContain("gick inte till dig")
    expect(await receiptsOf(cast.contactPerson.personId)).toEqual([])
  })
})

describe("/spridning sammanfattning after publishing", () => {
  it("lists what is new in the person's groups and what waits for their action", async () => {
    await kit.run(
      Outbox.use((outbox) =>
        outbox.claim({ channel: "slack", workerId: "digest-test", limit: 1000, leaseMillis: 60_000 }),
      ).pipe(
        Effect.flatMap((claimed) =>
          Outbox.use((outbox) =>
            outbox.markSent(
              "digest-test",
              claimed.filter((d) => d.updateId === "slack-V0SKANE1").map((d) => ({ id: d.id })),
            ),
          ),
        ),
      ),
    )
    // Karl in Skåne got the work-list item he published to his own region.
    const { body } = await kit.command(cast.processLeader.slackId, "sammanfattning")
    const shown = visibleText(body)
    expect(shown).toContain("Din sammanfattning")
    expect(shown).toContain("Väntar på dig")
    expect(shown).toContain("Kartlägga riskbruk")
  })

  it("in English: a chair's digest names news of the group they chair, without following it", async () => {
    expect(kit.network.follows.some((f) => f.personId === cast.chair.personId)).toBe(false)
    await submit(
      cast.chair.slackId,
      "V0ARBETSPLATS",
      postValues({
        themeGroupId: "tg-halsoframjande-arbetsplats",
        title: "Friskvård på arbetstid",
        body: "…",
        meetingDate: "2026-11-19",
      }),
    )
    const { body } = await kit.command(cast.chair.slackId, "digest")
    const shown = visibleText(body)
    expect(shown).toContain("Your digest")
    expect(shown).toContain("Friskvård på arbetstid")
  })
})
