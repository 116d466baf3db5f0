import { Outbox, Receipts } from "@spridning/db"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
const helena = cast.participant
const updateId = "slack-V0FORWARD"

const passedOnReceipts = async () => {
  const deliveries = (await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))).filter(
    (d) => d.personId === helena.personId,
  )
  const receipts = await kit.run(Receipts.use((r) => r.forDeliveries(deliveries.map((d) => d.id))))
  return receipts.filter((receipt) => receipt.kind === "passedOn")
}

/** What Helena's choices in the Delat vidare modal submit. */
const forwardValues = (fields: { channel?: string; person?: string; note?: string }) => ({
  forward_channel: { value: { type: "conversations_select", selected_conversation: fields.channel ?? null } },
  forward_person: { value: { type: "users_select", selected_user: fields.person ?? null } },
  forward_note: { value: { type: "plain_text_input", value: fields.note ?? null } },
})

const submitForward = async (values: ReturnType<typeof forwardValues>) => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: helena.slackId,
      callbackId: "spridning_forward",
      viewId: "V0FORWARDMODAL",
      privateMetadata: JSON.stringify({ updateId, language: "sv" }),
      values,
    }),
  )
  return (await response.json()) as Record<string, unknown>
}

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
  kit.fake.addChannel({ id: "C0NORRBOTTEN", name: "hfs-norrbotten" })
  const published = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId: "V0FORWARD",
      values: postValues({
        themeGroupId: "tg-tobak",
        title: "Tobaksfri vecka",
        body: "Så gjorde vi i Norrbotten.",
        meetingDate: "2026-11-26",
      }),
    }),
  )
  expect(await published.json()).toEqual({ response_action: "clear" })
}, 180_000)
afterAll(() => kit.close())

describe("Delat vidare on a DM", () => {
  it("offers to share the update in Slack, with its pass-on line, and records Delat vidare", async () => {
    const response = await kit.interact(
      buttonClickPayload({
        teamId: kit.fake.teamId,
        userId: helena.slackId,
        actionId: "receipt_passed_on",
        value: updateId,
        channelId: "D0HELENA",
        messageTs: "1700000001.000300",
      }),
    )
    expect(response.status).toBe(200)
    const [opened] = await kit.fake.waitForCalls("views.open")
    const view = opened?.args.view as {
      callback_id: string
      blocks: ReadonlyArray<{
        block_id?: string
        element?: { type: string }
        elements?: ReadonlyArray<{ text: string }>
      }>
    }
    expect(view.callback_id).toBe("spridning_forward")
    expect(view.blocks.flatMap((block) => (block.element === undefined ? [] : [block.element.type]))).toEqual(
      ["conversations_select", "users_select", "plain_text_input"],
    )
    expect(JSON.stringify(view.blocks)).toContain(
      "Sprid vidare till: alla som deltar i eller följer Tobaksprevention i alla regioner (för nätverket).",
    )
    expect(await passedOnReceipts()).toHaveLength(1)
  })

  it("asks for a channel or a person when neither is chosen", async () => {
    expect(await submitForward(forwardValues({}))).toEqual({
      response_action: "errors",
      errors: {
        forward_channel:
          "Välj en kanal eller en person – eller stäng, om du redan har delat den på annat sätt.",
      },
    })
  })

  it("says so under the channel when Spridning cannot post there", async () => {
    kit.fake.failNext("chat.postMessage", { error: "not_in_channel" }, 1, "G0PRIVAT")
    expect(await submitForward(forwardValues({ channel: "G0PRIVAT" }))).toEqual({
      response_action: "errors",
      errors: {
        forward_channel:
          "Spridning kan inte skriva i den kanalen. Bjud in Spridning där (`/invite @Spridning`) eller välj en annan kanal.",
      },
    })
  })

  it("posts the update to the chosen channel and person with her note and the pass-on line, recording Delat vidare once", async () => {
    const answer = await submitForward(
      forwardValues({
        channel: "C0NORRBOTTEN",
        person: cast.contactPerson.slackId,
        note: "Läs detta inför mötet!",
      }),
    )
    expect(answer).toEqual({ response_action: "clear" })
    for (const target of ["C0NORRBOTTEN", "D0CONTACT"]) {
      const [message] = kit.fake.messages(target)
      expect(message?.text).toBe("<@U0HELENA> delar vidare från Tobaksprevention: Tobaksfri vecka")
      const shown = JSON.stringify(message?.blocks)
      expect(shown).toContain("<http://localhost:3000/v1/updates/slack-V0FORWARD|Tobaksfri vecka>")
      expect(shown).toContain("> Läs detta inför mötet!")
      expect(shown).toContain("Så gjorde vi i Norrbotten.")
      expect(shown).toContain(
        "Sprid vidare till: alla som deltar i eller följer Tobaksprevention i alla regioner (för nätverket).",
      )
    }
    expect(await passedOnReceipts()).toHaveLength(1)
  })
})
