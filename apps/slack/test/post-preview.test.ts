import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { viewSubmissionPayload } from "../src/testing/index.js"
import { postValues } from "./support/post-values.js"
import { cast, type SlackTestKit, startSlackTestKit } from "./support/slack-test-kit.js"

let kit: SlackTestKit
let clicks = 0
/** The network office in these specs (Swedish). */
const office = cast.contactPerson

beforeAll(async () => {
  kit = await startSlackTestKit({ adminEmails: [office.email] })
}, 180_000)
afterAll(() => kit.close())

/** Slack's `block_actions` when someone picks a group or regions in the open modal. */
const changed = (slackId: string, viewId: string, values: ReturnType<typeof postValues>, blockId: string) => {
  clicks += 1
  return kit.interact({
    type: "block_actions",
    team: { id: kit.fake.teamId, domain: "spridning-test" },
    user: { id: slackId, team_id: kit.fake.teamId },
    api_app_id: "A0SPRIDNING",
    token: "deprecated-verification-token",
    trigger_id: `${clicks}.2.trigger`,
    container: { type: "view", view_id: viewId },
    view: {
      id: viewId,
      team_id: kit.fake.teamId,
      type: "modal",
      callback_id: "spridning_post",
      hash: "1700000000.abc",
      private_metadata: "{}",
      state: { values },
      blocks: [],
    },
    actions: [
      {
        type: "multi_static_select",
        block_id: blockId,
        action_id: "value",
        action_ts: `1700000000.${clicks}`,
      },
    ],
  })
}

type ViewArgs = {
  readonly blocks: ReadonlyArray<{ block_id?: string; text?: { text: string }; dispatch_action?: boolean }>
}
const previewOf = (view: unknown) =>
  (view as ViewArgs).blocks.find((block) => block.block_id === "preview")?.text?.text ?? ""

/** Alkoholprevention in the four regions of Norra sjukvårdsregionen. */
const norra = [
  "region-norrbotten",
  "region-vasterbotten",
  "region-jamtland-harjedalen",
  "region-vasternorrland",
]

describe("the post modal shows what will happen as it is filled in", () => {
  it("counts people per region, names who bridges where and which region stays unreachable", async () => {
    const response = await changed(
      office.slackId,
      "V0PREVIEWNORRA",
      postValues({ themeGroupId: "tg-alkohol", regions: norra }),
      "regions",
    )
    expect(response.status).toBe(200)
    const [update] = await kit.fake.waitForCalls("views.update")
    expect(update?.args).toMatchObject({ view_id: "V0PREVIEWNORRA", hash: "1700000000.abc" })
    // Alkoholprevention's people in Norra: in Norrbotten Helena Holm (participant) and three
    // followers; in Västerbotten Camilla Lundin (participant) and a follower; in Västernorrland
    // nobody takes part, so its process leader Monica Olsson bridges (she and two others follow
    // the group); Jämtland Härjedalen has neither a contact person nor a process leader.
    expect(previewOf(update?.args.view).split("\n")).toEqual([
      "*Så här går det ut*",
      "Går ut till *9 personer* i 3 regioner (du själv räknas inte).",
      "Per region: Region Norrbotten 4 · Region Västerbotten 2 · Region Västernorrland 3",
      "Kanal in där ingen sitter med i gruppen: Region Västernorrland: processledaren Monica Olsson (ingen kontaktperson för gruppen).",
      "Nås inte: Region Jämtland Härjedalen: ingen deltagare, ingen kontaktperson och ingen processledare. Vill du nå dem ändå: skicka det själv till regionen, eller be nätverkskansliet utse en kontaktperson för gruppen där.",
      "Sprid vidare till: alla som deltar i eller följer Alkoholprevention i Region Norrbotten, Region Västerbotten, Region Jämtland Härjedalen och Region Västernorrland (för nätverket).",
    ])
  })

  it("says why, in the preview, when the choice cannot be published", async () => {
    await changed(
      cast.processLeader.slackId,
      "V0PREVIEWOUTSIDE",
      postValues({ themeGroupId: "tg-alkohol", regions: norra }),
      "regions",
    )
    const updates = await kit.fake.waitForCalls("views.update", 2)
    expect(previewOf(updates[1]?.args.view)).toContain(
      "Så här kan det inte publiceras: Som regionredaktör publicerar du bara till mottagare i Region Skåne",
    )
  })

  it("the confirmation repeats it and links the update's page", async () => {
    const response = await kit.interact(
      viewSubmissionPayload({
        teamId: kit.fake.teamId,
        userId: office.slackId,
        callbackId: "spridning_post",
        viewId: "V0PUBLISHNORRA",
        values: postValues({
          themeGroupId: "tg-alkohol",
          regions: norra,
          title: "Alkohol i Norra",
          body: "Text",
          meetingDate: "2026-11-26",
        }),
      }),
    )
    expect(await response.json()).toEqual({ response_action: "clear" })
    const confirmation = kit.fake
      .callsTo("chat.postMessage")
      .find(
        (call) => call.args.channel === office.slackId && String(call.args.text).includes("Alkohol i Norra"),
      )
    const lines = String(confirmation?.args.text).split("\n")
    expect(lines[0]).toContain("går ut till 9 personer")
    expect(lines.slice(1)).toEqual([
      "Per region: Region Norrbotten 4 · Region Västerbotten 2 · Region Västernorrland 3",
      "Kanal in där ingen sitter med i gruppen: Region Västernorrland: processledaren Monica Olsson (ingen kontaktperson för gruppen).",
      "Nås inte: Region Jämtland Härjedalen: ingen deltagare, ingen kontaktperson och ingen processledare. Vill du nå dem ändå: skicka det själv till regionen, eller be nätverkskansliet utse en kontaktperson för gruppen där.",
      "Sprid vidare till: alla som deltar i eller följer Alkoholprevention i Region Norrbotten, Region Västerbotten, Region Jämtland Härjedalen och Region Västernorrland (för nätverket).",
      "<http://localhost:3000/v1/updates/slack-V0PUBLISHNORRA|Öppna nyheten>",
    ])
  })

  it("shows the preview as soon as the modal opens, for the chair's one group", async () => {
    const { status } = await kit.command(cast.chair.slackId, "post")
    expect(status).toBe(200)
    const [opened] = await kit.fake.waitForCalls("views.open")
    const view = opened?.args.view as ViewArgs
    expect(previewOf(view)).toContain("Goes out to *66 people* in 21 regions (not counting you).")
    expect(
      view.blocks.filter((block) => block.dispatch_action === true).map((block) => block.block_id),
    ).toEqual(["theme_group", "regions"])
  })
})
