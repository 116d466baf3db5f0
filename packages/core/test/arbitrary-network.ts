import fc from "fast-check"
import type { Audience, Network, Role } from "../src/index.js"
import { buildNetwork, type PersonSpec } from "./fixtures.js"

const regions = ["ostergotland", "kalmar", "halland", "skane"] as const
const groups = ["tobak", "alkohol"] as const
const roles: ReadonlyArray<Role> = [
  "participant",
  "chair",
  "contactPerson",
  "processLeader",
  "presidiumMember",
  "management",
]

const roleArb = fc.record({
  role: fc.constantFrom(...roles),
  group: fc.constantFrom(...groups),
})

const personArb = (index: number): fc.Arbitrary<PersonSpec> =>
  fc
    .record({
      region: fc.constantFrom(...regions),
      function: fc.constantFrom(
        "clinician",
        "strategist",
        "manager",
        "director",
        "publicHealthOfficer" as const,
      ),
      channels: fc.subarray(["email", "slack"] as const),
      optedOutOfAll: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      optedOutOfThemeGroups: fc.subarray([...groups], { maxLength: 1 }),
      roles: fc.array(roleArb, { maxLength: 3 }),
      follows: fc.array(fc.record({ group: fc.constantFrom(...groups) }), { maxLength: 2 }),
    })
    .map((spec) => ({
      id: `p${index}`,
      region: spec.region,
      function: spec.function,
      channels: spec.channels,
      optedOutOfAll: spec.optedOutOfAll,
      optedOutOfThemeGroups: spec.optedOutOfThemeGroups,
      roles: spec.roles.map((r) =>
        r.role === "participant" || r.role === "chair" || r.role === "contactPerson" ? r : { role: r.role },
      ),
      follows: [...new Map(spec.follows.map((f) => [f.group, f])).values()],
    }))

/** Small random networks over four regions and two groups, with every kind of role and gap. */
export const networkArb: fc.Arbitrary<Network> = fc
  .integer({ min: 0, max: 25 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, i) => personArb(i))))
  .map((specs) => buildNetwork(specs))

/** Audiences over the same regions and groups (without scope: the property decides it). */
export const audienceArb: fc.Arbitrary<Omit<Audience, "scope">> = fc.record(
  {
    tags: fc.subarray(["governance-and-leadership", "tools-for-staff", "clinicians"] as const),
    regions: fc.subarray([...regions]) as fc.Arbitrary<Array<never>>,
    healthcareRegions: fc.subarray(["hcr-sydostra", "hcr-sodra", "hcr-vastra"]) as fc.Arbitrary<Array<never>>,
    themeGroups: fc.subarray([...groups]) as fc.Arbitrary<Array<never>>,
    roles: fc.subarray([...roles]),
  },
  { requiredKeys: [] },
)
