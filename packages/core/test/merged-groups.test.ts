import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  currentThemeGroup,
  mergeThemeGroups,
  type Network,
  refuseMergedInUpdate,
  refuseMergedThemeGroup,
  type ThemeGroup,
  ThemeGroupMerged,
  themeGroupLineage,
} from "../src/index.js"
import { buildNetwork, id } from "./fixtures.js"

const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))

const group = (slug: string, name: string, mergedInto?: string): ThemeGroup => ({
  id: id.group(slug),
  name,
  topic: name,
  status: mergedInto === undefined ? "active" : "merged",
  ...(mergedInto === undefined ? {} : { mergedInto: id.group(mergedInto) }),
  wantedFunctions: [],
})

// Tobak and Alkohol merged into Levnadsvanor; Snus into Tobak before that.
const network: Network = buildNetwork([], {
  themeGroups: [
    group("levnadsvanor", "Levnadsvanor"),
    group("tobak", "Tobaksprevention", "levnadsvanor"),
    group("alkohol", "Alkoholprevention", "levnadsvanor"),
    group("snus", "Snusprevention", "tobak"),
    group("psykisk", "Psykisk hälsa"),
  ],
})

describe("a merged theme group takes nothing new", () => {
  it("refuses a follow naming the group it was merged into", () => {
    const error = fail(refuseMergedThemeGroup(network, id.group("alkohol"), "follow"))
    expect(error).toBeInstanceOf(ThemeGroupMerged)
    expect(error.message).toBe(
      'Theme group "alkohol" has been merged into "levnadsvanor" (Levnadsvanor): it takes no new followers; follow "levnadsvanor" instead.',
    )
  })

  it("names the living group when the one it was merged into was merged in turn", () => {
    const error = fail(refuseMergedThemeGroup(network, id.group("snus"), "roleAssignment"))
    expect({ mergedInto: error.mergedInto, current: error.current }).toEqual({
      mergedInto: "tobak",
      current: "levnadsvanor",
    })
    expect(error.message).toBe(
      'Theme group "snus" has been merged into "tobak" (Tobaksprevention), which has since been merged into "levnadsvanor": it takes no new roles; assign the role in "levnadsvanor" instead.',
    )
  })

  it("lets an active group and an unknown id through", () => {
    expect(
      Effect.runSync(refuseMergedThemeGroup(network, id.group("levnadsvanor"), "update")),
    ).toBeUndefined()
    expect(Effect.runSync(refuseMergedThemeGroup(network, id.group("okand"), "update"))).toBeUndefined()
  })

  it("refuses an update of a merged group, and one whose audience names a merged group", () => {
    expect(
      fail(refuseMergedInUpdate(network, { themeGroupId: id.group("tobak"), audience: { scope: "network" } }))
        .message,
    ).toBe(
      'Theme group "tobak" has been merged into "levnadsvanor" (Levnadsvanor): it takes no new updates; publish to "levnadsvanor" instead.',
    )
    const audience = fail(
      refuseMergedInUpdate(network, {
        themeGroupId: id.group("psykisk"),
        audience: { scope: "network", themeGroups: [id.group("psykisk"), id.group("alkohol")] },
      }),
    )
    expect([audience.themeGroupId, audience.action]).toEqual(["alkohol", "audience"])
    expect(
      Effect.runSync(
        refuseMergedInUpdate(network, {
          themeGroupId: id.group("levnadsvanor"),
          audience: { scope: "network", themeGroups: [id.group("levnadsvanor")] },
        }),
      ),
    ).toBeUndefined()
  })

  it("refuses a group right after mergeThemeGroups merged it", () => {
    const merged = Effect.runSync(mergeThemeGroups(buildNetwork([]), id.group("alkohol"), id.group("tobak")))
    expect(fail(refuseMergedThemeGroup(merged.network, id.group("alkohol"), "update")).mergedInto).toBe(
      "tobak",
    )
  })
})

describe("themeGroupLineage", () => {
  it("is the group and every group merged into it, directly or not, nearest first", () => {
    expect(themeGroupLineage(network, id.group("levnadsvanor"))).toEqual([
      "levnadsvanor",
      "tobak",
      "alkohol",
      "snus",
    ])
    expect(themeGroupLineage(network, id.group("tobak"))).toEqual(["tobak", "snus"])
    expect(themeGroupLineage(network, id.group("psykisk"))).toEqual(["psykisk"])
  })

  it("follows a merged group to the group its work continues in", () => {
    expect(currentThemeGroup(network, id.group("snus"))).toBe("levnadsvanor")
    expect(currentThemeGroup(network, id.group("psykisk"))).toBe("psykisk")
  })
})
