import { describe, expect, it } from "vitest"
import { publishersOfToken, RegionId, ThemeGroupId, tokenBindingProblems } from "../src/index.js"

describe("a token's binding matches its role", () => {
  it("a region editor names its region and no theme group", () => {
    expect(tokenBindingProblems("region-editor", { regionId: "region-skane" })).toEqual([])
    expect(tokenBindingProblems("region-editor", {})).toEqual([{ field: "regionId", problem: "required" }])
    expect(tokenBindingProblems("region-editor", { regionId: "", themeGroupId: "tg-tobak" })).toEqual([
      { field: "regionId", problem: "required" },
      { field: "themeGroupId", problem: "notAllowed" },
    ])
  })

  it("a group editor names its theme group first, and no region", () => {
    expect(tokenBindingProblems("group-editor", { themeGroupId: "tg-tobak" })).toEqual([])
    expect(tokenBindingProblems("group-editor", { regionId: "region-skane" })).toEqual([
      { field: "themeGroupId", problem: "required" },
      { field: "regionId", problem: "notAllowed" },
    ])
  })

  it("the office and readers are bound to nothing", () => {
    expect(tokenBindingProblems("admin", {})).toEqual([])
    expect(tokenBindingProblems("reader", { regionId: "region-skane" })).toEqual([
      { field: "regionId", problem: "notAllowed" },
    ])
    expect(tokenBindingProblems("admin", { themeGroupId: "tg-tobak" })).toEqual([
      { field: "themeGroupId", problem: "notAllowed" },
    ])
  })
})

describe("a token's rights", () => {
  const skane = RegionId.make("region-skane")
  const tobak = ThemeGroupId.make("tg-tobak")

  it("are the office's for an admin token, and nothing for a reader", () => {
    expect(publishersOfToken({ role: "admin" })).toEqual([{ _tag: "Admin" }])
    expect(publishersOfToken({ role: "reader", regionId: skane })).toEqual([])
  })

  it("are its region's or its theme group's for an editor, and nothing without the binding", () => {
    expect(publishersOfToken({ role: "region-editor", regionId: skane })).toEqual([
      { _tag: "RegionEditor", regionId: "region-skane" },
    ])
    expect(publishersOfToken({ role: "group-editor", themeGroupId: tobak })).toEqual([
      { _tag: "GroupEditor", themeGroupId: "tg-tobak" },
    ])
    expect(publishersOfToken({ role: "region-editor", themeGroupId: tobak })).toEqual([])
  })
})
