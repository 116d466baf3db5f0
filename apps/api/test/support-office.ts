import { Database } from "@spridning/db"
import { expect } from "vitest"
import type { Role, TestApi } from "./support.js"

/**
 * Test set-up that puts deliveries into states a dispatcher would, written as plain SQL so
 * the tests do not depend on how the dispatcher gets there. Values are test constants.
 */
export const execute = (api: TestApi, statement: string): Promise<unknown> =>
  api.run(Database.use((database) => database.run("test set-up", (db) => db.execute(statement))))

/** Rows of a raw query, on PGlite (`{ rows }`) and postgres.js (an array) alike. */
export const query = async <Row>(api: TestApi, statement: string): Promise<Array<Row>> => {
  const result = (await execute(api, statement)) as Array<Row> | { rows: Array<Row> }
  return Array.isArray(result) ? [...result] : result.rows
}

/** Publishes the tobacco group's meeting notes to VG, Skåne and Halland; answers the update's id. */
export const publishNotes = async (
  api: TestApi,
  title: string,
  role: Role = "group-editor",
): Promise<string> => {
  const published = await api.call(role, "POST", "/v1/updates", {
    update: {
      themeGroupId: "tg-tobak",
      title,
      body: "Vi pratade om snus.",
      audience: { scope: "network", themeGroups: ["tg-tobak"], regions: ["r-vg", "r-skane", "r-halland"] },
      details: { kind: "meetingNotes", meetingDate: "2026-03-14" },
    },
  })
  expect(published.status, published.text).toBe(201)
  return (published.body as { update: { id: string } }).update.id
}

/** The outbox ids of an update's deliveries, by person. */
export const deliveryIds = async (api: TestApi, updateId: string): Promise<Record<string, string>> => {
  const rows = await query<{ id: string; person_id: string }>(
    api,
    `select id, person_id from deliveries where update_id = '${updateId}' order by person_id`,
  )
  return Object.fromEntries(rows.map((row) => [row.person_id, row.id]))
}

/** The admin token's id, as the audit log names it (`token:<id>`). */
export const adminActor = async (api: TestApi): Promise<string> => {
  const tokens = await api.call("admin", "GET", "/v1/tokens")
  const admin = (tokens.body as { items: Array<{ id: string; name: string }> }).items.find(
    (token) => token.name === "network office",
  )
  if (admin === undefined) throw new Error("no admin token")
  return `token:${admin.id}`
}
