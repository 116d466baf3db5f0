import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { demoNetwork } from "../src/demo/index.js"
import {
  Audience,
  mayPublish,
  PersonId,
  publishersOf,
  publishingChoices,
  publishRefusalText,
  RegionId,
  restrictedRegion,
  ThemeGroupId,
} from "../src/index.js"
import { describeRightsRow, publishingRightsTable } from "../src/testing/index.js"

const audienceOf = (themeGroupId: string | undefined, regions: ReadonlyArray<string>) =>
  Schema.decodeUnknownSync(Audience)({
    scope: "network",
    ...(themeGroupId === undefined ? {} : { themeGroups: [themeGroupId] }),
    ...(regions.length === 0 ? {} : { regions }),
  })
const personId = Schema.decodeUnknownSync(PersonId)
const groupId = Schema.decodeUnknownSync(ThemeGroupId)
const personRegion = Schema.decodeUnknownSync(RegionId)

describe("the publishing-rights table, decided by core for the people who hold each right", () => {
  for (const row of publishingRightsTable) {
    it(describeRightsRow(row), () => {
      const publishers = publishersOf(demoNetwork, personId(row.who.person.id), row.who.slackAdmin)
      const decision = mayPublish(demoNetwork, publishers, {
        ...(row.themeGroupId === undefined ? {} : { themeGroupId: groupId(row.themeGroupId) }),
        audience: audienceOf(row.themeGroupId, row.regions),
      })
      expect(decision._tag === "Allowed" ? "allowed" : decision.reason._tag).toBe(row.expected)
    })
  }
})

describe("publishing rights", () => {
  it("makes process leaders and presidium members region editors and chairs group editors", () => {
    expect(publishersOf(demoNetwork, personId("person-0306"), false)).toEqual([
      { _tag: "RegionEditor", regionId: "region-skane" },
    ])
    expect(publishersOf(demoNetwork, personId("person-0305"), false)).toEqual([
      { _tag: "RegionEditor", regionId: "region-skane" },
    ])
    expect(publishersOf(demoNetwork, personId("person-0025"), false)).toEqual([
      { _tag: "GroupEditor", themeGroupId: "tg-halsoframjande-arbetsplats" },
    ])
    expect(publishersOf(demoNetwork, personId("person-0004"), false)).toEqual([])
  })

  it("offers a region editor every active group, restricted to its region", () => {
    const choices = publishingChoices(demoNetwork, [
      { _tag: "RegionEditor", regionId: personRegion("region-skane") },
    ])
    expect(choices.length).toBe(10)
    expect(new Set(choices.map((choice) => choice.onlyRegion))).toEqual(new Set(["region-skane"]))
  })

  it("offers a chair who is also a process leader their own group without restriction", () => {
    const choices = publishingChoices(demoNetwork, [
      { _tag: "RegionEditor", regionId: personRegion("region-skane") },
      { _tag: "GroupEditor", themeGroupId: groupId("tg-alkohol") },
    ])
    const alkohol = choices.find((choice) => choice.themeGroup.id === "tg-alkohol")
    expect(alkohol?.onlyRegion).toBeUndefined()
    expect(choices.find((choice) => choice.themeGroup.id === "tg-tobak")?.onlyRegion).toBe("region-skane")
  })

  it("says why, naming the regions the audience reaches outside the editor's own", () => {
    const decision = mayPublish(
      demoNetwork,
      [{ _tag: "RegionEditor", regionId: personRegion("region-skane") }],
      {
        audience: audienceOf(undefined, ["region-skane", "region-blekinge"]),
      },
    )
    expect(decision).toEqual({
      _tag: "Refused",
      reason: { _tag: "AudienceOutsideRegion", yours: ["region-skane"], outside: ["region-blekinge"] },
    })
    if (decision._tag !== "Refused") return
    expect(publishRefusalText(demoNetwork, "en", decision.reason)).toBe(
      "As a region editor you publish only to recipients in Region Skåne; this audience also reaches Region Blekinge.",
    )
    expect(publishRefusalText(demoNetwork, "sv", decision.reason)).toBe(
      "Som regionredaktör publicerar du bara till mottagare i Region Skåne; mottagarna finns också i Region Blekinge.",
    )
  })
})

describe("the region an audience is narrowed to when none is named", () => {
  const skane = Schema.decodeUnknownSync(RegionId)("region-skane")
  it("is a region editor's own region, unless a wider role allows the whole audience", () => {
    expect(restrictedRegion([{ _tag: "RegionEditor", regionId: skane }], groupId("tg-tobak"))).toBe(
      "region-skane",
    )
    expect(restrictedRegion([{ _tag: "RegionEditor", regionId: skane }], undefined)).toBe("region-skane")
    expect(
      restrictedRegion(
        [
          { _tag: "RegionEditor", regionId: skane },
          { _tag: "GroupEditor", themeGroupId: groupId("tg-tobak") },
        ],
        groupId("tg-tobak"),
      ),
    ).toBeUndefined()
    expect(
      restrictedRegion([{ _tag: "Admin" }, { _tag: "RegionEditor", regionId: skane }], undefined),
    ).toBeUndefined()
    expect(restrictedRegion([], undefined)).toBeUndefined()
  })
})
