import { existsSync, readFileSync } from "node:fs"
import { dirname, isAbsolute, join, resolve } from "node:path"
import { parseEnv } from "node:util"

/**
 * The folder an operator thinks of as "the project": the workspace root (the folder with
 * `pnpm-workspace.yaml`), because pnpm runs each package's scripts in the package's own folder
 * while `.env.example` and `.env` sit at the root. Outside a workspace (a container): `from`.
 */
export const projectRoot = (from: string = process.cwd()): string => {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    if (existsSync(join(folder, "pnpm-workspace.yaml"))) return folder
    if (dirname(folder) === folder) return resolve(from)
  }
}

export interface LoadedEnvironment {
  /** The `.env` file read, if any. */
  readonly file: string | undefined
  /** Variables taken from it (the environment wins over the file). */
  readonly fromFile: ReadonlyArray<string>
}

/** Paths in the configuration are read relative to the project root, wherever pnpm runs us. */
const pathVariables = ["SPRIDNING_DATA_DIR", "SPRIDNING_MAIL_SINK_DIR"] as const

/**
 * Reads the configuration once, at the start of the server and of the CLI alike: the process
 * environment, completed from `.env` at the project root (or `SPRIDNING_ENV_FILE`; set it empty
 * to read no file). Then data paths default to, and relative ones are anchored at, the project
 * root's `.data` (server and CLI must open the same folder), and
 * `SPRIDNING_PUBLIC_URL` defaults to `http://localhost:$PORT`, so links in mail follow the port.
 * Everything after reads `env` only.
 */
export const loadEnvironment = (
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): LoadedEnvironment => {
  const root = projectRoot(cwd)
  const requested = env.SPRIDNING_ENV_FILE
  const file =
    requested === undefined ? join(root, ".env") : requested === "" ? undefined : resolve(cwd, requested)
  const fromFile: Array<string> = []
  let read: string | undefined
  if (file !== undefined && existsSync(file)) {
    read = file
    for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
      if (env[name] !== undefined) continue
      env[name] = value
      fromFile.push(name)
    }
  } else if (requested !== undefined && requested !== "") {
    throw new Error(`SPRIDNING_ENV_FILE names ${file}, which does not exist.`)
  }
  if ((env.DATABASE_URL ?? "") === "" && (env.SPRIDNING_DATA_DIR ?? "") === "") {
    env.SPRIDNING_DATA_DIR = join(root, ".data", "pglite")
  }
  if ((env.SPRIDNING_MAIL_SINK_DIR ?? "") === "") env.SPRIDNING_MAIL_SINK_DIR = join(root, ".data", "mail")
  for (const name of pathVariables) {
    const value = env[name]
    if (value !== undefined && value !== "" && !isAbsolute(value)) env[name] = resolve(root, value)
  }
  if ((env.SPRIDNING_PUBLIC_URL ?? "") === "") {
    const port = (env.PORT ?? "") === "" ? "3000" : env.PORT
    // Port 0 means "any free port": the real one is known only once the server listens.
    if (port !== "0") env.SPRIDNING_PUBLIC_URL = `http://localhost:${port}`
  }
  return { file: read, fromFile }
}
