import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { decodeNetwork, InvalidInput } from "../src/index.js"

const emptyNetwork = {
  healthcareRegions: [],
  regions: [],
  orgUnits: [],
  themeGroups: [],
  people: [],
  roles: [],
  regionalBodies: [],
  reportingRules: [],
  follows: [],
}

describe("decodeNetwork", () => {
  it("accepts a well-formed network", async () => {
    const network = await Effect.runPromise(
      decodeNetwork({
        ...emptyNetwork,
        healthcareRegions: [{ id: "hcr-sodra", name: "Södra" }],
        regions: [
          { id: "region-skane", name: "Region Skåne", kind: "region", healthcareRegionIds: ["hcr-sodra"] },
        ],
      }),
    )
    expect(network.regions[0]?.healthcareRegionIds).toEqual(["hcr-sodra"])
  })

  it("names every invalid field by its path", async () => {
    const invalid = await Effect.runPromise(
      Effect.flip(
        decodeNetwork({
          ...emptyNetwork,
          regions: [{ id: "", name: "Region Skåne", kind: "county", healthcareRegionIds: [] }],
        }),
      ),
    )
    expect(invalid).toBeInstanceOf(InvalidInput)
    const paths = invalid.problems.map((p) => p.path)
    expect(paths).toContain("regions.0.id")
    expect(paths).toContain("regions.0.kind")
    expect(paths.some((p) => p.startsWith("regions.0.healthcareRegionIds"))).toBe(true)
    expect(invalid.message).toContain("regions.0.id: must not be empty")
  })
})
