import { randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { dispatchConfig } from "@spridning/dispatch"
import { emailConfig } from "@spridning/email"
import { slackConfig } from "@spridning/slack"
import { Config, Option, Schema } from "effect"

/**
 * Everything the composed process reads from the environment, read and validated here and
 * nowhere else (`.env.example` lists and explains each variable).
 */
export const serverConfig = Config.all({
  // 0 asks the system for any free port (tests, several local copies).
  port: Config.schema(
    Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 65_535 }))),
    "PORT",
  ).pipe(Config.withDefault(3000)),
  usesPostgres: Config.option(Config.String("DATABASE_URL")).pipe(Config.map(Option.isSome)),
  production: Config.String("NODE_ENV").pipe(
    Config.withDefault("development"),
    Config.map((env) => env === "production"),
  ),
  logFormat: Config.option(Config.Literals(["json", "pretty"], "SPRIDNING_LOG_FORMAT")),
  /** Load the demo network into an empty database on the first start (default: only on PGlite). */
  seedDemo: Config.option(Config.Boolean("SPRIDNING_SEED_DEMO")),
  /** Run the delivery workers in this process (turn off for API-only machines). */
  workers: Config.Boolean("SPRIDNING_WORKERS").pipe(Config.withDefault(true)),
  /** SPRIDNING_POLL_MS and SPRIDNING_UNCERTAIN_RESEND_AFTER_MS, read where every entry point reads them. */
  dispatch: dispatchConfig,
  /** Requests one API token may make per minute, across every instance on one PostgreSQL. */
  rateLimitPerMinute: Config.Int("SPRIDNING_RATE_LIMIT").pipe(Config.withDefault(1_200)),
  /** The network office's emails: admins in the web workspace at /kansli (comma-separated). */
  officeAdmins: Config.String("SPRIDNING_OFFICE_ADMINS").pipe(
    Config.withDefault(""),
    Config.map((list) =>
      list
        .split(",")
        .map((email) => email.trim())
        .filter((email) => email !== ""),
    ),
  ),
  email: emailConfig,
  /** Slack is optional: configured when SLACK_SIGNING_SECRET is set, and then it must be complete. */
  slack: Config.option(Config.String("SLACK_SIGNING_SECRET")).pipe(
    Config.flatMap((secret) =>
      Option.isNone(secret)
        ? Config.succeed(Option.none<Config.Success<typeof slackConfig>>())
        : Config.map(slackConfig, Option.some),
    ),
  ),
})
export type ServerConfig = Config.Success<typeof serverConfig>

/**
 * Problems no single variable shows: SendGrid refuses mail from a sender it cannot verify, so
 * with a key the sender must be set (the default only suits the local mail sink).
 */
export const configProblems = (env: NodeJS.ProcessEnv): ReadonlyArray<string> => {
  const problems: Array<string> = []
  if ((env.SENDGRID_API_KEY ?? "") !== "" && (env.SPRIDNING_MAIL_FROM ?? "") === "") {
    problems.push(
      'SPRIDNING_MAIL_FROM must name a sender verified in SendGrid when SENDGRID_API_KEY is set, e.g. "HFS-nätverket <spridning@example.se>"',
    )
  }
  if ((env.DATABASE_URL ?? "") !== "" && (env.SPRIDNING_LINK_SECRET ?? "") === "") {
    problems.push(
      "SPRIDNING_LINK_SECRET must be set (at least 16 characters, the same on every machine) when DATABASE_URL is set",
    )
  }
  return problems
}

/**
 * Links in mail are signed with SPRIDNING_LINK_SECRET. A newcomer on embedded PGlite should not
 * have to invent one, so without DATABASE_URL a secret is made once and kept beside the data;
 * with DATABASE_URL (several machines must share it) it has to be set.
 */
export const ensureLinkSecret = (env: NodeJS.ProcessEnv): void => {
  if (env.SPRIDNING_LINK_SECRET !== undefined && env.SPRIDNING_LINK_SECRET !== "") return
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== "") return
  const dataDir = env.SPRIDNING_DATA_DIR ?? ".data/pglite"
  const file = join(dirname(dataDir), "link-secret")
  let secret: string
  try {
    secret = readFileSync(file, "utf8").trim()
  } catch {
    secret = randomBytes(32).toString("base64url")
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  }
  env.SPRIDNING_LINK_SECRET = secret
}
