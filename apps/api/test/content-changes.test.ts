import { BriefingRequests, ContentChanges, Outbox } from "@spridning/db"
import { expect, it } from "vitest"
import { describeApi, type TestApi } from "./support.js"

const ahead = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z")

const publishRound = async (api: TestApi, deadline: string) => {
  const published = await api.call("group-editor", "POST", "/v1/updates", {
    update: {
      themeGroupId: "tg-tobak",
      title: "Förslag inför handlingsplan 2027",
      audience: { scope: "network" },
      details: { kind: "proposalRound", deadline, planYear: 2027 },
    },
  })
  return published
}

const deliveriesOf = (api: TestApi, updateId: string) =>
  api
    .run(Outbox.use((outbox) => outbox.forUpdate(updateId)))
    .then((all) => all.map((d) => `${d.personId}/${d.channel}/${d.state}`).sort())

describeApi("proposal rounds end to end", (api) => {
  it("refuses to publish a round whose deadline has passed, naming the field", async () => {
    const refused = await publishRound(api(), "2020-01-01T00:00:00Z")
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ errors: [{ in: "body", path: "details.deadline" }] })
    expect((refused.body as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /^must lie ahead/,
    )
  })

  it("refuses a proposal after the deadline with 409 naming it, until the group reopens the round", async () => {
    const published = await publishRound(api(), ahead(10))
    expect(published.status, published.text).toBe(201)
    const roundId = (published.body as { update: { id: string } }).update.id
    const past = "2026-01-01T00:00:00.000Z"
    // The deadline passes: set it in storage as time would have.
    const closed = await api().run(
      ContentChanges.use((changes) => changes.setRoundDeadline(roundId, new Date(past), "test")),
    )
    expect(closed.details).toMatchObject({ kind: "proposalRound", deadline: new Date(past) })
    const late = await api().call("region-editor", "POST", `/v1/proposal-rounds/${roundId}/proposals`, {
      regionId: "r-vg",
      text: "Sent för sent",
    })
    expect(late.status).toBe(409)
    expect((late.body as { detail: string }).detail).toBe(
      `The round "Förslag inför handlingsplan 2027" closed at ${past}; the theme group can reopen it with a new deadline.`,
    )

    const pastAgain = await api().call("group-editor", "PATCH", `/v1/proposal-rounds/${roundId}`, {
      deadline: "2025-06-01T00:00:00Z",
    })
    expect(pastAgain.status).toBe(400)
    expect(pastAgain.body).toMatchObject({ errors: [{ path: "deadline" }] })
    const otherGroup = await api().call("region-editor", "PATCH", `/v1/proposal-rounds/${roundId}`, {
      deadline: ahead(5),
    })
    expect(otherGroup.status).toBe(403)
    const reopened = await api().call("group-editor", "PATCH", `/v1/proposal-rounds/${roundId}`, {
      deadline: ahead(5),
    })
    expect(reopened.status, reopened.text).toBe(200)
    const inTime = await api().call("region-editor", "POST", `/v1/proposal-rounds/${roundId}/proposals`, {
      regionId: "r-vg",
      text: "Nu i tid",
    })
    expect(inTime.status, inTime.text).toBe(201)
  })

  it("delivers every answer, and every change of answer, to the submitter and the region's process leader", async () => {
    const published = await publishRound(api(), ahead(20))
    const roundId = (published.body as { update: { id: string } }).update.id
    const sent = await api().call("region-editor", "POST", `/v1/proposal-rounds/${roundId}/proposals`, {
      regionId: "r-vg",
      submittedBy: "p-anna",
      text: "Mer stöd till tobaksavvänjning i primärvården",
    })
    const proposalId = (sent.body as { id: string }).id
    const answerPath = `/v1/proposal-rounds/${roundId}/proposals/${proposalId}/answer`

    const declined = await api().call("group-editor", "POST", answerPath, {
      status: "declined",
      reason: "Ryms inte i årets plan",
    })
    expect(declined.status, declined.text).toBe(200)
    expect(declined.body).toMatchObject({ status: "declined", reason: "Ryms inte i årets plan" })

    const merged = await api().call("group-editor", "POST", answerPath, {
      status: "merged",
      reason: "Slås ihop med Skånes förslag om avvänjning",
    })
    expect(merged.status, merged.text).toBe(200)

    const answers = await api().call("admin", "GET", "/v1/updates?kind=proposalAnswer")
    const items = (
      answers.body as { items: Array<{ id: string; title: string; details: unknown; publishedAt?: string }> }
    ).items
    const mine = items.filter(
      (item) => (item.details as { answer?: { proposalId: string } }).answer?.proposalId === proposalId,
    )
    expect(mine.map((item) => item.details)).toEqual([
      {
        kind: "proposalAnswer",
        answer: {
          proposalId,
          regionId: "r-vg",
          proposalText: "Mer stöd till tobaksavvänjning i primärvården",
          status: "merged",
          reason: "Slås ihop med Skånes förslag om avvänjning",
          previousStatus: "declined",
        },
      },
      {
        kind: "proposalAnswer",
        answer: {
          proposalId,
          regionId: "r-vg",
          proposalText: "Mer stöd till tobaksavvänjning i primärvården",
          status: "declined",
          reason: "Ryms inte i årets plan",
        },
      },
    ])
    expect(
      mine.every(
        (item) => item.title === "Förslag inför handlingsplan 2027" && item.publishedAt !== undefined,
      ),
    ).toBe(true)
    for (const item of mine) {
      expect(await deliveriesOf(api(), item.id)).toEqual(["p-anna/email/pending", "p-bo/email/pending"])
    }
  })
})

describeApi("digital hours that say what they do", (api) => {
  const hour = (details: Record<string, unknown>) => ({
    themeGroupId: "tg-tobak",
    title: "Digitimme: tobaksfri duo",
    audience: { scope: "network" },
    details: { kind: "digitalHour", ...details },
  })

  it("refuses an end before the start and a link that is not a web address, naming each field", async () => {
    const backwards = await api().call(
      "group-editor",
      "POST",
      "/v1/digital-hours",
      hour({ startsAt: "2099-04-01T12:00:00Z", endsAt: "2099-04-01T11:00:00Z" }),
    )
    expect(backwards.status).toBe(400)
    expect(backwards.body).toMatchObject({
      errors: [{ in: "body", path: "details.endsAt", message: "must be after startsAt" }],
    })
    for (const url of ["Teams", "javascript:alert(1)", "ftp://example.se/x"]) {
      const bad = await api().call(
        "group-editor",
        "POST",
        "/v1/digital-hours",
        hour({ startsAt: "2099-04-01T12:00:00Z", endsAt: "2099-04-01T13:00:00Z", url }),
      )
      expect(bad.status, url).toBe(400)
      expect(bad.body).toMatchObject({
        errors: [{ path: "details.url", message: "must be a web address starting with https:// or http://" }],
      })
    }
  })

  it("refuses to publish an hour that has already started", async () => {
    const refused = await api().call("group-editor", "POST", "/v1/updates", {
      update: hour({ startsAt: "2026-01-01T12:00:00Z", endsAt: "2026-01-01T13:00:00Z" }),
    })
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ errors: [{ path: "details.startsAt" }] })
  })

  it("moves an hour: the same deliveries go out again, SEQUENCE raised; cancelling does the same once", async () => {
    const published = await api().call("group-editor", "POST", "/v1/updates", {
      update: hour({ startsAt: ahead(3), endsAt: ahead(3.05), url: "https://example.se/meet" }),
    })
    expect(published.status, published.text).toBe(201)
    const id = (published.body as { update: { id: string } }).update.id
    const before = await deliveriesOf(api(), id)
    expect(before.length).toBeGreaterThan(0)

    const backwards = await api().call("group-editor", "PATCH", `/v1/digital-hours/${id}`, {
      startsAt: ahead(4),
      endsAt: ahead(3.9),
    })
    expect(backwards.status).toBe(400)
    const moved = await api().call("group-editor", "PATCH", `/v1/digital-hours/${id}`, {
      startsAt: "2099-05-01T12:00:00Z",
      endsAt: "2099-05-01T13:00:00Z",
    })
    expect(moved.status, moved.text).toBe(200)
    expect(moved.body).toMatchObject({
      resent: before.length,
      update: {
        details: {
          kind: "digitalHour",
          startsAt: "2099-05-01T12:00:00.000Z",
          endsAt: "2099-05-01T13:00:00.000Z",
          url: "https://example.se/meet",
          sequence: 1,
        },
      },
    })
    expect(await deliveriesOf(api(), id)).toEqual(before)

    const cancelled = await api().call("group-editor", "POST", `/v1/digital-hours/${id}/cancel`)
    expect(cancelled.status, cancelled.text).toBe(200)
    expect(cancelled.body).toMatchObject({ resent: before.length, update: { details: { sequence: 2 } } })
    const again = await api().call("group-editor", "POST", `/v1/digital-hours/${id}/cancel`)
    expect(again.status).toBe(409)
    const moveCancelled = await api().call("group-editor", "PATCH", `/v1/digital-hours/${id}`, {
      startsAt: "2099-05-02T12:00:00Z",
      endsAt: "2099-05-02T13:00:00Z",
    })
    expect(moveCancelled.status).toBe(409)
  })
})

describeApi("content that can be changed", (api) => {
  const notes = {
    themeGroupId: "tg-tobak",
    title: "Anteckningar 14 mars",
    body: "Utkast",
    audience: { scope: "network" },
    details: { kind: "meetingNotes", meetingDate: "2026-03-14" },
  }

  it("edits and deletes a draft, and refuses both once it is published", async () => {
    const draft = await api().call("group-editor", "POST", "/v1/meeting-notes", notes)
    const id = (draft.body as { id: string }).id
    const edited = await api().call("group-editor", "PUT", `/v1/meeting-notes/${id}`, {
      ...notes,
      title: "Anteckningar 15 mars",
      details: { kind: "meetingNotes", meetingDate: "2026-03-15" },
    })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body).toMatchObject({
      id,
      title: "Anteckningar 15 mars",
      details: { kind: "meetingNotes", meetingDate: "2026-03-15" },
    })
    expect((edited.body as { publishedAt?: string }).publishedAt).toBeUndefined()
    expect((await api().call("group-editor", "POST", "/v1/updates", { draftId: id })).status).toBe(201)
    const late = await api().call("group-editor", "PUT", `/v1/meeting-notes/${id}`, notes)
    expect(late.status).toBe(409)
    expect((await api().call("group-editor", "DELETE", `/v1/meeting-notes/${id}`)).status).toBe(409)

    const other = await api().call("group-editor", "POST", "/v1/meeting-notes", notes)
    const otherId = (other.body as { id: string }).id
    expect((await api().call("group-editor", "DELETE", `/v1/meeting-notes/${otherId}`)).status).toBe(204)
    expect((await api().call("reader", "GET", `/v1/meeting-notes/${otherId}`)).status).toBe(404)
    expect((await api().call("group-editor", "DELETE", `/v1/meeting-notes/${otherId}`)).status).toBe(404)
  })

  it("corrects published notes: the same recipients get a short notice; a draft must be edited instead", async () => {
    const draft = await api().call("group-editor", "POST", "/v1/meeting-notes", notes)
    const id = (draft.body as { id: string }).id
    const early = await api().call("group-editor", "POST", `/v1/meeting-notes/${id}/corrections`, {
      note: "Fel datum",
    })
    expect(early.status).toBe(409)
    await api().call("group-editor", "POST", "/v1/updates", { draftId: id })
    const before = await deliveriesOf(api(), id)
    expect(before.length).toBeGreaterThan(0)
    const empty = await api().call("group-editor", "POST", `/v1/meeting-notes/${id}/corrections`, {
      note: "",
    })
    expect(empty.status).toBe(400)
    expect(empty.body).toMatchObject({ errors: [{ path: "note" }] })
    const corrected = await api().call("group-editor", "POST", `/v1/meeting-notes/${id}/corrections`, {
      note: "Nästa möte är den 14 april, inte den 12.",
      body: "Nästa möte: 14 april.",
    })
    expect(corrected.status, corrected.text).toBe(200)
    expect(corrected.body).toMatchObject({
      resent: before.length,
      update: {
        id,
        body: "Nästa möte: 14 april.",
        details: { kind: "meetingNotes", correction: { note: "Nästa möte är den 14 april, inte den 12." } },
      },
    })
    expect(await deliveriesOf(api(), id)).toEqual(before)
    const other = await api().call("region-editor", "POST", `/v1/meeting-notes/${id}/corrections`, {
      note: "Nej",
    })
    expect(other.status).toBe(403)
  })

  it("moves a work-list item on, and publishes the change to those who got it only when asked", async () => {
    const published = await api().call("group-editor", "POST", "/v1/updates", {
      update: {
        themeGroupId: "tg-tobak",
        title: "Kartlägga tobaksavvänjning",
        audience: { scope: "network" },
        details: { kind: "workListItem", status: "planned" },
      },
    })
    const id = (published.body as { update: { id: string } }).update.id
    const quiet = await api().call("group-editor", "PATCH", `/v1/work-list-items/${id}`, {
      status: "ongoing",
    })
    expect(quiet.status, quiet.text).toBe(200)
    expect(quiet.body).toMatchObject({
      resent: 0,
      update: { details: { kind: "workListItem", status: "ongoing" } },
    })
    const told = await api().call("group-editor", "PATCH", `/v1/work-list-items/${id}`, {
      status: "done",
      publish: true,
    })
    expect(told.status).toBe(200)
    const count = (await deliveriesOf(api(), id)).length
    expect(count).toBeGreaterThan(0)
    expect(told.body).toMatchObject({ resent: count, update: { details: { status: "done" } } })
    const wrong = await api().call("group-editor", "PATCH", `/v1/work-list-items/${id}`, {
      status: "finished",
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body).toMatchObject({ errors: [{ path: "status" }] })
  })
})

describeApi("sending a region's briefing now", (api) => {
  it("lets the network office ask for one region's briefing, which the mail schedule then sends", async () => {
    const asked = await api().call("admin", "POST", "/v1/regions/r-vg/briefing/send")
    expect(asked.status, asked.text).toBe(202)
    expect(asked.body).toMatchObject({ regionId: "r-vg" })
    const pending = await api().run(BriefingRequests.use((requests) => requests.pending))
    expect(pending.map((request) => [request.regionId, request.requestedBy.startsWith("token:")])).toEqual([
      ["r-vg", true],
    ])
  })

  it("is the network office's alone, and names an unknown region", async () => {
    expect((await api().call("region-editor", "POST", "/v1/regions/r-vg/briefing/send")).status).toBe(403)
    expect((await api().call("group-editor", "POST", "/v1/regions/r-vg/briefing/send")).status).toBe(403)
    const unknown = await api().call("admin", "POST", "/v1/regions/r-nowhere/briefing/send")
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get("content-type")).toContain("application/problem+json")
  })
})
