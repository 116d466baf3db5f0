import { describe, expect, it } from "vitest"
import { isOnPublicSite } from "../src/index.js"

describe("what the public site may show", () => {
  const published = new Date("2026-11-30T12:00:00Z")

  it("shows a published update whose audience is public", () => {
    expect(
      isOnPublicSite({ kind: "meetingNotes", audience: { scope: "public" }, publishedAt: published }),
    ).toBe(true)
  })

  it("never shows network-only content", () => {
    expect(
      isOnPublicSite({ kind: "meetingNotes", audience: { scope: "network" }, publishedAt: published }),
    ).toBe(false)
  })

  it("never shows a draft, even a public one", () => {
    expect(isOnPublicSite({ kind: "goodExample", audience: { scope: "public" } })).toBe(false)
  })

  it("never shows a region's management briefing, whatever its audience says", () => {
    expect(isOnPublicSite({ kind: "briefing", audience: { scope: "public" }, publishedAt: published })).toBe(
      false,
    )
  })
})
