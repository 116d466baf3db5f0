import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cast, type SlackTestKit, startSlackTestKit, visibleText } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit()
}, 180_000)
afterAll(() => kit.close())

describe("/spridning subcommands", () => {
  it.each([
    ["hjälp", "Spridning i Slack"],
    ["", "Spridning i Slack"],
  ])("answers `%s` with the Swedish help, privately", async (text, expected) => {
    const { status, body } = await kit.command(cast.participant.slackId, text)
    expect(status).toBe(200)
    expect(body.response_type).toBe("ephemeral")
    expect(visibleText(body)).toContain(expected)
    expect(visibleText(body)).toContain("/spridning täckning")
  })

  it("answers `help` in English for someone Spridning does not know", async () => {
    const { body } = await kit.command(cast.stranger.slackId, "help")
    expect(visibleText(body)).toContain("Spridning in Slack")
  })

  it("answers unknown input with help that names what it did not recognise", async () => {
    const { status, body } = await kit.command(cast.participant.slackId, "gör-något-annat nu")
    expect(status).toBe(200)
    expect(visibleText(body)).toContain("Jag känner inte igen `gör-något-annat nu`")
    expect(visibleText(body)).toContain("/spridning följ")
  })

  it.each(["täckning Skåne", "tackning region skane", "coverage skåne"])(
    "`%s` shows Region Skåne's groups by coverage status",
    async (text) => {
      const { body } = await kit.command(cast.participant.slackId, text)
      const shown = visibleText(body)
      expect(shown).toContain("Region Skåne")
      expect(shown).toMatch(/\(\d+\)/)
    },
  )

  it("`täckning` without a region gives one line per region of the network", async () => {
    const { body } = await kit.command(cast.participant.slackId, "täckning")
    const shown = visibleText(body)
    for (const region of kit.network.regions) expect(shown).toContain(region.name)
  })

  it("`täckning` with an unknown region says so instead of guessing", async () => {
    const { body } = await kit.command(cast.participant.slackId, "täckning Atlantis")
    expect(visibleText(body)).toContain("Ingen region heter något med `Atlantis`")
  })

  it("`vem Skåne` lists the region's roles, with its process leader", async () => {
    const { body } = await kit.command(cast.participant.slackId, "vem Skåne")
    expect(visibleText(body)).toContain("Karl Henriksson")
    expect(visibleText(body)).toMatch(/processledare/i)
  })

  it("`who` without an argument shows the person's own roles and reporting chain, in their language", async () => {
    const { body } = await kit.command(cast.chair.slackId, "who")
    const shown = visibleText(body)
    expect(shown).toContain("Håkan Sjöberg")
    expect(shown).toMatch(/chair/i)
  })

  it("`vem <person>` finds a person by name", async () => {
    const { body } = await kit.command(cast.participant.slackId, "vem Karl Henriksson")
    expect(visibleText(body)).toContain("Karl Henriksson, Region Skåne")
  })

  it("`följ` and `sluta-följ` change the person's follows; following twice changes nothing", async () => {
    const first = await kit.command(cast.participant.slackId, "följ alkohol")
    expect(visibleText(first.body)).toContain("Du följer nu *Alkoholprevention*")
    const again = await kit.command(cast.participant.slackId, "följ alkohol")
    expect(visibleText(again.body)).toContain("Du följer redan *Alkoholprevention*")
    const stop = await kit.command(cast.participant.slackId, "sluta-följ alkohol")
    expect(visibleText(stop.body)).toContain("Du följer inte längre *Alkoholprevention*")
    const stopAgain = await kit.command(cast.participant.slackId, "unfollow alkohol")
    expect(visibleText(stopAgain.body)).toContain("Du följde inte *Alkoholprevention*")
  })

  it("`follow` in English follows for an English reader", async () => {
    const { body } = await kit.command(cast.chair.slackId, "follow PROM")
    expect(visibleText(body)).toContain("You now follow *PROM*")
  })

  it("`följ` without a group explains how", async () => {
    const { body } = await kit.command(cast.participant.slackId, "följ")
    expect(visibleText(body)).toContain("/spridning följ tobak")
  })

  it("`följ` a merged group is refused by core's rule, naming the group its work went into", async () => {
    const { body } = await kit.command(cast.participant.slackId, "följ Avtal och ersättning")
    expect(visibleText(body)).toContain(
      "Avtal och ersättning har slagits ihop med Hälsofrämjande primärvård; gruppens arbete fortsätter där.",
    )
  })

  it.each(["sammanfattning", "digest"])(
    "`%s` answers with the person's digest, in the language they chose (nothing published yet)",
    async (text) => {
      const { status, body } = await kit.command(cast.participant.slackId, text)
      expect(status).toBe(200)
      expect(visibleText(body)).toContain("Inget nytt i dina grupper, och inget som väntar på dig.")
    },
  )

  it.each(["inlägg", "post"])(
    "`%s` refuses a participant without publishing rights, and opens no modal",
    async (text) => {
      const before = kit.fake.callsTo("views.open").length
      const { body } = await kit.command(cast.participant.slackId, text)
      expect(visibleText(body)).toContain("Du kan inte publicera i någon temagrupp")
      expect(kit.fake.callsTo("views.open")).toHaveLength(before)
    },
  )

  it("`inlägg` opens the modal for a group's chair, listing only the group they chair", async () => {
    const { status } = await kit.command(cast.chair.slackId, "inlägg")
    expect(status).toBe(200)
    const [call] = (await kit.fake.waitForCalls("views.open")).slice(-1)
    const view = call?.args.view as {
      callback_id: string
      blocks: Array<{ block_id?: string; element?: { options?: Array<{ value: string }> } }>
    }
    expect(view.callback_id).toBe("spridning_post")
    const groupOptions = view.blocks.find((block) => block.block_id === "theme_group")?.element?.options ?? []
    expect(groupOptions.map((option) => option.value)).toEqual(["tg-halsoframjande-arbetsplats"])
  })

  it("tells a Slack user who is not in the network how to become known", async () => {
    const { body } = await kit.command(cast.stranger.slackId, "täckning")
    expect(visibleText(body)).toContain("Jag hittar dig inte bland nätverkets personer")
  })

  it("links a Slack user to a person by email once, without asking Slack again", async () => {
    const before = kit.fake
      .callsTo("users.info")
      .filter((call) => call.args.user === cast.contactPerson.slackId).length
    await kit.command(cast.contactPerson.slackId, "täckning")
    await kit.command(cast.contactPerson.slackId, "vem")
    const after = kit.fake
      .callsTo("users.info")
      .filter((call) => call.args.user === cast.contactPerson.slackId).length
    expect(after - before).toBe(1)
  })
})
