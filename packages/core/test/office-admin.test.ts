import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { demoNetwork } from "../src/demo/index.js"
import { isNetworkOffice, isOfficeAdmin, mayRetryDeliveries, officeRightsOf, PersonId } from "../src/index.js"

const person = (id: string, email: string) => ({ id: Schema.decodeUnknownSync(PersonId)(id), email })

describe("who is the network office, and what a signed-in person may do", () => {
  it("an admin is named by the configured list, compared without case or spaces", () => {
    expect(isOfficeAdmin([" Kansli@HFS.example "], "kansli@hfs.example")).toBe(true)
    expect(isOfficeAdmin(["kansli@hfs.example"], "annan@hfs.example")).toBe(false)
    expect(isOfficeAdmin([""], "")).toBe(false)
  })

  it("a process leader edits their region; listed as admin they are the office too", () => {
    const hans = person("person-0003", "hans.jonsson@regionnorrbotten.example")
    expect(officeRightsOf(demoNetwork, hans, [])).toEqual([
      { _tag: "RegionEditor", regionId: "region-norrbotten" },
    ])
    expect(officeRightsOf(demoNetwork, hans, ["HANS.JONSSON@regionnorrbotten.example"])).toEqual([
      { _tag: "Admin" },
      { _tag: "RegionEditor", regionId: "region-norrbotten" },
    ])
  })

  it("a participant may do nothing, and only an admin may retry deliveries", () => {
    const helena = person("person-0004", "helena.holm@regionnorrbotten.example")
    expect(officeRightsOf(demoNetwork, helena, [])).toEqual([])
    expect(mayRetryDeliveries([{ _tag: "Admin" }])).toBe(true)
    expect(
      mayRetryDeliveries(
        officeRightsOf(demoNetwork, person("person-0003", "hans.jonsson@regionnorrbotten.example"), []),
      ),
    ).toBe(false)
  })

  it("only rights that include Admin are the network office's", () => {
    expect(isNetworkOffice([{ _tag: "Admin" }])).toBe(true)
    expect(isNetworkOffice([])).toBe(false)
    const hans = person("person-0003", "hans.jonsson@regionnorrbotten.example")
    expect(isNetworkOffice(officeRightsOf(demoNetwork, hans, []))).toBe(false)
    expect(isNetworkOffice(officeRightsOf(demoNetwork, hans, [hans.email]))).toBe(true)
  })
})
