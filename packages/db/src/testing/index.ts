import postgres from "postgres"

/**
 * A database of its own on a PostgreSQL server, for one test run or benchmark; `drop` removes
 * it. Runs in parallel never see each other's rows.
 */
export const freshPostgresDatabase = async (
  serverUrl: string,
  prefix = "spridning_test",
): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    },
  }
}
