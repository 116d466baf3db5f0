import { NetworkStore } from "@spridning/core"
import { Outbox, Receipts } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit, visibleText } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
}, 180_000)
afterAll(() => kit.close())

const updateId = "slack-V0BOTH"

/** The dispatcher's part, done by hand: claim every copy of the person and mark them sent. */
const sendCopies = (ids: ReadonlyArray<string>) =>
  kit.run(
    Outbox.use((outbox) =>
      Effect.gen(function* () {
        for (const channel of ["email", "slack"] as const)
          yield* outbox.claim({ channel, workerId: "test", limit: 500, leaseMillis: 60_000, now: new Date() })
        yield* outbox.markSent(
          "test",
          ids.map((id) => ({ id })),
        )
      }),
    ),
  )

/** The digest's "Väntar på dig" section (its last), or "" when nothing waits. */
const waitingFor = async (slackId: string) => {
  const shown = visibleText((await kit.command(slackId, "sammanfattning")).body)
  return shown.split("*Väntar på dig*")[1] ?? ""
}
const title = "Rökfria operationer"

describe("receipts per person and update", () => {
  it("lists an update once for someone who got it by mail and Slack, and one click clears both copies", async () => {
    const response = await kit.interact(
      viewSubmissionPayload({
        teamId: kit.fake.teamId,
        userId: cast.chair.slackId,
        callbackId: "spridning_post",
        viewId: "V0BOTH",
        values: postValues({ themeGroupId: "tg-tobak", title, body: "Text", meetingDate: "2026-11-26" }),
      }),
    )
    expect(await response.json()).toEqual({ response_action: "clear" })
    const deliveries = await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const channelsByPerson = new Map<string, Set<string>>()
    for (const d of deliveries)
      channelsByPerson.set(d.personId, (channelsByPerson.get(d.personId) ?? new Set()).add(d.channel))
    const personId = [...channelsByPerson].find(([, channels]) => channels.size === 2)?.[0]
    expect(personId).toBeDefined()
    const network = await kit.run(NetworkStore.use((store) => store.load))
    const person = network.people.find((p) => p.id === personId)
    kit.fake.addUser({ id: "U0BOTH", email: person?.email ?? "" })
    const copies = deliveries.filter((d) => d.personId === personId)
    expect(copies.map((d) => d.channel).sort()).toEqual(["email", "slack"])
    await sendCopies(copies.map((d) => d.id))

    const before = await waitingFor("U0BOTH")
    expect(before.split(title).length - 1).toBe(1)

    const click = await kit.interact(
      buttonClickPayload({
        teamId: kit.fake.teamId,
        userId: "U0BOTH",
        actionId: "receipt_acted",
        value: updateId,
        channelId: "D0BOTH",
        messageTs: "1700000001.000300",
      }),
    )
    expect(click.status).toBe(200)
    expect(await waitingFor("U0BOTH")).not.toContain(title)
    const receipts = await kit.run(Receipts.use((r) => r.forDeliveries(copies.map((d) => d.id))))
    expect(receipts.map((r) => r.kind)).toEqual(["acted"])
  })

  it("a click on the mail copy clears the Slack copy too", async () => {
    const deliveries = await kit.run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    const both = new Map<string, number>()
    for (const d of deliveries) both.set(d.personId, (both.get(d.personId) ?? 0) + 1)
    const [personId] = [...both]
      .filter(([, n]) => n === 2)
      .map(([id]) => id)
      .slice(1)
    expect(personId).toBeDefined()
    const copies = deliveries.filter((d) => d.personId === personId)
    const network = await kit.run(NetworkStore.use((store) => store.load))
    kit.fake.addUser({ id: "U0MAILER", email: network.people.find((p) => p.id === personId)?.email ?? "" })
    await sendCopies(copies.map((d) => d.id))
    expect(await waitingFor("U0MAILER")).toContain(title)
    const email = copies.find((d) => d.channel === "email")
    // As the mail's "Omsatt i handling" link records it.
    await kit.run(Receipts.use((r) => r.record({ deliveryId: email?.id ?? "", kind: "acted" }, new Date())))
    expect(await waitingFor("U0MAILER")).not.toContain(title)
  })
})
