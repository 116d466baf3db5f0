import { Organisation, Outbox } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [cast.chair.email] })
}, 60_000)
afterAll(() => kit.close())

let eventCounter = 0
const openHome = async (slackId: string) => {
  eventCounter += 1
  const response = await kit.event(`Ev0HOME${eventCounter}`, {
    type: "app_home_opened",
    user: slackId,
    channel: `D${slackId.slice(1)}`,
    tab: "home",
    event_ts: `1700000000.00${eventCounter}`,
  })
  expect(response.status).toBe(200)
  const publish = kit.fake
    .callsTo("views.publish")
    .filter((call) => call.args.user_id === slackId)
    .at(-1)
  if (publish === undefined) throw new Error("no Home published")
  return publish.args.view as { type: string; blocks: Array<Record<string, unknown>> }
}

const publish = async (themeGroupId: string, title: string, viewId: string) => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId,
      values: postValues({ themeGroupId, title, body: "Innehåll", meetingDate: "2026-11-20" }),
    }),
  )
  expect(await response.json()).toEqual({ response_action: "clear" })
}

describe("App Home", () => {
  it("shows news from followed groups, the groups the person bridges into their region, coverage and what waits", async () => {
    await kit.run(
      Organisation.use((organisation) =>
        organisation.follows.follow(
          {
            personId: cast.contactPerson.personId as never,
            themeGroupId: "tg-prom" as never,
            frequency: "immediate",
          },
          "test",
        ),
      ),
    )
    await publish("tg-prom", "PROM-nytt i november", "V0HOMEPROM")
    await publish("tg-matvanor", "Matvanor: ny arbetslista", "V0HOMEMAT")
    await publish("tg-jamlik-vard", "Jämlik vård: inget för henne", "V0HOMEJAM")
    const view = await openHome(cast.contactPerson.slackId)
    const shown = JSON.stringify(view.blocks)
    expect(view.type).toBe("home")
    expect(shown).toContain("PROM-nytt i november")
    // Norrbotten has nobody in Matvanor; she is its contact person, so its news is hers to carry.
    expect(shown).toContain("Matvanor: ny arbetslista")
    expect(shown).toContain("Du är regionens kanal in till: Matvanor")
    expect(shown).not.toContain("Jämlik vård: inget för henne")
    expect(shown).toContain("Täckning i Region Norrbotten")
  })

  it("lists delivered updates waiting for the person's action with receipt buttons, until marked as acted on", async () => {
    // The mail worker's part, done by hand: her deliveries (she reads mail) went out.
    await kit.run(
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const claimed = yield* outbox.claim({
          channel: "email",
          workerId: "mail-test",
          limit: 1000,
          leaseMillis: 60_000,
        })
        yield* outbox.markSent(
          "mail-test",
          claimed.map((d) => ({ id: d.id })),
        )
      }),
    )
    const matvanor = (await kit.run(Outbox.use((outbox) => outbox.forUpdate("slack-V0HOMEMAT")))).find(
      (d) => d.personId === cast.contactPerson.personId,
    )
    expect(matvanor?.state).toBe("sent")
    const waitingBlock = `receipts-${matvanor?.id}`
    const before = JSON.stringify((await openHome(cast.contactPerson.slackId)).blocks)
    expect(before).toContain(waitingBlock)
    expect(before).toContain("receipt_acted")

    await kit.interact(
      buttonClickPayload({
        teamId: kit.fake.teamId,
        userId: cast.contactPerson.slackId,
        actionId: "receipt_acted",
        value: "slack-V0HOMEMAT",
      }),
    )
    const after = JSON.stringify((await openHome(cast.contactPerson.slackId)).blocks)
    expect(after).not.toContain(waitingBlock)
  })

  it("tells someone the network does not know how to become known", async () => {
    const view = await openHome(cast.stranger.slackId)
    expect(JSON.stringify(view.blocks)).toContain("Jag hittar dig inte bland nätverkets personer")
  })

  it("republishes Home after a receipt button is clicked there", async () => {
    const before = kit.fake.callsTo("views.publish").length
    const response = await kit.interact(
      buttonClickPayload({
        teamId: kit.fake.teamId,
        userId: cast.contactPerson.slackId,
        actionId: "receipt_read",
        value: "slack-V0HOMEMAT",
      }),
    )
    expect(response.status).toBe(200)
    expect(kit.fake.callsTo("views.publish").length).toBe(before + 1)
  })
})
