import { Effect } from "effect"
import { expect, it } from "vitest"
import { Organisation } from "../src/organisation/organisation.js"
import type { NewUpdate } from "../src/updates/model.js"
import { type UpdateFilter, Updates } from "../src/updates/updates.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

const example = (id: string, title: string, body: string, tags: ReadonlyArray<string>): NewUpdate => ({
  id,
  title,
  body,
  audience: { scope: "public" },
  details: { kind: "goodExample", tags },
})

const notes = (id: string, themeGroupId: string, title: string, body = ""): NewUpdate => ({
  id,
  themeGroupId,
  title,
  body,
  audience: { scope: "network" },
  details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
})

describeEachDatabase("listing and searching updates", (database) => {
  const ids = async (filter: UpdateFilter) =>
    (await database.run(Effect.flatMap(Updates, (updates) => updates.list({ filter })))).items
      .map((update) => update.id)
      .sort()

  it("stores the examples and notes the searches below look at", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("ls"), "test")))
    const drafts: ReadonlyArray<NewUpdate> = [
      example("ls-natverk", "Regionala nätverken i Halland", "Så fick vi med kommunerna.", [
        "Regional-Organisation",
        "kommun",
      ]),
      example("ls-rad", "Ett regionalt råd", "Bred representation från skola och vård.", [
        "regional-organisation",
      ]),
      example("ls-snus", "Snusfri skoltid", "Ett samarbete med elevhälsan om tobak.", ["Tobak"]),
      notes("ls-tobak-1", "ls-tobak", "Minnesanteckningar oktober", "Vi pratade om tobaksfria skolgårdar."),
      notes("ls-alkohol-1", "ls-alkohol", "Alkohol och graviditet", "Två nätverk för barnmorskor startar."),
    ]
    for (const draft of drafts)
      await database.run(Effect.flatMap(Updates, (u) => u.createDraft(draft, "test")))
    expect((await ids({})).length).toBe(5)
  })

  it("matches a tag in any letter case", async () => {
    expect(await ids({ tag: "regional-organisation" })).toEqual(["ls-natverk", "ls-rad"])
    expect(await ids({ tag: "REGIONAL-ORGANISATION" })).toEqual(["ls-natverk", "ls-rad"])
    expect(await ids({ tags: ["tobak"] })).toEqual(["ls-snus"])
  })

  it("takes several tags, and keeps the examples carrying every one of them", async () => {
    expect(await ids({ tags: ["regional-organisation", "Kommun"] })).toEqual(["ls-natverk"])
    expect(await ids({ tags: ["tobak", "kommun"] })).toEqual([])
  })

  it("finds 'nätverk' in 'Regionala nätverken' with Swedish full-text search (the Swedish stemmer)", async () => {
    expect(await ids({ q: "nätverk" })).toEqual(["ls-alkohol-1", "ls-natverk"])
    expect(await ids({ q: "nätverk", kind: "goodExample" })).toEqual(["ls-natverk"])
  })

  it("searches the text as well as the title, and every word must be there", async () => {
    expect(await ids({ q: "elevhälsan" })).toEqual(["ls-snus"])
    expect(await ids({ q: "skola vård" })).toEqual(["ls-rad"])
    // Snowball's Swedish stems "Regionala" to "regional" but keeps "regionalt" as it is.
    expect(await ids({ q: "regional" })).toEqual(["ls-natverk"])
    expect(await ids({ q: "regionalt" })).toEqual(["ls-rad"])
    expect(await ids({ q: "kommunerna -råd" })).toEqual(["ls-natverk"])
  })

  it("treats a blank search as no search", async () => {
    expect((await ids({ q: "   " })).length).toBe(5)
  })

  it("lists the updates of several theme groups: a group and the one merged into it", async () => {
    expect(await ids({ themeGroupIds: ["ls-tobak", "ls-alkohol"] })).toEqual(["ls-alkohol-1", "ls-tobak-1"])
    expect(await ids({ themeGroupIds: ["ls-tobak"] })).toEqual(["ls-tobak-1"])
    expect(await ids({ themeGroupIds: [] })).toEqual([])
  })
})
