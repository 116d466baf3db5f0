import { Effect } from "effect"
import { expect, it } from "vitest"
import { Database } from "../src/database/database.js"
import { Organisation } from "../src/organisation/organisation.js"
import { importRoster, parseRoster } from "../src/organisation/roster-import.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

const header =
  "person_id,name,email,function,region_id,org_unit_id,channels,language,role,role_region_id,theme_group_id,regional_body_id"

it("reports every bad row with its line, column and reason", () => {
  const csv = [
    header,
    "p1,Anna Andersson,anna@example.se,clinician,skane,,email;slack,sv,participant,,tobak,",
    "p2,,not-an-email,wizard,skane,,fax,de,,,,",
    "p3,Bo Berg,bo@example.se,strategist,halland,,email,en,chair,,,",
    "p4,Cia,anna@example.se,manager,halland,,email,sv,bodyMember,,,",
    "p5,Dan,dan@example.se,manager,halland",
    "p1,Anna Andersson,anna@example.se,clinician,halland,,email;slack,sv,processLeader,,,",
  ].join("\n")
  const { problems } = parseRoster(csv)
  expect(problems).toEqual([
    { line: 3, column: "name", reason: "must not be empty" },
    { line: 3, column: "email", reason: '"not-an-email" is not an email address' },
    {
      line: 3,
      column: "function",
      reason:
        '"wizard" is not a function; one of: clinician, strategist, manager, publicHealthOfficer, coordinator, director, researcher, other',
    },
    { line: 3, column: "channels", reason: '"fax" is not a channel; use email, slack, separated by ";"' },
    { line: 3, column: "language", reason: '"de" is not a language; use sv, en' },
    { line: 4, column: "theme_group_id", reason: "a chair needs the theme group it is held in" },
    { line: 5, column: "regional_body_id", reason: "a bodyMember needs the regional body" },
    // checked on bad rows too, so one run names everything
    { line: 5, column: "email", reason: "anna@example.se is already used by person p1 in this file" },
    { line: 6, column: "", reason: "has 5 fields, the header has 12" },
    { line: 7, column: "region_id", reason: "person p1 is described differently on line 2" },
  ])
})

it("names unknown and missing columns in the header", () => {
  const { problems } = parseRoster("person_id,name,mail,region_id\np1,Anna,a@b.se,skane")
  expect(problems).toEqual([
    { line: 1, column: "mail", reason: expect.stringContaining("unknown column (column 3)") },
    { line: 1, column: "email", reason: "required column is missing" },
    { line: 1, column: "function", reason: "required column is missing" },
  ])
})

it("reports a broken quote as invalid CSV instead of guessing", () => {
  const { problems } = parseRoster(`${header}\np1,"Anna,anna@example.se,clinician,skane,,,,,,,`)
  expect(problems).toHaveLength(1)
  expect(problems[0]?.reason).toMatch(/^not valid CSV/)
})

describeEachDatabase("roster import", (database) => {
  it("writes nothing when one row refers to a group that does not exist", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("ri"), "test")))
    const csv = [
      header,
      "new-1,Eva Ek,eva@example.se,clinician,ri-skane,ri-ou-1,email,sv,participant,,ri-tobak,",
      "new-2,Fia Fors,fia@example.se,manager,ri-halland,,email,sv,participant,,ri-nonexistent,",
      "new-3,Gun Gran,anna.ri@example.se,manager,ri-atlantis,,email,sv,,,,",
    ].join("\n")
    const failure = await database.run(
      Effect.flip(Effect.flatMap(Database, (db) => importRoster(db, csv, "test"))),
    )
    expect(failure._tag).toBe("RosterInvalid")
    expect(failure._tag === "RosterInvalid" ? failure.problems : []).toEqual([
      { line: 3, column: "theme_group_id", reason: 'no theme group with id "ri-nonexistent"' },
      { line: 4, column: "region_id", reason: 'no region with id "ri-atlantis"' },
      { line: 4, column: "email", reason: "anna.ri@example.se already belongs to person ri-anna" },
    ])
    const eva = await database.run(Effect.flatMap(Organisation, (org) => org.people.find("new-1")))
    expect(eva).toBeUndefined()
  })

  it("imports people with all their roles when every row is valid, and updates known people", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("ok"), "test")))
    const csv = [
      header,
      "ok-eva,Eva Ek,eva.ok@example.se,clinician,ok-skane,ok-ou-1,email;slack,en,participant,,ok-tobak,",
      "ok-eva,Eva Ek,eva.ok@example.se,clinician,ok-skane,ok-ou-1,email;slack,en,processLeader,,,",
      '"ok-bo","Bo ""Bosse"" Berg",bo.ok@example.se,strategist,ok-halland,,email,en,bodyMember,,,ok-rb',
    ].join("\n")
    const result = await database.run(Effect.flatMap(Database, (db) => importRoster(db, csv, "test")))
    expect(result).toEqual({ people: 2, roles: 3, dryRun: false })
    const org = await database.run(Organisation)
    const eva = await database.run(org.people.get("ok-eva"))
    expect(eva).toMatchObject({
      name: "Eva Ek",
      orgUnitId: "ok-ou-1",
      preferences: { channels: ["email", "slack"], language: "en" },
    })
    const roles = await database.run(org.roles.list({ filter: { personId: "ok-eva" } }))
    expect(roles.items.map((role) => [role.role, role.themeGroupId])).toEqual([
      ["participant", "ok-tobak"],
      ["processLeader", undefined],
    ])
    expect((await database.run(org.people.get("ok-bo"))).name).toBe('Bo "Bosse" Berg')
  })
})
