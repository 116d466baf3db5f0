import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const serverDir = fileURLToPath(new URL("..", import.meta.url))
/** The production entry, built by the package's test script before the tests run. */
const main = join(serverDir, "dist", "main.js")

export interface ComposedProcess {
  readonly baseUrl: string
  readonly adminToken: string
  readonly output: () => string
  readonly stop: () => Promise<number | null>
  /** Stops the process and leaves its data folder for the test to look at. */
  readonly stopKeepingData: () => Promise<number | null>
}

const spawnMain = (env: Record<string, string>, dataHome: string): ChildProcess =>
  spawn(process.execPath, [main], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? dataHome,
      PORT: "0",
      SPRIDNING_DATA_DIR: join(dataHome, "pglite"),
      SPRIDNING_MAIL_SINK_DIR: join(dataHome, "mail"),
      SPRIDNING_POLL_MS: "200",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })

/** Runs the composed process until it exits by itself (a start that must fail). */
export const runUntilExit = (
  env: Record<string, string>,
  dataHome: string,
): Promise<{ readonly code: number | null; readonly output: string }> =>
  new Promise((resolve) => {
    const child = spawnMain(env, dataHome)
    let output = ""
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8")
    })
    child.once("exit", (code) => resolve({ code, output }))
  })

/**
 * Starts the real composed process (`dist/main.js`) as a child process with `env`, and waits
 * until it prints where it listens and its first admin token.
 */
export const startComposedProcess = async (
  env: Record<string, string>,
  dataHome = mkdtempSync(join(tmpdir(), "spridning-e2e-")),
  /** Only the first process on a database makes (and prints) an admin token. */
  options: { readonly adminToken?: boolean } = {},
): Promise<ComposedProcess> => {
  const child = spawnMain(env, dataHome)
  let output = ""
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8")
  })
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8")
  })
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  const started = await new Promise<{ baseUrl: string; adminToken: string }>((resolve, reject) => {
    // A busy CI machine (load far above its cores) needs more than a minute to start the process.
    const timer = setTimeout(
      () => reject(new Error(`The process did not start in time:\n${output}`)),
      240_000,
    )
    const check = () => {
      const base = /Spridning körs på (http:\/\/localhost:\d+)/.exec(output)
      const token = /^Admin token: (\S+)$/m.exec(output)
      const printed = /\n\n/.test(output.slice(output.indexOf("Spridning körs på")))
      if (base?.[1] !== undefined && token?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ baseUrl: base[1], adminToken: token[1] })
      } else if (options.adminToken === false && base?.[1] !== undefined && printed) {
        clearTimeout(timer)
        resolve({ baseUrl: base[1], adminToken: "" })
      }
    }
    child.stdout?.on("data", check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`The process exited with ${code} before it started:\n${output}`))
    })
  })
  return {
    ...started,
    output: () => output,
    stop: async () => {
      child.kill("SIGTERM")
      const code = await exited
      rmSync(dataHome, { recursive: true, force: true })
      return code
    },
    stopKeepingData: async () => {
      child.kill("SIGTERM")
      return await exited
    },
  }
}
