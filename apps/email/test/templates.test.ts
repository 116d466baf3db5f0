import { indexNetwork, type Language } from "@spridning/core"
import { describe, expect, it } from "vitest"
import { fillPlaceholders } from "../src/sending/outgoing-mail.js"
import { whyLine } from "../src/templates/reasons.js"
import {
  recipientSubstitutions,
  renderBriefing,
  renderDigest,
  renderDigitalHourReminder,
  renderProposalReminder,
  renderUpdateMail,
  type UpdateForMail,
} from "../src/templates/render.js"
import { network, organizer, passOnLine, updatesOfEveryKind } from "./support/fixtures.js"

const forMail = (index: number): UpdateForMail => {
  const update = updatesOfEveryKind[index]!
  return {
    id: update.id,
    kind: update.details.kind,
    title: update.title,
    body: update.body,
    details: update.details,
    ...(update.themeGroupId === undefined ? {} : { themeGroupName: "Tobaksprevention" }),
    passOnLine,
  }
}

const reader = (language: Language) =>
  recipientSubstitutions(language, {
    name: "Anna <Berg> & co",
    why: whyLine(indexNetwork(network), language, [
      { _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "tobak" },
    ] as never),
    receiptLink: "https://spridning.example/email/receipt/TOKEN",
    unsubscribeUrl: "https://spridning.example/email/unsubscribe/UNSUB",
  })

const languages: ReadonlyArray<Language> = ["sv", "en"]
const kinds = updatesOfEveryKind.map((update, index) => [update.details.kind, index] as const)

describe.each(languages)("update mails in %s", (language) => {
  it.each(kinds)(
    "renders %s with why, what to do, pass-on line, receipts and unsubscribe",
    async (kind, index) => {
      const content = await renderUpdateMail(forMail(index), language, organizer)
      const text = fillPlaceholders(content.text, reader(language))
      const html = fillPlaceholders(content.html, reader(language))
      expect(`Subject: ${content.subject}\n\n${text}`).toMatchSnapshot()
      expect(content.category).toBe(kind)
      expect(text).toContain(
        language === "sv"
          ? "Du får detta eftersom du är med i temagruppen Tobaksprevention för Region Skåne."
          : "You are receiving this because",
      )
      expect(text).toContain(passOnLine[language])
      expect(text).toContain("https://spridning.example/email/receipt/TOKEN/read")
      expect(text).toContain("https://spridning.example/email/unsubscribe/UNSUB")
      expect(html).toContain('href="https://spridning.example/email/receipt/TOKEN/acted"')
      expect(html).toContain(`lang="${language}"`)
      // the reader's name is text, never markup
      expect(html).toContain("Anna &lt;Berg&gt; &amp; co")
      expect(html).not.toContain("<Berg>")
      expect(html).toContain("@media only screen")
      expect(content.text).not.toMatch(/<(mj-|p[ >]|div|table|a )/)
    },
  )

  it("attaches a calendar file to a digital-hour invitation", async () => {
    const content = await renderUpdateMail(forMail(2), language, organizer)
    expect(content.attachments).toHaveLength(1)
    const ics = content.attachments[0]!
    expect(ics.filename).toBe("digitimme.ics")
    expect(ics.contentType).toContain("text/calendar")
    expect(ics.content).toContain("BEGIN:VEVENT")
    expect(ics.content).toContain("DTSTART:20261203T130000Z")
    expect(ics.content).toContain("DTEND:20261203T140000Z")
    expect(ics.content).toContain("UID:hour-1@spridning")
    expect(ics.content).toContain("METHOD:PUBLISH")
    expect(content.text).toContain(language === "sv" ? "kl. 14:00" : "14:00")
  })

  it("writes the proposal-round reminders a week and a day before", async () => {
    const week = await renderProposalReminder(forMail(3), language, 7)
    const day = await renderProposalReminder(forMail(3), language, 1)
    expect(`Subject: ${week.subject}\n\n${fillPlaceholders(week.text, reader(language))}`).toMatchSnapshot()
    expect(`Subject: ${day.subject}\n\n${fillPlaceholders(day.text, reader(language))}`).toMatchSnapshot()
    expect(week.subject).toContain(language === "sv" ? "en vecka kvar" : "one week left")
    expect(day.subject).toContain(language === "sv" ? "sista dag i morgon" : "deadline tomorrow")
    expect(day.text).toContain(language === "sv" ? "15 december 2026" : "15 December 2026")
  })

  it("reminds of a digital hour the day before, with the calendar file again", async () => {
    const reminder = await renderDigitalHourReminder(forMail(2), language, organizer)
    expect(
      `Subject: ${reminder.subject}\n\n${fillPlaceholders(reminder.text, reader(language))}`,
    ).toMatchSnapshot()
    expect(reminder.attachments).toHaveLength(1)
  })

  it("collects a digest with receipt links per item", async () => {
    const digest = await renderDigest(language, "weekly", [
      {
        update: forMail(0),
        readUrl: "https://x/r/1",
        passedOnUrl: "https://x/p/1",
        actedUrl: "https://x/a/1",
      },
      {
        update: forMail(1),
        readUrl: "https://x/r/2",
        passedOnUrl: "https://x/p/2",
        actedUrl: "https://x/a/2",
      },
    ])
    expect(
      `Subject: ${digest.subject}\n\n${fillPlaceholders(digest.text, reader(language))}`,
    ).toMatchSnapshot()
    expect(digest.text).toContain("https://x/r/1")
    expect(digest.text).toContain("https://x/a/2")
    expect(digest.subject).toContain("2")
  })

  it("briefs management on what happened, where the region is uncovered and what waits", async () => {
    const briefing = await renderBriefing(
      {
        regionName: "Region Skåne",
        month: new Date("2026-11-01T00:00:00Z"),
        recentWork: [{ title: "Möte 12 november", kind: "meetingNotes", themeGroupName: "Tobaksprevention" }],
        uncovered: [{ themeGroupName: "Matvanor", fallbackName: "Anna Berg" }, { themeGroupName: "PROM" }],
        missingRoles: [language === "sv" ? "presidieledamot" : "presidium member"],
        waiting: [{ title: "Förslag inför handlingsplan 2027", deadline: new Date("2026-12-15T12:00:00Z") }],
      },
      language,
    )
    const text = fillPlaceholders(briefing.text, reader(language))
    expect(`Subject: ${briefing.subject}\n\n${text}`).toMatchSnapshot()
    expect(text).toContain("Matvanor")
    expect(text).toContain("Anna Berg")
    expect(text).toContain("Förslag inför handlingsplan 2027")
  })
})

describe("why a reader got a mail", () => {
  const index = indexNetwork(network)
  it("names the role, group and region in Swedish", () => {
    expect(
      whyLine(index, "sv", [
        { _tag: "HoldsRole", role: "participant", regionId: "skane", themeGroupId: "tobak" },
      ] as never),
    ).toBe("Du får detta eftersom du är med i temagruppen Tobaksprevention för Region Skåne.")
  })

  it("says first that the reader is the bridge into a region with nobody in the group", () => {
    const line = whyLine(
      index,
      "sv",
      [{ _tag: "HoldsRole", role: "processLeader", regionId: "gotland" }] as never,
      { regionId: "gotland", via: "processLeader" } as never,
      "tobak",
    )
    expect(line).toMatch(
      /^Du får detta eftersom Region Gotland saknar deltagare i temagruppen Tobaksprevention och du är regionens processledare\. Du är regionens kanal in/,
    )
  })

  it("joins several reasons in English", () => {
    expect(
      whyLine(index, "en", [
        { _tag: "FollowsThemeGroup", themeGroupId: "tobak" },
        { _tag: "MatchesTag", tag: "clinicians" },
      ] as never),
    ).toBe(
      "You are receiving this because you follow the theme group Tobaksprevention and it concerns clinicians, which is relevant to you.",
    )
  })
})
