import { NetworkStore, proposalAnswerPlan, type UpdateId } from "@spridning/core"
import { ContentChanges, Updates } from "@spridning/db"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { updatesOfEveryKind } from "./support/fixtures.js"
import { deliveryTo, type Harness, participant, startHarness } from "./support/harness.js"

let harness: Harness
beforeAll(async () => {
  harness = await startHarness()
}, 180_000)
afterAll(() => harness.close())
beforeEach(() => harness.sendGrid.reset())

const drain = async () => {
  const worker = await harness.worker()
  await harness.run(worker.drain())
}
const icsOf = (mail: ReturnType<Harness["sendGrid"]["mails"]>[number]) =>
  Buffer.from(mail.attachments[0]!.content, "base64").toString("utf8")

describe("changes reach the same people through the outbox", () => {
  it("sends a moved hour's updated invitation, then its cancellation, to everyone invited", async () => {
    const hour = { ...updatesOfEveryKind[2]!, id: "hour-moving" }
    await harness.publish(
      hour,
      [
        deliveryTo(hour.id, "anna", "skane", [participant("skane")]),
        deliveryTo(hour.id, "cleo", "skane", [participant("skane")]),
      ],
      new Date(),
    )
    await drain()
    expect(harness.sendGrid.mails().map((mail) => icsOf(mail).includes("SEQUENCE:0\r\n"))).toEqual([
      true,
      true,
    ])
    harness.sendGrid.reset()

    const moved = await harness.run(
      ContentChanges.use((c) =>
        c.changeDigitalHour(
          hour.id,
          {
            _tag: "Move",
            times: { startsAt: new Date("2026-12-04T13:00:00Z"), endsAt: new Date("2026-12-04T14:00:00Z") },
          },
          "test",
        ),
      ),
    )
    expect(moved.resent).toBe(2)
    await drain()
    const movedMails = harness.sendGrid.mails()
    expect(movedMails.map((mail) => `${mail.to.email} ${mail.subject}`).sort()).toEqual([
      "anna@skane.example Ny tid för digitimme – Tobaksprevention: Digitimme: Tobaksprevention presenterar sig",
      "cleo@skane.example New time for digital hour – Tobaksprevention: Digitimme: Tobaksprevention presenterar sig",
    ])
    for (const mail of movedMails) {
      expect(icsOf(mail)).toContain("SEQUENCE:1\r\n")
      expect(icsOf(mail)).toContain("DTSTART:20261204T130000Z\r\n")
      expect(icsOf(mail)).toContain("UID:hour-moving@spridning\r\n")
    }
    harness.sendGrid.reset()

    await harness.run(ContentChanges.use((c) => c.changeDigitalHour(hour.id, { _tag: "Cancel" }, "test")))
    await drain()
    const cancelled = harness.sendGrid.mails()
    expect(cancelled.map((mail) => mail.subject.split(" – ")[0]).sort()).toEqual([
      "Digital hour cancelled",
      "Inställd digitimme",
    ])
    for (const mail of cancelled) {
      expect(icsOf(mail)).toContain("METHOD:CANCEL\r\n")
      expect(icsOf(mail)).toContain("SEQUENCE:2\r\n")
    }
  })

  it("delivers an answer to the one who proposed and the process leader, each in their language, with the reason", async () => {
    const round = { ...updatesOfEveryKind[3]!, id: "round-answered" }
    await harness.publish(round, [], new Date())
    const proposal = await harness.run(
      Updates.use((u) =>
        u.submitProposal(
          { roundId: round.id, regionId: "skane", submittedBy: "cleo", text: "Snus i skolan" },
          "test",
        ),
      ),
    )
    const network = await harness.run(NetworkStore.use((store) => store.load))
    const answerId = "answer-cleo" as UpdateId
    const plan = proposalAnswerPlan(network, answerId, {
      regionId: proposal.regionId as never,
      submittedBy: "cleo" as never,
    })
    await harness.run(
      ContentChanges.use((c) =>
        c.answerProposal(
          proposal.id,
          { status: "declined", reason: "Ryms inte i årets plan" },
          { id: answerId, title: round.title, body: "", audience: round.audience, themeGroupId: "tobak" },
          plan,
          "test",
        ),
      ),
    )
    await drain()
    const mails = harness.sendGrid.mails()
    expect(mails.map((mail) => `${mail.to.email} ${mail.subject}`).sort()).toEqual([
      "anna@skane.example Svar på förslag – Tobaksprevention: Förslag inför handlingsplan 2027",
      "cleo@skane.example Answer to a proposal – Tobaksprevention: Förslag inför handlingsplan 2027",
    ])
    const cleo = mails.find((mail) => mail.to.email === "cleo@skane.example")!
    expect(cleo.text).toContain("Answer: declined")
    expect(cleo.text).toContain("Reason: Ryms inte i årets plan")
    expect(cleo.text.replace(/\s+/g, " ")).toContain("you sent in the proposal for Region Skåne")
    const anna = mails.find((mail) => mail.to.email === "anna@skane.example")!
    expect(anna.text).toContain("Motivering: Ryms inte i årets plan")
    expect(anna.text.replace(/\s+/g, " ")).toContain("du är processledare i Region Skåne")
  })
})
