import { expect, it } from "vitest"
import { describeApi } from "./support.js"

interface Page {
  readonly items: ReadonlyArray<{ readonly id: string }>
}

const example = (id: string, title: string, body: string, tags: ReadonlyArray<string>) => ({
  id,
  title,
  body,
  audience: { scope: "public" },
  details: { kind: "goodExample", tags },
})

describeApi("searching good examples and updates", (api) => {
  const ids = async (path: string) => {
    const answer = await api().call("reader", "GET", path)
    expect(answer.status, answer.text).toBe(200)
    return (answer.body as Page).items.map((item) => item.id).sort()
  }

  it("stores three good examples and a note", async () => {
    for (const body of [
      example("ge-natverk", "Regionala nätverken i Halland", "Så fick vi med kommunerna.", [
        "Regional-Organisation",
        "kommun",
      ]),
      example("ge-rad", "Ett regionalt råd", "Bred representation från skola och vård.", [
        "regional-organisation",
      ]),
      example("ge-snus", "Snusfri skoltid", "Ett samarbete med elevhälsan.", ["Tobak"]),
    ]) {
      const created = await api().call("admin", "POST", "/v1/good-examples", body)
      expect(created.status, created.text).toBe(201)
    }
    const note = await api().call("admin", "POST", "/v1/meeting-notes", {
      id: "mn-natverk",
      themeGroupId: "tg-tobak",
      title: "Träff med nätverken",
      audience: { scope: "network" },
      details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
    })
    expect(note.status, note.text).toBe(201)
  })

  it("filters by a tag in any letter case", async () => {
    expect(await ids("/v1/good-examples?tag=REGIONAL-ORGANISATION")).toEqual(["ge-natverk", "ge-rad"])
    expect(await ids("/v1/good-examples?tag=tobak")).toEqual(["ge-snus"])
  })

  it("takes several tags, repeated or comma-separated, each required", async () => {
    expect(await ids("/v1/good-examples?tag=regional-organisation&tag=Kommun")).toEqual(["ge-natverk"])
    expect(await ids("/v1/good-examples?tag=regional-organisation,kommun")).toEqual(["ge-natverk"])
    expect(await ids("/v1/good-examples?tag=tobak&tag=kommun")).toEqual([])
  })

  it("finds 'nätverk' in 'Regionala nätverken' with ?q=, in good examples and in every update", async () => {
    expect(await ids(`/v1/good-examples?q=${encodeURIComponent("nätverk")}`)).toEqual(["ge-natverk"])
    expect(await ids(`/v1/updates?q=${encodeURIComponent("nätverk")}`)).toEqual(["ge-natverk", "mn-natverk"])
    expect(await ids(`/v1/good-examples?q=${encodeURIComponent("elevhälsan")}`)).toEqual(["ge-snus"])
  })

  it("refuses a search longer than 500 characters with 400 naming the field", async () => {
    const answer = await api().call("reader", "GET", `/v1/updates?q=${"a".repeat(501)}`)
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toContain('"path":"q"')
  })
})
