import { describe, expect, it } from "vitest"
import { calendarFile } from "../src/templates/calendar.js"
import { renderUpdateMail, type UpdateForMail } from "../src/templates/render.js"
import { organizer } from "./support/fixtures.js"

const hour = (
  details: Partial<Extract<UpdateForMail["details"], { kind: "digitalHour" }>>,
): UpdateForMail => ({
  id: "hour-7",
  kind: "digitalHour",
  title: "Digitimme: Matvanor",
  body: "En timme om matvanor.",
  details: {
    kind: "digitalHour",
    startsAt: new Date("2026-12-03T13:00:00Z"),
    endsAt: new Date("2026-12-03T14:00:00Z"),
    url: 'https://meet.example/hfs-matvanor?id=7&x="y"',
    ...details,
  },
  themeGroupName: "Matvanor",
})

const octets = (line: string) => Buffer.byteLength(line, "utf8")

describe("the calendar file", () => {
  it("folds long Swedish lines at 75 octets, never inside a letter", () => {
    const ics = calendarFile({
      uid: "hour-7@spridning",
      sequence: 0,
      title: `Digitimme: ${"Hälsofrämjande åtgärder för äldre ".repeat(4)}`,
      description: "Å".repeat(120),
      startsAt: new Date("2026-12-03T13:00:00Z"),
      endsAt: new Date("2026-12-03T14:00:00Z"),
      organizer,
      stampedAt: new Date("2026-11-30T10:00:00Z"),
    })
    const lines = ics.split("\r\n")
    expect(lines.filter((line) => octets(line) > 75)).toEqual([])
    // Unfolding gives back the text exactly: no letter was cut in two.
    const unfolded = ics.replace(/\r\n /g, "")
    expect(unfolded).toContain(`DESCRIPTION:${"Å".repeat(120)}\r\n`)
    expect(lines).toContain("DTSTAMP:20261130T100000Z")
    expect(lines).toContain("SEQUENCE:0")
  })

  it("goes out again with SEQUENCE raised when the hour moves, and as METHOD:CANCEL when cancelled", async () => {
    const moved = await renderUpdateMail(
      hour({
        sequence: 1,
        startsAt: new Date("2026-12-04T13:00:00Z"),
        endsAt: new Date("2026-12-04T14:00:00Z"),
      }),
      "sv",
      organizer,
    )
    expect(moved.subject).toBe("Ny tid för digitimme – Matvanor: Digitimme: Matvanor")
    const movedIcs = moved.attachments[0]!
    expect(movedIcs.contentType).toBe("text/calendar; charset=utf-8; method=PUBLISH")
    expect(movedIcs.content).toContain("METHOD:PUBLISH\r\n")
    expect(movedIcs.content).toContain("UID:hour-7@spridning\r\n")
    expect(movedIcs.content).toContain("SEQUENCE:1\r\n")
    expect(movedIcs.content).toContain("DTSTART:20261204T130000Z\r\n")
    expect(moved.text.replace(/\s+/g, " ")).toContain(
      "Digitimmen har fått ny tid. Den bifogade kalenderfilen uppdaterar din kalender.",
    )

    const cancelled = await renderUpdateMail(
      hour({ sequence: 2, cancelledAt: new Date("2026-12-01T09:00:00Z") }),
      "en",
      organizer,
    )
    expect(cancelled.subject).toBe("Digital hour cancelled – Matvanor: Digitimme: Matvanor")
    const cancelIcs = cancelled.attachments[0]!
    expect(cancelIcs.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL")
    expect(cancelIcs.content).toContain("METHOD:CANCEL\r\n")
    expect(cancelIcs.content).toContain("SEQUENCE:2\r\n")
    expect(cancelIcs.content).toContain("STATUS:CANCELLED\r\n")
    expect(cancelled.text).toContain("Status: cancelled")
    expect(cancelled.html).not.toContain("meet.example")
  })

  it("makes the join link a link", async () => {
    const invitation = await renderUpdateMail(hour({}), "sv", organizer)
    expect(invitation.subject).toBe("Inbjudan till digitimme – Matvanor: Digitimme: Matvanor")
    expect(invitation.html).toContain('href="https://meet.example/hfs-matvanor?id=7&x=%22y%22"')
    expect(invitation.html).toContain("Anslut till digitimmen")
    expect(invitation.text).toContain(
      "* Anslut till digitimmen: https://meet.example/hfs-matvanor?id=7&x=%22y%22",
    )
  })
})

describe("the answer to a proposal", () => {
  const answer = (previousStatus?: "accepted" | "merged" | "declined"): UpdateForMail => ({
    id: "answer-1",
    kind: "proposalAnswer",
    title: "Förslag inför handlingsplan 2027",
    body: "",
    themeGroupName: "Tobaksprevention",
    details: {
      kind: "proposalAnswer",
      answer: {
        proposalId: "p-1",
        regionId: "r-vg",
        proposalText: "Mer stöd till tobaksavvänjning",
        status: "declined",
        reason: "Ryms inte i årets plan",
        ...(previousStatus === undefined ? {} : { previousStatus }),
      },
    },
  })

  it("tells the region in Swedish what was answered and why", async () => {
    const mail = await renderUpdateMail(answer(), "sv", organizer)
    expect(mail.subject).toBe("Svar på förslag – Tobaksprevention: Förslag inför handlingsplan 2027")
    expect(mail.text).toContain("Ert förslag: Mer stöd till tobaksavvänjning")
    expect(mail.text).toContain("Svar: avböjt")
    expect(mail.text).toContain("Motivering: Ryms inte i årets plan")
    expect(mail.text).toContain("Temagruppen har inte kunnat ta med ert förslag den här gången.")
  })

  it("says in English that the answer changed, and from what", async () => {
    const mail = await renderUpdateMail(answer("accepted"), "en", organizer)
    expect(mail.subject).toBe(
      "Changed answer to a proposal – Tobaksprevention: Förslag inför handlingsplan 2027",
    )
    expect(mail.text).toContain("The theme group has changed its answer (before: accepted).")
    expect(mail.text).toContain("Answer: declined")
    expect(mail.text).toContain("Reason: Ryms inte i årets plan")
  })
})

describe("corrected notes", () => {
  it("go out as a short notice saying what was corrected, without the whole notes again", async () => {
    const mail = await renderUpdateMail(
      {
        id: "notes-9",
        kind: "meetingNotes",
        title: "Möte 12 november",
        body: "Hela anteckningarna, rättade.",
        themeGroupName: "Tobaksprevention",
        details: {
          kind: "meetingNotes",
          meetingDate: "2026-11-12",
          correction: {
            note: "Nästa möte är den 14 april, inte den 12.",
            at: new Date("2026-11-30T10:00:00Z"),
          },
        },
      },
      "sv",
      organizer,
    )
    expect(mail.subject).toBe("Rättelse: minnesanteckningar – Tobaksprevention: Möte 12 november")
    expect(mail.text.replace(/\s+/g, " ")).toContain(
      "Rättelse i anteckningarna du fick tidigare: Nästa möte är den 14 april, inte den 12.",
    )
    expect(mail.text).not.toContain("Hela anteckningarna")
  })
})
