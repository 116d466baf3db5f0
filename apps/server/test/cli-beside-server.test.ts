import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { expect, it } from "vitest"
import { startComposedProcess } from "./composed-process.js"

const dbPackage = fileURLToPath(new URL("../../../packages/db", import.meta.url))

const cli = (dataHome: string, args: ReadonlyArray<string>) =>
  promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: dbPackage,
    env: {
      PATH: process.env.PATH ?? "",
      SPRIDNING_ENV_FILE: "",
      SPRIDNING_DATA_DIR: join(dataHome, "pglite"),
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  )

it("refuses to write to the embedded database the running server holds, says how instead, and loses nothing", async () => {
  const dataHome = mkdtempSync(join(tmpdir(), "spridning-cli-beside-"))
  try {
    const server = await startComposedProcess({}, dataHome)
    const port = new URL(server.baseUrl).port
    const refused = await cli(dataHome, ["tokens", "create", "--role", "reader", "--name", "kansliet"])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe("")
    expect(refused.stderr).toContain(`(pid `)
    expect(refused.stderr).toContain(
      `http://localhost:${port}) has the embedded database in ${join(dataHome, "pglite")} open.`,
    )
    expect(refused.stderr).toContain("Nothing was changed")
    expect(refused.stderr).toContain(
      `curl -X POST http://localhost:${port}/v1/tokens -H "Authorization: Bearer $ADMIN_TOKEN" -H "content-type: application/json" -d '{"role":"reader","name":"kansliet"}'`,
    )

    // The command it suggests works against the running server.
    const created = await fetch(`${server.baseUrl}/v1/tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ role: "reader", name: "kansliet" }),
    })
    expect(created.status).toBe(201)

    // `doctor` asks the server instead of opening the folder.
    const doctor = await cli(dataHome, ["doctor"])
    expect(doctor.stdout).toContain(`(open in the running server, port ${port}): all`)

    // Keep the folder: stop the server without removing its data.
    await server.stopKeepingData()
    const listed = await cli(dataHome, ["tokens", "list"])
    expect(listed.code).toBe(0)
    const names = listed.stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t")[3])
    expect(names).toEqual(['"Första administratören"', '"kansliet"'])
  } finally {
    rmSync(dataHome, { recursive: true, force: true })
  }
})
