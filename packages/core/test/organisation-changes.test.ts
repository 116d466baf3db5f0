import { describe, expect, it } from "vitest"
import {
  mayChangeIn,
  type Publisher,
  proposalAnswerNeedsReason,
  RegionId,
  roleScope,
  ThemeGroupId,
} from "../src/index.js"

const skane = RegionId.make("region-skane")
const norrbotten = RegionId.make("region-norrbotten")
const tobak = ThemeGroupId.make("tg-tobak")
const admin: Publisher = { _tag: "Admin" }
const skaneEditor: Publisher = { _tag: "RegionEditor", regionId: skane }
const tobakChair: Publisher = { _tag: "GroupEditor", themeGroupId: tobak }

describe("who may change which part of the organisation", () => {
  it("the office changes anything; a region editor only their region; nobody else the whole network", () => {
    expect(mayChangeIn([admin], { _tag: "Network" })).toBe(true)
    expect(mayChangeIn([skaneEditor], { _tag: "Network" })).toBe(false)
    expect(mayChangeIn([skaneEditor], { _tag: "Region", regionId: skane })).toBe(true)
    expect(mayChangeIn([skaneEditor], { _tag: "Region", regionId: norrbotten })).toBe(false)
    expect(mayChangeIn([], { _tag: "Region", regionId: skane })).toBe(false)
  })

  it("a role in a theme group may be set by the group's chair and by the editor of the person's region", () => {
    const participantFromSkane = roleScope({ regionId: skane, themeGroupId: tobak })
    expect(mayChangeIn([tobakChair], participantFromSkane)).toBe(true)
    expect(mayChangeIn([skaneEditor], participantFromSkane)).toBe(true)
    expect(mayChangeIn([tobakChair], roleScope({ regionId: skane }))).toBe(false)
  })

  it("moving something between regions needs both regions", () => {
    const from = { _tag: "Region", regionId: skane } as const
    const to = { _tag: "Region", regionId: norrbotten } as const
    expect(mayChangeIn([skaneEditor], from, to)).toBe(false)
    expect(mayChangeIn([skaneEditor, { _tag: "RegionEditor", regionId: norrbotten }], from, to)).toBe(true)
  })

  it("a proposal merged or declined needs a reason; an accepted one does not", () => {
    expect(proposalAnswerNeedsReason("accepted")).toBe(false)
    expect(proposalAnswerNeedsReason("merged")).toBe(true)
    expect(proposalAnswerNeedsReason("declined")).toBe(true)
  })
})
