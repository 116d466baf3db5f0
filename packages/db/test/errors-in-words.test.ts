import type { PersonId, RoleAssignment } from "@spridning/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { Organisation } from "../src/organisation/organisation.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

describeEachDatabase("what the database refuses, in words", (database) => {
  it("keeps one person per mailbox whatever the letter case, and says who has it", async () => {
    const network = smallNetwork("ci")
    const org = await database.run(Organisation)
    await database.run(org.importNetwork(network, "test"))
    const anna = network.people[0]
    if (anna === undefined) throw new Error("fixture has people")
    const shouted = await database.run(
      Effect.flip(
        org.people.create({ ...anna, id: "ci-anna-2" as PersonId, email: "ANNA.CI@Example.SE" }, "test"),
      ),
    )
    expect(shouted).toMatchObject({ _tag: "Duplicate", entity: "person", constraint: "people_email" })
    expect(shouted.message).toBe('Another person already has email "anna.ci@example.se".')
  })

  it("answers a NUL byte, an impossible date or a huge number with an InvalidValue, not a StoreError", async () => {
    const network = smallNetwork("nul")
    const org = await database.run(Organisation)
    await database.run(org.importNetwork(network, "test"))
    const anna = network.people[0]
    if (anna === undefined) throw new Error("fixture has people")
    const nul = await database.run(
      Effect.flip(
        org.people.create(
          { ...anna, id: "nul-x" as PersonId, name: "A\u0000B", email: "nul@example.se" },
          "test",
        ),
      ),
    )
    expect(nul._tag).toBe("InvalidValue")
    expect(nul.message).toBe(
      "Cannot store this person: a text contains a character that cannot be stored (such as NUL, \\u0000).",
    )
  })

  it("explains a broken rule and a record others still need without SQL", async () => {
    const network = smallNetwork("rw")
    const org = await database.run(Organisation)
    await database.run(org.importNetwork(network, "test"))
    const participantWithoutGroup = await database.run(
      Effect.flip(
        org.roles.create(
          {
            id: "rw-bad",
            personId: "rw-anna",
            role: "participant",
            regionId: "rw-skane",
          } as unknown as RoleAssignment,
          "test",
        ),
      ),
    )
    expect(participantWithoutGroup.message).toBe(
      "Invalid roleAssignment: participant, chair and contact person are held in a theme group (give themeGroupId); other roles are not.",
    )
    expect(participantWithoutGroup.message).not.toContain("Failing row")
    const referenced = await database.run(Effect.flip(org.regions.remove("rw-skane", "test")))
    expect(referenced).toMatchObject({ _tag: "Conflict", entity: "region", id: "rw-skane" })
    expect(referenced.message).toMatch(
      /^Cannot change region "rw-skane": [a-z ]+ still refer to it; remove or move them first$/,
    )
  })
})
