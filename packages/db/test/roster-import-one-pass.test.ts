import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { Effect } from "effect"
import { expect, it } from "vitest"
import { Database } from "../src/database/database.js"
import { Organisation } from "../src/organisation/organisation.js"
import { importRoster, parseRoster, type RosterProgress } from "../src/organisation/roster-import.js"
import { describeEachDatabase, smallNetwork } from "./support.js"

const header =
  "person_id,name,email,function,region_id,org_unit_id,channels,language,role,role_region_id,theme_group_id,regional_body_id"

it("reads Swedish Excel's semicolon CSV with a BOM and CRLF line ends", () => {
  const csv = [
    `\uFEFF${header.replaceAll(",", ";")}`,
    "p1;Åsa Öberg;asa@example.se;clinician;skane;;email,slack;sv;participant;;tobak;",
    '"p2";"Bo; ""Bosse"" Berg";bo@example.se;strategist;halland;;email;en;;;;',
  ].join("\r\n")
  const { roster, problems } = parseRoster(csv)
  expect(problems).toEqual([])
  expect(roster.people.map((person) => [person.id, person.name, person.preferences.channels])).toEqual([
    ["p1", "Åsa Öberg", ["email", "slack"]],
    ["p2", 'Bo; "Bosse" Berg', ["email"]],
  ])
  expect(roster.roles.map((role) => role.id)).toEqual(["p1:participant:skane:tobak"])
})

it("finds two people with one mailbox in the file whatever the letter case", () => {
  const { problems } = parseRoster(
    [
      header,
      "p1,Anna,Anna@Example.se,clinician,skane,,,,,,,",
      "p2,Anna B,anna@example.se,clinician,skane,,,,,,,",
    ].join("\n"),
  )
  expect(problems).toEqual([
    { line: 3, column: "email", reason: "anna@example.se is already used by person p1 in this file" },
  ])
})

it("names a NUL byte in a cell instead of failing the whole import on it", () => {
  const { problems } = parseRoster(
    [header, "p1,Anna\u0000,anna@example.se,clinician,skane,,,,,,,"].join("\n"),
  )
  expect(problems).toEqual([{ line: 2, column: "name", reason: "contains the NUL character (\\u0000)" }])
})

it("reports progress every N rows while checking", () => {
  const rows = Array.from({ length: 5 }, (_, i) => `p${i},Namn ${i},p${i}@example.se,clinician,skane,,,,,,,`)
  const seen: Array<RosterProgress> = []
  parseRoster([header, ...rows].join("\n"), { progressEvery: 2, onProgress: (p) => seen.push(p) })
  expect(seen).toEqual([
    { phase: "checked", rows: 2, of: 5 },
    { phase: "checked", rows: 4, of: 5 },
  ])
})

describeEachDatabase("roster import in one pass", (database) => {
  it("reports format, unknown ids and taken addresses (any letter case) of every row at once", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("op"), "test")))
    const csv = [
      header,
      // bad function AND an unknown region on the same row: both named
      "op-new1,Eva Ek,eva.op@example.se,wizard,op-atlantis,,email,sv,,,,",
      // a stored person's address in other letters
      "op-new2,Fia Fors,ANNA.OP@example.se,manager,op-skane,,email,sv,,,,",
      // bad language and an unknown group
      "op-new3,Gun Gran,gun.op@example.se,manager,op-halland,,email,de,participant,,op-nogroup,",
      "op-new4,Hans Holm,hans.op@example.se,manager,op-halland,,email,sv,,,,",
    ].join("\n")
    const failure = await database.run(
      Effect.flip(Effect.flatMap(Database, (db) => importRoster(db, csv, "test"))),
    )
    expect(failure._tag).toBe("RosterInvalid")
    expect(failure._tag === "RosterInvalid" ? failure.problems : []).toEqual([
      {
        line: 2,
        column: "function",
        reason:
          '"wizard" is not a function; one of: clinician, strategist, manager, publicHealthOfficer, coordinator, director, researcher, other',
      },
      { line: 2, column: "region_id", reason: 'no region with id "op-atlantis"' },
      { line: 3, column: "email", reason: "ANNA.OP@example.se already belongs to person op-anna" },
      { line: 4, column: "language", reason: '"de" is not a language; use sv, en' },
      { line: 4, column: "theme_group_id", reason: 'no theme group with id "op-nogroup"' },
    ])
    const hans = await database.run(Effect.flatMap(Organisation, (org) => org.people.find("op-new4")))
    expect(hans).toBeUndefined()
  })

  it("checks everything and writes nothing on a dry run", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("dr"), "test")))
    const csv = [
      header,
      "dr-new,Ida Ek,ida.dr@example.se,clinician,dr-skane,,email,sv,participant,,dr-tobak,",
    ].join("\n")
    const result = await database.run(
      Effect.flatMap(Database, (db) => importRoster(db, csv, "test", { dryRun: true })),
    )
    expect(result).toEqual({ people: 1, roles: 1, dryRun: true })
    const ida = await database.run(Effect.flatMap(Organisation, (org) => org.people.find("dr-new")))
    expect(ida).toBeUndefined()
    const written = await database.run(Effect.flatMap(Database, (db) => importRoster(db, csv, "test")))
    expect(written).toEqual({ people: 1, roles: 1, dryRun: false })
    expect((await database.run(Effect.flatMap(Organisation, (org) => org.people.get("dr-new")))).name).toBe(
      "Ida Ek",
    )
  })
})

describeEachDatabase("roster import and deleted people", (database) => {
  it("refuses the id of a deleted person, whose row only keeps their history", async () => {
    await database.run(Effect.flatMap(Organisation, (org) => org.importNetwork(smallNetwork("gone"), "test")))
    await database.run(Effect.flatMap(Organisation, (org) => org.people.remove("gone-anna", "test")))
    const csv = [
      header,
      "gone-anna,Anna Andersson,anna.new@example.se,clinician,gone-skane,,email,sv,,,,",
    ].join("\n")
    const failure = await database.run(
      Effect.flip(Effect.flatMap(Database, (db) => importRoster(db, csv, "test"))),
    )
    expect(failure._tag === "RosterInvalid" ? failure.problems : failure).toEqual([
      { line: 2, column: "person_id", reason: "person gone-anna was deleted; give the new person a new id" },
    ])
  })
})

const packageDir = fileURLToPath(new URL("..", import.meta.url))

it("runs the CLI from built JavaScript, not from TypeScript through tsx", () => {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    bin: Record<string, string>
    scripts: Record<string, string>
  }
  expect(manifest.bin).toEqual({ spridning: "./bin/spridning.js" })
  expect(manifest.scripts.cli).toBe("node bin/spridning.js")
  expect(readFileSync(join(packageDir, "bin/spridning.js"), "utf8")).toContain('import "../dist/cli/main.js"')
})

it.runIf(existsSync(join(packageDir, "dist/cli/main.js")))(
  "the built CLI checks a semicolon roster on a dry run and prints progress on stderr",
  async () => {
    const dir = mkdtempSync(join(tmpdir(), "spridning-cli-"))
    try {
      const file = join(dir, "roster.csv")
      writeFileSync(
        file,
        `\uFEFF${[header.replaceAll(",", ";"), "x1;Åsa Öberg;asa@example.se;clinician;nowhere;;email;sv;;;;"].join("\r\n")}`,
      )
      const run = promisify(execFile)
      const failure = await run(
        process.execPath,
        [join(packageDir, "bin/spridning.js"), "import", "--dry-run", "--progress-every", "1", file],
        { env: { ...process.env, DATABASE_URL: "", SPRIDNING_DATA_DIR: join(dir, "data") } },
      ).then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      )
      expect(failure?.code).toBe(1)
      expect(failure?.stderr).toBe(
        [
          "checked 1 of 1 rows",
          "The roster has 1 problem(s); nothing was imported.",
          'line 2, column region_id: no region with id "nowhere"',
          "",
        ].join("\n"),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
  180_000,
)
