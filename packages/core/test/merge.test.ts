import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  MergeRejected,
  MergeResult,
  mergeThemeGroups,
  type Network,
  NotFound,
  validateNetwork,
} from "../src/index.js"
import { buildNetwork, id, leadership } from "./fixtures.js"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(effect)
const fail = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.flip(effect))

// "slå ihop till en om levnadsvanor"
describe("mergeThemeGroups", () => {
  const network = buildNetwork(
    [
      ...["ostergotland", "kalmar", "halland", "skane"].flatMap((region) => leadership(region)),
      {
        id: "i-bada",
        region: "skane",
        roles: [
          { role: "participant", group: "alkohol" },
          { role: "participant", group: "tobak" },
        ],
      },
      { id: "bara-alkohol", region: "kalmar", roles: [{ role: "contactPerson", group: "alkohol" }] },
      {
        id: "ordf",
        region: "halland",
        roles: [
          { role: "chair", group: "alkohol" },
          { role: "participant", group: "tobak" },
        ],
      },
      {
        id: "foljer-bada",
        region: "skane",
        follows: [
          { group: "tobak", frequency: "weekly" },
          { group: "alkohol", frequency: "daily" },
        ],
      },
      { id: "foljer-alkohol", region: "kalmar", follows: [{ group: "alkohol", frequency: "weekly" }] },
      { id: "avstar", region: "skane", optedOutOfThemeGroups: ["alkohol"] },
    ],
    {
      themeGroups: [
        {
          id: id.group("tobak"),
          name: "Tobak",
          topic: "Tobak",
          status: "active",
          wantedFunctions: ["clinician"],
        },
        {
          id: id.group("alkohol"),
          name: "Alkohol",
          topic: "Alkohol",
          status: "active",
          wantedFunctions: ["strategist"],
        },
        {
          id: id.group("spel"),
          name: "Spel",
          topic: "Spel",
          status: "merged",
          mergedInto: id.group("alkohol"),
          wantedFunctions: [],
        },
      ],
    },
  )
  const merge = (from: string, into: string, on: Network = network) =>
    mergeThemeGroups(on, id.group(from), id.group(into))

  it("marks the merged group as merged into the surviving one and keeps it, so its history resolves", () => {
    const { network: merged } = run(merge("alkohol", "tobak"))
    expect(merged.themeGroups.find((group) => group.id === "alkohol")).toMatchObject({
      status: "merged",
      mergedInto: "tobak",
    })
    expect(merged.themeGroups).toHaveLength(3)
    expect(merged.themeGroups.find((group) => group.id === "tobak")?.wantedFunctions).toEqual([
      "clinician",
      "strategist",
    ])
  })

  it("moves every role, keeping one when the person already holds it in the surviving group", () => {
    const { network: merged, moved } = run(merge("alkohol", "tobak"))
    const tobak = merged.roles
      .filter((role) => role.themeGroupId === "tobak")
      .map((role) => `${role.personId}/${role.role}`)
      .sort()
    expect(tobak).toEqual([
      "bara-alkohol/contactPerson",
      "i-bada/participant",
      "ordf/chair",
      "ordf/participant",
    ])
    expect(merged.roles.some((role) => role.themeGroupId === "alkohol")).toBe(false)
    expect(moved.roles).toBe(2)
  })

  it("moves followers once each, keeping the more frequent choice", () => {
    const { network: merged, moved } = run(merge("alkohol", "tobak"))
    expect(merged.follows.filter((follow) => follow.themeGroupId === "tobak")).toEqual(
      expect.arrayContaining([
        { personId: "foljer-bada", themeGroupId: "tobak", frequency: "daily" },
        { personId: "foljer-alkohol", themeGroupId: "tobak", frequency: "weekly" },
      ]),
    )
    expect(merged.follows).toHaveLength(2)
    expect(moved.follows).toBe(1)
  })

  it("carries an opt-out from the merged group over to the surviving one", () => {
    const { network: merged } = run(merge("alkohol", "tobak"))
    expect(merged.people.find((person) => person.id === "avstar")?.preferences.optedOutOfThemeGroups).toEqual(
      ["tobak"],
    )
  })

  it("leaves a network that validates as well as before and does not touch the original", () => {
    const before = JSON.stringify(network)
    const { network: merged } = run(merge("alkohol", "tobak"))
    expect(JSON.stringify(network)).toBe(before)
    expect(validateNetwork(merged)).toEqual(validateNetwork(network))
    expect(merged.people.map((person) => person.id)).toEqual(network.people.map((person) => person.id))
  })

  it("gives a result the MergeResult schema accepts", () => {
    expect(() => Schema.decodeUnknownSync(MergeResult)(run(merge("alkohol", "tobak")))).not.toThrow()
  })

  it("rejects merging a group into itself", () => {
    const error = fail(merge("tobak", "tobak"))
    expect(error).toBeInstanceOf(MergeRejected)
    expect(error).toMatchObject({ reason: "sameGroup" })
  })

  it("rejects merging a group that is already merged, and merging into a merged group", () => {
    expect(fail(merge("spel", "tobak"))).toMatchObject({ _tag: "MergeRejected", reason: "fromAlreadyMerged" })
    const error = fail(merge("tobak", "spel"))
    expect(error).toMatchObject({ _tag: "MergeRejected", reason: "intoIsMerged" })
    expect(error.message).toContain("spel")
  })

  it("rejects unknown groups with NotFound naming the id", () => {
    expect(fail(merge("okand", "tobak"))).toEqual(new NotFound({ entity: "themeGroup", id: "okand" }))
    expect(fail(merge("tobak", "okand"))).toEqual(new NotFound({ entity: "themeGroup", id: "okand" }))
  })

  it("cannot merge the same group twice", () => {
    const { network: once } = run(merge("alkohol", "tobak"))
    expect(fail(merge("alkohol", "tobak", once))).toMatchObject({ reason: "fromAlreadyMerged" })
  })
})
