import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"

/**
 * Embedded PGlite is one process's database: a second process opening the same folder works on
 * a copy whose writes the first never sees and later overwrites (a token the CLI created, then
 * lost). So whoever opens the folder says so in this file, and the others ask it first.
 */
export interface LockHolder {
  readonly pid: number
  readonly kind: "server" | "cli"
  /** Where the server listens, once it does. */
  readonly port?: number
  readonly startedAt: string
}

export const lockFileOf = (dataDir: string): string => join(dataDir, "spridning-lock.json")

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

const parse = (text: string): LockHolder | undefined => {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== "object" || value === null) return undefined
    const { pid, kind, port, startedAt } = value as Record<string, unknown>
    if (typeof pid !== "number" || (kind !== "server" && kind !== "cli")) return undefined
    return {
      pid,
      kind,
      ...(typeof port === "number" ? { port } : {}),
      startedAt: typeof startedAt === "string" ? startedAt : "",
    }
  } catch {
    return undefined
  }
}

/** The live process holding `dataDir`, if any (a lock left by a process that died is ignored). */
export const lockHolder = (dataDir: string): LockHolder | undefined => {
  let text: string
  try {
    text = readFileSync(lockFileOf(dataDir), "utf8")
  } catch {
    return undefined
  }
  const holder = parse(text)
  return holder !== undefined && alive(holder.pid) ? holder : undefined
}

/** Thrown when another live process holds the folder. */
export class DataFolderBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      holder.kind === "server"
        ? `The Spridning server (pid ${holder.pid}${holder.port === undefined ? "" : `, http://localhost:${holder.port}`}) has the embedded database in ${dataDir} open.`
        : `The Spridning CLI (pid ${holder.pid}) is working on the embedded database in ${dataDir}; wait for it to finish.`,
    )
    this.name = "DataFolderBusy"
  }
}

export interface DataLock {
  /** Records where the server listens, for the CLI to find it. */
  readonly setPort: (port: number) => void
  readonly release: () => void
}

/**
 * Takes `dataDir` for this process, or throws `DataFolderBusy`. The file is created
 * exclusively, so two processes starting at once cannot both believe they hold it.
 */
export const acquireDataLock = (dataDir: string, kind: LockHolder["kind"]): DataLock => {
  mkdirSync(dataDir, { recursive: true })
  const file = lockFileOf(dataDir)
  let holder: LockHolder = { pid: process.pid, kind, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: "wx", mode: 0o600 })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error
      const current = lockHolder(dataDir)
      if (current !== undefined) throw new DataFolderBusy(dataDir, current)
      // Left behind by a process that is gone.
      unlinkSync(file)
    }
  }
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.off("exit", release)
    const current = lockHolder(dataDir)
    if (current?.pid === process.pid) unlinkSync(file)
  }
  process.on("exit", release)
  return {
    setPort: (port) => {
      holder = { ...holder, port }
      writeFileSync(file, JSON.stringify(holder), { mode: 0o600 })
    },
    release,
  }
}
