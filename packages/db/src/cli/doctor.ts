import { createPublicKey } from "node:crypto"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { PGlite } from "@electric-sql/pglite"
import { readMigrationFiles } from "drizzle-orm/migrator"
import postgres from "postgres"
import { migrationsFolder } from "../database/database.js"
import { lockHolder } from "./data-lock.js"

/** What the doctor found out about the database (the rest it reads from the environment). */
export type DatabaseFacts =
  | { readonly _tag: "Reachable"; readonly applied: number; readonly servedBy?: number }
  | { readonly _tag: "NotCreated" }
  | { readonly _tag: "Unreachable"; readonly reason: string }

export interface Finding {
  readonly area: string
  /** on: working; off: deliberately not used; fix: something to do before it works. */
  readonly status: "on" | "off" | "fix"
  readonly text: string
  readonly todo?: string
}

const set = (env: NodeJS.ProcessEnv, name: string) => (env[name] ?? "").trim() !== ""

const validWebhookKey = (key: string): boolean => {
  try {
    createPublicKey({ key: Buffer.from(key, "base64"), format: "der", type: "spki" })
    return true
  } catch {
    return false
  }
}

/**
 * Every switch an operator can turn, read from the (already loaded) environment, with what it
 * means and what to do about it. Pure: `database` and `expectedMigrations` are found by the caller.
 */
export const diagnose = (
  env: NodeJS.ProcessEnv,
  database: DatabaseFacts,
  expectedMigrations: number,
): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const postgresUrl = set(env, "DATABASE_URL")
  const where = postgresUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.SPRIDNING_DATA_DIR}`
  switch (database._tag) {
    case "Unreachable":
      findings.push({
        area: "Database",
        status: "fix",
        text: `${where} cannot be reached: ${database.reason}`,
        todo: postgresUrl
          ? "Check DATABASE_URL (host, port, user, password, database) and that PostgreSQL runs."
          : "Check that SPRIDNING_DATA_DIR is a folder this user may write.",
      })
      break
    case "NotCreated":
      findings.push({
        area: "Database",
        status: "on",
        text: `${where}: not created yet`,
        todo: "Made, migrated and (on PGlite) seeded with the demo network at the first `pnpm start`.",
      })
      break
    case "Reachable": {
      const server =
        database.servedBy === undefined ? "" : ` (open in the running server, port ${database.servedBy})`
      const behind = expectedMigrations - database.applied
      findings.push(
        behind > 0
          ? {
              area: "Database",
              status: "fix",
              text: `${where}${server}: ${database.applied} of ${expectedMigrations} migrations applied`,
              todo: "Run `pnpm spridning migrate` (every server start does it too); /readyz answers 503 until then.",
            }
          : {
              area: "Database",
              status: "on",
              text: `${where}${server}: all ${expectedMigrations} migrations applied`,
            },
      )
    }
  }
  if (postgresUrl && !set(env, "SPRIDNING_LINK_SECRET")) {
    findings.push({
      area: "Link secret",
      status: "fix",
      text: "SPRIDNING_LINK_SECRET is not set; with DATABASE_URL every machine must share one",
      todo: "Set SPRIDNING_LINK_SECRET to the same long random string on every machine (e.g. `openssl rand -base64 32`).",
    })
  }

  if (set(env, "SENDGRID_API_KEY")) {
    findings.push(
      set(env, "SPRIDNING_MAIL_FROM")
        ? {
            area: "SendGrid",
            status: "on",
            text: `mail is sent through SendGrid as ${env.SPRIDNING_MAIL_FROM}`,
          }
        : {
            area: "SendGrid",
            status: "fix",
            text: "SENDGRID_API_KEY is set but SPRIDNING_MAIL_FROM is not; the server refuses to start",
            todo: 'Set SPRIDNING_MAIL_FROM to a sender verified in SendGrid, e.g. "HFS-nätverket <spridning@example.se>".',
          },
    )
    const key = env.SENDGRID_WEBHOOK_PUBLIC_KEY ?? ""
    findings.push(
      key === ""
        ? {
            area: "SendGrid webhook",
            status: "fix",
            text: "no SENDGRID_WEBHOOK_PUBLIC_KEY: bounces and deliveries are not recorded (POST /webhooks/sendgrid answers 503)",
            todo: `In SendGrid, turn on the Signed Event Webhook to ${env.SPRIDNING_PUBLIC_URL ?? "<public URL>"}/webhooks/sendgrid and paste its verification key into SENDGRID_WEBHOOK_PUBLIC_KEY.`,
          }
        : validWebhookKey(key)
          ? { area: "SendGrid webhook", status: "on", text: "signed events are verified with the key given" }
          : {
              area: "SendGrid webhook",
              status: "fix",
              text: "SENDGRID_WEBHOOK_PUBLIC_KEY is not a public key; the server refuses to start",
              todo: "Paste the verification key exactly as SendGrid shows it (base64, starts with MFkw).",
            },
    )
  } else {
    findings.push({
      area: "SendGrid",
      status: "off",
      text: "no SENDGRID_API_KEY: nothing is sent by mail",
      todo: "Set SENDGRID_API_KEY and SPRIDNING_MAIL_FROM to send for real.",
    })
    findings.push({
      area: "Mail sink",
      status: "on",
      text: `every mail is written as an .eml file to ${env.SPRIDNING_MAIL_SINK_DIR}`,
      todo: "Open the files with any mail program to see what readers would get.",
    })
  }

  const slackSecret = set(env, "SLACK_SIGNING_SECRET")
  const slackToken = set(env, "SLACK_BOT_TOKEN")
  if (!slackSecret && !slackToken) {
    findings.push({
      area: "Slack",
      status: "off",
      text: "no SLACK_SIGNING_SECRET or SLACK_BOT_TOKEN",
      todo: "Create the app from apps/slack/manifest.json, install it, and set both (see README, Slack).",
    })
  } else if (!slackSecret || !slackToken) {
    findings.push({
      area: "Slack",
      status: "fix",
      text: `${slackSecret ? "SLACK_BOT_TOKEN" : "SLACK_SIGNING_SECRET"} is missing; Slack needs both`,
      todo: "Copy the signing secret (Basic Information) and the bot token (OAuth & Permissions, xoxb-…).",
    })
  } else {
    findings.push({
      area: "Slack",
      status: "on",
      text: set(env, "SLACK_APP_TOKEN")
        ? "Socket Mode (SLACK_APP_TOKEN): no public URL needed"
        : `Slack sends requests to ${env.SPRIDNING_PUBLIC_URL ?? "<public URL>"}/slack/events`,
    })
  }

  const publicUrl = env.SPRIDNING_PUBLIC_URL ?? ""
  const local = /^https?:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(publicUrl)
  findings.push(
    publicUrl === ""
      ? {
          area: "Public URL",
          status: "fix",
          text: "SPRIDNING_PUBLIC_URL is not set and PORT=0 gives no address to link to",
          todo: "Set SPRIDNING_PUBLIC_URL to the address readers reach this server on.",
        }
      : local && set(env, "SENDGRID_API_KEY")
        ? {
            area: "Public URL",
            status: "fix",
            text: `${publicUrl}: links in mail sent to readers point at their own machine`,
            todo: "Set SPRIDNING_PUBLIC_URL to the address readers reach this server on (https://…).",
          }
        : {
            area: "Public URL",
            status: "on",
            text: `links in mail point at ${publicUrl}`,
          },
  )
  return findings
}

export const renderFindings = (findings: ReadonlyArray<Finding>): string =>
  findings
    .map((finding) => {
      const mark = finding.status === "on" ? "on " : finding.status === "off" ? "off" : "FIX"
      const line = `${mark}  ${finding.area.padEnd(17)} ${finding.text}`
      return finding.todo === undefined ? line : `${line}\n     ${" ".repeat(17)} → ${finding.todo}`
    })
    .join("\n")

const count = (rows: ReadonlyArray<{ applied: number | string }>): number => Number(rows[0]?.applied ?? 0)

/**
 * Looks at the database without changing it: no migration runs, and a folder the server holds
 * is asked about through the server's /readyz rather than opened.
 */
export const inspectDatabase = async (env: NodeJS.ProcessEnv): Promise<DatabaseFacts> => {
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))
  const url = (env.DATABASE_URL ?? "").trim()
  if (url !== "") {
    const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 })
    try {
      const [exists] = await client`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`
      if (exists?.exists !== true) return { _tag: "Reachable", applied: 0 }
      const rows = await client`select count(*)::int as applied from drizzle.__drizzle_migrations`
      return { _tag: "Reachable", applied: count(rows as unknown as Array<{ applied: number }>) }
    } catch (error) {
      return { _tag: "Unreachable", reason: reason(error) }
    } finally {
      await client.end({ timeout: 1 })
    }
  }
  const dataDir = env.SPRIDNING_DATA_DIR ?? ""
  const holder = lockHolder(dataDir)
  if (holder?.kind === "server" && holder.port !== undefined) {
    try {
      const response = await fetch(`http://localhost:${holder.port}/readyz`)
      const body = (await response.json()) as { migrations?: { applied?: number } }
      return { _tag: "Reachable", applied: body.migrations?.applied ?? 0, servedBy: holder.port }
    } catch (error) {
      return {
        _tag: "Unreachable",
        reason: `the server on port ${holder.port} did not answer: ${reason(error)}`,
      }
    }
  }
  if (holder !== undefined) return { _tag: "Unreachable", reason: `process ${holder.pid} has it open` }
  if (!existsSync(join(dataDir, "PG_VERSION"))) return { _tag: "NotCreated" }
  const pglite = new PGlite(dataDir)
  try {
    const exists = await pglite.query<{ exists: boolean }>(
      "select to_regclass('drizzle.__drizzle_migrations') is not null as exists",
    )
    if (exists.rows[0]?.exists !== true) return { _tag: "Reachable", applied: 0 }
    const rows = await pglite.query<{ applied: number }>(
      "select count(*)::int as applied from drizzle.__drizzle_migrations",
    )
    return { _tag: "Reachable", applied: count(rows.rows) }
  } catch (error) {
    return { _tag: "Unreachable", reason: reason(error) }
  } finally {
    await pglite.close()
  }
}

export const expectedMigrations = (): number => readMigrationFiles({ migrationsFolder }).length
