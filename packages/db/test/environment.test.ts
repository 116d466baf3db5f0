import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { acquireDataLock, DataFolderBusy, lockHolder } from "../src/cli/data-lock.js"
import { diagnose, renderFindings } from "../src/cli/doctor.js"
import { loadEnvironment } from "../src/cli/environment.js"

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "spridning-env-"))
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n")
  mkdirSync(join(root, "packages", "db"), { recursive: true })
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe("loadEnvironment", () => {
  it("reads .env at the project root even when pnpm runs us in a package folder; the environment wins", () => {
    writeFileSync(
      join(root, ".env"),
      "PORT=4820\nSENDGRID_API_KEY=SG.from-file\n# a comment\nNODE_ENV=production\n",
    )
    const env: NodeJS.ProcessEnv = { NODE_ENV: "development" }
    const loaded = loadEnvironment(env, join(root, "packages", "db"))
    expect(loaded).toEqual({ file: join(root, ".env"), fromFile: ["PORT", "SENDGRID_API_KEY"] })
    expect(env).toEqual({
      NODE_ENV: "development",
      PORT: "4820",
      SENDGRID_API_KEY: "SG.from-file",
      SPRIDNING_DATA_DIR: join(root, ".data", "pglite"),
      SPRIDNING_MAIL_SINK_DIR: join(root, ".data", "mail"),
      SPRIDNING_PUBLIC_URL: "http://localhost:4820",
    })
  })

  it("anchors relative data paths at the project root, keeps a given public URL, and opens no folder with DATABASE_URL", () => {
    const env: NodeJS.ProcessEnv = {
      SPRIDNING_MAIL_SINK_DIR: "out/mail",
      SPRIDNING_PUBLIC_URL: "https://spridning.example.se",
      DATABASE_URL: "postgres://db/spridning",
    }
    loadEnvironment(env, join(root, "packages", "db"))
    expect(env).toEqual({
      SPRIDNING_MAIL_SINK_DIR: join(root, "out", "mail"),
      SPRIDNING_PUBLIC_URL: "https://spridning.example.se",
      DATABASE_URL: "postgres://db/spridning",
    })
  })

  it("defaults links to port 3000 without PORT, and to nothing with PORT=0 (unknown until listening)", () => {
    const none: NodeJS.ProcessEnv = {}
    loadEnvironment(none, root)
    expect(none.SPRIDNING_PUBLIC_URL).toBe("http://localhost:3000")
    const any: NodeJS.ProcessEnv = { PORT: "0" }
    loadEnvironment(any, root)
    expect(any.SPRIDNING_PUBLIC_URL).toBe(undefined)
  })

  it("reads SPRIDNING_ENV_FILE instead, or no file when it is empty, and refuses a file that is not there", () => {
    writeFileSync(join(root, ".env"), "PORT=1111\n")
    writeFileSync(join(root, "staging.env"), "PORT=2222\n")
    const staging: NodeJS.ProcessEnv = { SPRIDNING_ENV_FILE: "staging.env" }
    loadEnvironment(staging, root)
    expect(staging.PORT).toBe("2222")
    const none: NodeJS.ProcessEnv = { SPRIDNING_ENV_FILE: "" }
    expect(loadEnvironment(none, root)).toEqual({ file: undefined, fromFile: [] })
    expect(none.PORT).toBe(undefined)
    expect(() => loadEnvironment({ SPRIDNING_ENV_FILE: "missing.env" }, root)).toThrow(
      `SPRIDNING_ENV_FILE names ${join(root, "missing.env")}, which does not exist.`,
    )
  })
})

describe("the data folder's lock", () => {
  it("lets one process hold the folder, names it to the next, and is free again once released", () => {
    const dataDir = join(root, "pglite")
    const lock = acquireDataLock(dataDir, "server")
    lock.setPort(4820)
    expect(lockHolder(dataDir)).toEqual({
      pid: process.pid,
      kind: "server",
      port: 4820,
      startedAt: expect.any(String),
    })
    expect(() => acquireDataLock(dataDir, "cli")).toThrow(DataFolderBusy)
    expect(() => acquireDataLock(dataDir, "cli")).toThrow(
      `The Spridning server (pid ${process.pid}, http://localhost:4820) has the embedded database in ${dataDir} open.`,
    )
    lock.release()
    expect(lockHolder(dataDir)).toBe(undefined)
    acquireDataLock(dataDir, "cli").release()
  })

  it("takes over a lock left by a process that is gone", () => {
    const dataDir = join(root, "pglite")
    mkdirSync(dataDir)
    // Far above any pid the system hands out.
    writeFileSync(
      join(dataDir, "spridning-lock.json"),
      JSON.stringify({ pid: 2 ** 30, kind: "server", port: 1 }),
    )
    expect(lockHolder(dataDir)).toBe(undefined)
    const lock = acquireDataLock(dataDir, "cli")
    expect(lockHolder(dataDir)?.kind).toBe("cli")
    lock.release()
  })
})

describe("spridning doctor", () => {
  it("says what is on, what is off and what to do, for a first start on PGlite", () => {
    const env = {
      SPRIDNING_DATA_DIR: "/srv/pglite",
      SPRIDNING_MAIL_SINK_DIR: "/srv/mail",
      SPRIDNING_PUBLIC_URL: "http://localhost:3000",
    }
    expect(renderFindings(diagnose(env, { _tag: "NotCreated" }, 2))).toBe(
      [
        "on   Database          embedded PGlite in /srv/pglite: not created yet",
        "                       → Made, migrated and (on PGlite) seeded with the demo network at the first `pnpm start`.",
        "off  SendGrid          no SENDGRID_API_KEY: nothing is sent by mail",
        "                       → Set SENDGRID_API_KEY and SPRIDNING_MAIL_FROM to send for real.",
        "on   Mail sink         every mail is written as an .eml file to /srv/mail",
        "                       → Open the files with any mail program to see what readers would get.",
        "off  Slack             no SLACK_SIGNING_SECRET or SLACK_BOT_TOKEN",
        "                       → Create the app from apps/slack/manifest.json, install it, and set both (see README, Slack).",
        "on   Public URL        links in mail point at http://localhost:3000",
      ].join("\n"),
    )
  })

  it("names each thing to fix in production", () => {
    const env = {
      DATABASE_URL: "postgres://db/spridning",
      SENDGRID_API_KEY: "SG.x",
      SENDGRID_WEBHOOK_PUBLIC_KEY: "not-a-key",
      SLACK_SIGNING_SECRET: "s",
      SPRIDNING_PUBLIC_URL: "http://localhost:3000",
    }
    const findings = diagnose(env, { _tag: "Reachable", applied: 1 }, 2)
    expect(findings.map((finding) => [finding.area, finding.status])).toEqual([
      ["Database", "fix"],
      ["Link secret", "fix"],
      ["SendGrid", "fix"],
      ["SendGrid webhook", "fix"],
      ["Slack", "fix"],
      ["Public URL", "fix"],
    ])
    expect(findings[0]?.text).toBe("PostgreSQL (DATABASE_URL): 1 of 2 migrations applied")
    expect(findings[4]?.text).toBe("SLACK_BOT_TOKEN is missing; Slack needs both")
  })

  it("runs from the command line without changing anything, and exits 0 when nothing needs fixing", async () => {
    const dataDir = join(root, "pglite")
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "doctor"],
      {
        env: {
          PATH: process.env.PATH ?? "",
          SPRIDNING_ENV_FILE: "",
          SPRIDNING_DATA_DIR: dataDir,
          SPRIDNING_MAIL_SINK_DIR: join(root, "mail"),
          PORT: "4820",
        },
        cwd: join(import.meta.dirname, ".."),
      },
    )
    expect(stdout).toContain(`on   Database          embedded PGlite in ${dataDir}: not created yet`)
    expect(stdout).toContain("on   Public URL        links in mail point at http://localhost:4820")
    expect(lockHolder(dataDir)).toBe(undefined)
  }, 180_000)
})
