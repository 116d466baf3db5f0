import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { demoNetwork } from "../src/demo/index.js"
import {
  Audience,
  announcesInGroupChannel,
  channelLinkRefusalText,
  groupEditorsOf,
  mayLinkGroupChannel,
  type RegionId,
  type ThemeGroupId,
} from "../src/index.js"

const audience = Schema.decodeUnknownSync(Audience)

const tobak = "tg-tobak"

describe("which updates a theme group's channel receives", () => {
  it("announces an update meant for the whole group", () => {
    expect(
      announcesInGroupChannel({
        themeGroupId: tobak,
        audience: audience({ scope: "network", themeGroups: [tobak] }),
      }),
    ).toBe(true)
  })

  it("never announces an update limited to a region (it goes to the region's people)", () => {
    expect(
      announcesInGroupChannel({
        themeGroupId: tobak,
        audience: audience({ scope: "network", themeGroups: [tobak], regions: ["region-skane"] }),
      }),
    ).toBe(false)
  })

  it("never announces an update limited to roles, or one without a group", () => {
    expect(
      announcesInGroupChannel({
        themeGroupId: tobak,
        audience: audience({ scope: "network", themeGroups: [tobak], roles: ["processLeader"] }),
      }),
    ).toBe(false)
    expect(announcesInGroupChannel({ audience: audience({ scope: "network" }) })).toBe(false)
  })
})

describe("who may choose a theme group's channel", () => {
  const group = "tg-tobak" as ThemeGroupId
  const other = "tg-alkohol" as ThemeGroupId

  it("the network office and the group's own editor (its chair)", () => {
    expect(mayLinkGroupChannel([{ _tag: "Admin" }], group)._tag).toBe("Allowed")
    expect(mayLinkGroupChannel([{ _tag: "GroupEditor", themeGroupId: group }], group)._tag).toBe("Allowed")
  })

  it("not another group's chair, and not a region editor: a group channel speaks to the whole group", () => {
    expect(mayLinkGroupChannel([{ _tag: "GroupEditor", themeGroupId: other }], group)).toEqual({
      _tag: "Refused",
      yours: [other],
    })
    expect(
      mayLinkGroupChannel([{ _tag: "RegionEditor", regionId: "region-skane" as RegionId }], group),
    ).toEqual({ _tag: "Refused", yours: [] })
  })

  it("says so in words, naming the groups the person may choose for", () => {
    expect(channelLinkRefusalText(demoNetwork, "sv", group, [other])).toBe(
      "Bara nätverkskansliet och ordföranden i Tobaksprevention kan välja gruppens kanal i Slack. Du kan välja kanal för Alkoholprevention.",
    )
    expect(channelLinkRefusalText(demoNetwork, "en", group, [])).toBe(
      "Only the network office and the chair of Tobaksprevention can choose the group's Slack channel. Ask the office for help.",
    )
  })

  it("tells the group's chairs when its channel is gone", () => {
    expect(
      groupEditorsOf(demoNetwork, "tg-jamlik-vard" as ThemeGroupId).map((person) => person.name),
    ).toEqual(["Marie Berg"])
  })
})
