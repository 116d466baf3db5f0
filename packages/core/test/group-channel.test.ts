import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Audience, announcesInGroupChannel } from "../src/index.js"

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
