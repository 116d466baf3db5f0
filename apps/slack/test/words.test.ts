import { NetworkStore } from "@spridning/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { excerpt } from "../src/views/shorten.js"
import { cast, type SlackTestKit, startSlackTestKit, visibleText } from "./support/slack-test-kit.js"

let kit: SlackTestKit
beforeAll(async () => {
  kit = await startSlackTestKit()
  kit.fake.addUser({ id: "U0KALMARPL", email: "marie.fredriksson@regionkalmarlan.example" })
}, 180_000)
afterAll(() => kit.close())

describe("words people type", () => {
  it("`täckning gotland` is Region Gotland, not Östergötland (a whole word before a part of one)", async () => {
    const { body } = await kit.command(cast.participant.slackId, "täckning gotland")
    expect(visibleText(body)).toContain("Täckning för Region Gotland")
    expect(visibleText(body)).not.toContain("Flera passar")
  })

  it("an unambiguous start of a name is enough (`täckning väster` is ambiguous, `täckning västerb` is not)", async () => {
    const ambiguous = await kit.command(cast.participant.slackId, "täckning väster")
    expect(visibleText(ambiguous.body)).toContain(
      "Flera passar – skriv mer exakt: Region Västerbotten, Region Västernorrland.",
    )
    const one = await kit.command(cast.participant.slackId, "täckning västerb")
    expect(visibleText(one.body)).toContain("Täckning för Region Västerbotten")
  })

  it("the help's English example works: `follow tobacco` follows Tobaksprevention", async () => {
    const { body } = await kit.command(cast.chair.slackId, "follow tobacco")
    expect(visibleText(body)).toContain("You now follow *Tobaksprevention*")
  })

  it("a broken reporting chain is said in plain Swedish, not as an internal code", async () => {
    const { body } = await kit.command(cast.participant.slackId, "vem Marie Fredriksson")
    const shown = visibleText(body)
    expect(shown).toContain(
      "Rapporteringskedjan är bruten: Regionens rapporteringsvägar går runt i en cirkel tillbaka till processledare.",
    )
    expect(shown).not.toContain("cycle")
  })

  it("an error is told in the person's language, not in the language of the word they typed", async () => {
    await kit.command(cast.chair.slackId, "who") // links the chair, who reads English
    kit.fake.failNext("views.open", { status: 503 })
    const { body } = await kit.command(cast.chair.slackId, "inlägg")
    expect(visibleText(body)).toContain("Slack did not answer just now. Please try again in a moment.")
  })
})

describe("`följ` and how often", () => {
  it("sets the frequency asked for, says which, and keeps it when asked to follow again without one", async () => {
    await kit.command(cast.processLeader.slackId, "sluta-följ psykisk hälsa")
    const first = await kit.command(cast.processLeader.slackId, "följ psykisk hälsa veckovis")
    expect(visibleText(first.body)).toContain(
      "Du följer nu *Psykisk hälsa* och får en sammanfattning per vecka",
    )
    const again = await kit.command(cast.processLeader.slackId, "följ psykisk hälsa")
    expect(visibleText(again.body)).toContain(
      "Du följer redan *Psykisk hälsa* och får en sammanfattning per vecka; det har jag inte ändrat.",
    )
    const network = await kit.run(NetworkStore.use((store) => store.load))
    const follow = network.follows.find(
      (f) => f.personId === cast.processLeader.personId && f.themeGroupId === "tg-psykisk-halsa",
    )
    expect(follow?.frequency).toBe("weekly")
    const changed = await kit.command(cast.processLeader.slackId, "följ psykisk hälsa direkt")
    expect(visibleText(changed.body)).toContain(
      "Du följer redan *Psykisk hälsa*; nu får du varje nyhet direkt.",
    )
  })
})

describe("cutting long text", () => {
  it("never cuts inside an entity or a word, and marks the cut", () => {
    const raw = `${"Mat & motion. ".repeat(30)}Slutord`
    const cut = excerpt(raw, 100)
    expect(cut).toEqual({
      text: "Mat &amp; motion. Mat &amp; motion. Mat &amp; motion. Mat &amp; motion. Mat &amp; motion.…",
      cut: true,
    })
  })

  it("keeps text that fits as it is, escaped", () => {
    expect(excerpt("Tobak & alkohol", 100)).toEqual({ text: "Tobak &amp; alkohol", cut: false })
  })
})
