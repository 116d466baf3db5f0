import { Organisation, Outbox } from "@spridning/db"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buttonClickPayload, viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  // Updates are published on this day, whatever day the tests run.
  kit = await startSlackTestKit({
    adminEmails: [cast.chair.email],
    now: () => new Date("2026-11-25T09:00:00Z"),
  })
}, 180_000)
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

const publish = async (themeGroupId: string, title: string, viewId: string, body = "Innehåll") => {
  const response = await kit.interact(
    viewSubmissionPayload({
      teamId: kit.fake.teamId,
      userId: cast.chair.slackId,
      callbackId: "spridning_post",
      viewId,
      values: postValues({ themeGroupId, title, body, meetingDate: "2026-11-20" }),
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

  it("is a dashboard: what waits, the groups' latest, the region's coverage through her and what nobody covers", async () => {
    const texts = sectionTexts(await openHome(cast.contactPerson.slackId))
    const at = (text: string) => texts.indexOf(text)
    expect(at("*Väntar på dig*")).toBe(0)
    expect(at("*Från dina grupper*")).toBeGreaterThan(at("*Väntar på dig*"))
    expect(at("*Täckning i Region Norrbotten*")).toBeGreaterThan(at("*Från dina grupper*"))
    // Waiting: PROM (she follows it), with a link to its page; Matvanor she already acted on.
    expect(texts[1]).toBe(
      "*<http://localhost:3000/v1/updates/slack-V0HOMEPROM|PROM-nytt i november>*\nInnehåll",
    )
    expect(texts.slice(at("*Täckning i Region Norrbotten*") + 1)).toEqual([
      "Du är regionens kanal in till: Matvanor",
      "*Representerad* (8): Alkoholprevention, Barn och unga, Fysisk aktivitet, Hälsofrämjande arbetsplats, Hälsofrämjande primärvård, PROM, Psykisk hälsa, Tobaksprevention\n" +
        "*Brygga via kontaktperson* (1): Matvanor (Helena Magnusson)\n" +
        "*Saknar kanal* (1): Jämlik vård – når regionen via processledaren Hans Jonsson",
    ])
    // A contact person publishes nothing: no funnels.
    expect(texts.join("\n")).not.toContain("Dina uppdateringar")
  })

  it("shows an editor how far each of their updates got, counted in people without the author", async () => {
    const texts = sectionTexts(await openHome(cast.chair.slackId))
    const from = texts.indexOf("*Your updates – how far they got*")
    expect(from).toBeGreaterThan(texts.indexOf("*Coverage in Region Västerbotten*"))
    // Published at the same moment, so newest id first. Mail went out in the test above (its copies count as received); Slack's still waits.
    // She acted on Matvanor from Slack: one person read it and acted on it.
    expect(texts.slice(from + 1)).toEqual([
      "*<http://localhost:3000/v1/updates/slack-V0HOMEPROM|PROM-nytt i november>* – PROM (2026-11-25)\n" +
        "Goes to 69 people · 60 received it · 0 read · 0 passed on · 0 acted on",
      "*<http://localhost:3000/v1/updates/slack-V0HOMEMAT|Matvanor: ny arbetslista>* – Matvanor (2026-11-25)\n" +
        "Goes to 61 people · 59 received it · 1 read · 0 passed on · 1 acted on",
      "*<http://localhost:3000/v1/updates/slack-V0HOMEJAM|Jämlik vård: inget för henne>* – Jämlik vård (2026-11-25)\n" +
        "Goes to 62 people · 57 received it · 0 read · 0 passed on · 0 acted on",
    ])
    // People, not deliveries: PROM's deliveries are more than its 69 people.
    const prom = await kit.run(Outbox.use((outbox) => outbox.forUpdate("slack-V0HOMEPROM")))
    expect(new Set(prom.map((delivery) => delivery.personId)).size).toBe(69)
    expect(prom.length).toBeGreaterThan(69)
  })

  it("cuts long text at a sentence, never inside an entity", async () => {
    // Escaped, "&" is "&amp;": a cut by characters would leave "&am" at the 280th.
    await publish("tg-prom", "PROM & PREM", "V0HOMELONG", "Enkäter & mätning. ".repeat(40))
    const texts = sectionTexts(await openHome(cast.contactPerson.slackId))
    const long = texts.find((text) => text.includes("slack-V0HOMELONG"))
    expect(long).toBe(
      `*<http://localhost:3000/v1/updates/slack-V0HOMELONG|PROM &amp; PREM>*\n${"Enkäter &amp; mätning. ".repeat(11)}Enkäter &amp; mätning.…`,
    )
    expect(texts.join("\n")).not.toMatch(/&(?!amp;|lt;|gt;)/)
  })
})

/** The text of every section and context block, in order. */
const sectionTexts = (view: { blocks: Array<Record<string, unknown>> }): Array<string> =>
  view.blocks.flatMap((block) => {
    const text = (block.text as { text?: string } | undefined)?.text
    const elements = (block.elements as Array<{ text?: string }> | undefined) ?? []
    return block.type === "section" && text !== undefined
      ? [text]
      : block.type === "context"
        ? elements.flatMap((element) => (element.text === undefined ? [] : [element.text]))
        : []
  })
