import { expect, it } from "vitest"
import { describeApi } from "./support.js"

interface Preview {
  readonly recipients: ReadonlyArray<{ readonly personId: string }>
  readonly contributions: unknown
  readonly passOnLine: { readonly sv: string; readonly en: string }
}

describeApi("audience previews follow one rule: who widens, where narrows", (api) => {
  const preview = async (audience: unknown) => {
    const answer = await api().call("reader", "POST", "/v1/audiences/preview", { audience })
    expect(answer.status, answer.text).toBe(200)
    return answer.body as Preview
  }

  it("keeps the group's chair, participant, contact person and follower when process leaders are added", async () => {
    const group = await preview({ scope: "network", themeGroups: ["tg-tobak"] })
    expect(group.recipients.map((r) => r.personId).sort()).toEqual(["p-anna", "p-chair", "p-cia", "p-eva"])
    const widened = await preview({ scope: "network", themeGroups: ["tg-tobak"], roles: ["processLeader"] })
    expect(widened.recipients.map((r) => r.personId).sort()).toEqual([
      "p-anna",
      "p-bo",
      "p-chair",
      "p-cia",
      "p-dan",
      "p-eva",
    ])
    expect(widened.contributions).toEqual({
      scope: "network",
      who: [
        { selector: { _tag: "Role", role: "processLeader" }, recipients: 2 },
        { selector: { _tag: "ThemeGroup", themeGroupId: "tg-tobak" }, recipients: 4 },
      ],
      where: [],
    })
    expect(widened.passOnLine).toEqual({
      sv: "Sprid vidare till: processledare och alla som deltar i eller följer Tobaksprevention i alla regioner (för nätverket).",
      en: "Pass on to: process leaders and everyone in or following Tobaksprevention in all regions (for the network).",
    })
  })

  it("narrows to a healthcare region, and reaches Halland from Södra", async () => {
    const sodra = await preview({
      scope: "network",
      themeGroups: ["tg-tobak"],
      roles: ["processLeader"],
      healthcareRegions: ["hr-sodra"],
    })
    expect(sodra.recipients.map((r) => r.personId).sort()).toEqual(["p-cia", "p-dan", "p-eva"])
    expect(sodra.passOnLine.sv).toBe(
      "Sprid vidare till: processledare och alla som deltar i eller följer Tobaksprevention i sjukvårdsregion Södra (för nätverket).",
    )
  })

  it("does not name a selector that reached nobody", async () => {
    const answer = await preview({ scope: "network", roles: ["processLeader"], functions: ["researcher"] })
    expect(answer.recipients.map((r) => r.personId).sort()).toEqual(["p-bo", "p-dan"])
    expect(answer.passOnLine.sv).toBe("Sprid vidare till: processledare i alla regioner (för nätverket).")
  })
})
