import { readFile } from "node:fs/promises"
import { NotFound, RegionId, ThemeGroupId } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { Console, Effect, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { ApiTokens, SlackLinks, type TokenRole } from "../access/access.js"
import { Database, defaultDataDir, layerFromConfig } from "../database/database.js"
import { layerRepositories } from "../layers.js"
import { Organisation } from "../organisation/organisation.js"
import { importRoster } from "../organisation/roster-import.js"
import { acquireDataLock, DataFolderBusy } from "./data-lock.js"
import { diagnose, expectedMigrations, inspectDatabase, renderFindings } from "./doctor.js"

/** What the CLI writes to the audit log as the one who made the change. */
const actor = `cli:${process.env.USER ?? "operator"}`

/**
 * Opens the configured database for one command. Embedded PGlite belongs to one process: while
 * the server holds the folder, a change made here would be lost, so the command is refused and
 * `whileServerRuns(base)` says how to do the same through the running server instead.
 */
const withDatabase =
  (whileServerRuns: (base: string) => string) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>) =>
    Effect.acquireUseRelease(
      Effect.try({
        try: () => {
          if ((process.env.DATABASE_URL ?? "").trim() !== "") return undefined
          return acquireDataLock(process.env.SPRIDNING_DATA_DIR ?? defaultDataDir(), "cli")
        },
        catch: (error) =>
          error instanceof DataFolderBusy && error.holder.kind === "server"
            ? new Error(
                `${error.message}\nNothing was changed: the server would not see it, and would overwrite it when it stops.\n${whileServerRuns(`http://localhost:${error.holder.port ?? "<port>"}`)}`,
              )
            : error instanceof Error
              ? error
              : new Error(String(error)),
      }),
      () => Effect.provide(effect, layerRepositories.pipe(Layer.provideMerge(layerFromConfig))),
      (lock) => Effect.sync(() => lock?.release()),
    )

const stopTheServer =
  "Or stop the server (Ctrl-C where it runs), run this command again, and start the server."
const viaApi = (request: string) => (base: string) =>
  `Do it through the running server with an admin token:\n  ${request.replaceAll("$BASE", base)}\n${stopTheServer}`

const migrate = Command.make("migrate", {}, () =>
  withDatabase(() => "The running server applied every migration it ships when it started.")(
    Effect.gen(function* () {
      const database = yield* Database
      yield* Console.log(`Migrations applied (${database.driver}).`)
    }),
  ),
).pipe(Command.withDescription("Create or update the database schema (also done on every start)."))

const seed = Command.make(
  "seed",
  {
    force: Flag.Boolean("force").pipe(
      Flag.withDescription("Seed even when regions already exist"),
      Flag.withDefault(false),
    ),
  },
  ({ force }) =>
    withDatabase(() => stopTheServer)(
      Effect.gen(function* () {
        const organisation = yield* Organisation
        if (!force && !(yield* organisation.isEmpty)) {
          yield* Console.log("The database already has regions; nothing seeded (use --force to try anyway).")
          return
        }
        const summary = yield* organisation.importNetwork(demoNetwork, actor)
        yield* Console.log(
          `Seeded the demo network: ${summary.regions} regions, ${summary.themeGroups} theme groups, ${summary.people} people, ${summary.roles} roles, ${summary.follows} follows.`,
        )
      }),
    ),
).pipe(Command.withDescription("Load the demo network from @spridning/core/demo into an empty database."))

const importCommand = Command.make(
  "import",
  {
    file: Argument.String("file.csv").pipe(Argument.withDescription("A CSV roster of people and roles")),
    dryRun: Flag.Boolean("dry-run").pipe(
      Flag.withDescription("Check every row (format, ids, addresses) and write nothing"),
      Flag.withDefault(false),
    ),
    progressEvery: Flag.Int("progress-every").pipe(
      Flag.withDescription("Print a progress line on stderr every N rows"),
      Flag.withDefault(1_000),
    ),
  },
  ({ file, dryRun, progressEvery }) =>
    withDatabase(() => stopTheServer)(
      Effect.gen(function* () {
        const text = yield* Effect.tryPromise({
          try: () => readFile(file, "utf8"),
          catch: (cause) =>
            new Error(`Cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`),
        })
        const database = yield* Database
        const result = yield* importRoster(database, text, actor, {
          dryRun,
          progressEvery,
          // stderr, so stdout keeps only the result for scripts.
          onProgress: (progress) =>
            process.stderr.write(
              progress.phase === "checked"
                ? `checked ${progress.rows} of ${progress.of} rows\n`
                : `wrote ${progress.rows} rows\n`,
            ),
        })
        yield* Console.log(
          result.dryRun
            ? `Dry run: the roster is valid; ${result.people} people and ${result.roles} roles would be imported. Nothing was written.`
            : `Imported ${result.people} people and ${result.roles} roles.`,
        )
      }),
    ),
).pipe(
  Command.withDescription(
    "Import people and roles from a CSV roster, comma- or semicolon-separated, UTF-8 with or without BOM (columns: person_id,name,email,function,region_id,org_unit_id,channels,language,role,role_region_id,theme_group_id,regional_body_id). Every bad row is reported at once; nothing is written unless every row is valid.",
  ),
)

const tokenRoles: ReadonlyArray<TokenRole> = ["admin", "region-editor", "group-editor", "reader"]

const tokensCreate = Command.make(
  "create",
  {
    role: Flag.Literals("role", tokenRoles).pipe(
      Flag.withDescription("admin, region-editor, group-editor or reader"),
    ),
    region: Flag.String("region").pipe(
      Flag.withSchema(RegionId),
      Flag.withDescription("The region a region editor may change"),
      Flag.optional,
    ),
    group: Flag.String("group").pipe(
      Flag.withSchema(ThemeGroupId),
      Flag.withDescription("The theme group a group editor may change"),
      Flag.optional,
    ),
    name: Flag.String("name").pipe(
      Flag.withDescription("Who or what uses the token"),
      Flag.withDefault("cli"),
    ),
  },
  ({ role, region, group, name }) =>
    withDatabase(
      viaApi(
        `curl -X POST $BASE/v1/tokens -H "Authorization: Bearer $ADMIN_TOKEN" -H "content-type: application/json" -d '${JSON.stringify(
          {
            role,
            name,
            ...(Option.isSome(region) ? { regionId: region.value } : {}),
            ...(Option.isSome(group) ? { themeGroupId: group.value } : {}),
          },
        )}'`,
      ),
    )(
      Effect.gen(function* () {
        if (role === "region-editor" && Option.isNone(region)) {
          return yield* Effect.fail(new Error("A region-editor token needs --region <region id>."))
        }
        if (role === "group-editor" && Option.isNone(group)) {
          return yield* Effect.fail(new Error("A group-editor token needs --group <theme group id>."))
        }
        const tokens = yield* ApiTokens
        const { token, apiToken } = yield* tokens.create(
          {
            role,
            name,
            ...(Option.isSome(region) ? { regionId: region.value } : {}),
            ...(Option.isSome(group) ? { themeGroupId: group.value } : {}),
          },
          actor,
        )
        yield* Console.log(
          `Created ${apiToken.role} token ${apiToken.id} ("${apiToken.name}"). Shown once; store it now:`,
        )
        yield* Console.log(token)
      }),
    ),
).pipe(Command.withDescription("Create an API token; the token is printed alone on the last line."))

const tokensList = Command.make("list", {}, () =>
  withDatabase(viaApi('curl $BASE/v1/tokens -H "Authorization: Bearer $ADMIN_TOKEN"'))(
    Effect.gen(function* () {
      const tokens = yield* (yield* ApiTokens).list()
      if (tokens.length === 0) yield* Console.log("No API tokens.")
      for (const token of tokens) {
        const scope = [
          token.regionId && `region=${token.regionId}`,
          token.themeGroupId && `group=${token.themeGroupId}`,
        ]
          .filter(Boolean)
          .join(" ")
        const status = token.revokedAt === undefined ? "active" : `revoked ${token.revokedAt.toISOString()}`
        yield* Console.log(
          [token.id, token.role, scope || "-", `"${token.name}"`, token.createdAt.toISOString(), status].join(
            "\t",
          ),
        )
      }
    }),
  ),
).pipe(Command.withDescription("List API tokens (never their secrets)."))

const tokensRevoke = Command.make(
  "revoke",
  { id: Argument.String("id").pipe(Argument.withDescription("The token's id")) },
  ({ id }) =>
    withDatabase(viaApi(`curl -X DELETE $BASE/v1/tokens/${id} -H "Authorization: Bearer $ADMIN_TOKEN"`))(
      Effect.gen(function* () {
        const token = yield* (yield* ApiTokens).revoke(id, actor)
        yield* Console.log(`Revoked token ${token.id} ("${token.name}").`)
      }),
    ),
).pipe(Command.withDescription("Revoke an API token: it stops working at once."))

const tokens = Command.make("tokens").pipe(
  Command.withDescription("Manage API tokens."),
  Command.withSubcommands([tokensCreate, tokensList, tokensRevoke]),
)

const groupArgument = Argument.String("theme-group").pipe(
  Argument.withSchema(ThemeGroupId),
  Argument.withDescription("The theme group's id"),
)

const slackChannelSet = Command.make(
  "set",
  {
    group: groupArgument,
    channel: Argument.String("channel").pipe(
      Argument.withDescription("The channel's id (C… or G…; in Slack: the channel's details, at the bottom)"),
    ),
    team: Flag.String("team").pipe(
      Flag.withDescription("The workspace id (T…); `pnpm spridning doctor` shows it"),
    ),
  },
  ({ group, channel, team }) =>
    withDatabase(
      viaApi(
        `curl -X PUT $BASE/v1/theme-groups/${group}/slack-channel -H "Authorization: Bearer $ADMIN_TOKEN" -H "content-type: application/json" -d '${JSON.stringify({ teamId: team, channelId: channel })}'`,
      ),
    )(
      Effect.gen(function* () {
        yield* (yield* SlackLinks).setThemeGroupChannel(
          { themeGroupId: group, teamId: team, channelId: channel },
          actor,
        )
        yield* Console.log(
          `Theme group ${group} now announces in Slack channel ${channel} (workspace ${team}).`,
        )
      }),
    ),
).pipe(
  Command.withDescription("Post a theme group's announcements in a Slack channel (replaces an earlier one)."),
)

const slackChannelClear = Command.make("clear", { group: groupArgument }, ({ group }) =>
  withDatabase(
    viaApi(
      `curl -X DELETE $BASE/v1/theme-groups/${group}/slack-channel -H "Authorization: Bearer $ADMIN_TOKEN"`,
    ),
  )(
    Effect.gen(function* () {
      const cleared = yield* (yield* SlackLinks).clearThemeGroupChannel(group, actor)
      yield* Console.log(
        cleared
          ? `Theme group ${group} no longer announces in Slack.`
          : `Theme group ${group} had no Slack channel; nothing changed.`,
      )
    }),
  ),
).pipe(Command.withDescription("Stop posting a theme group's announcements in Slack."))

const slackChannel = Command.make("slack-channel").pipe(
  Command.withDescription("Link theme groups to Slack channels."),
  Command.withSubcommands([slackChannelSet, slackChannelClear]),
)

const doctor = Command.make("doctor", {}, () =>
  Effect.gen(function* () {
    const database = yield* Effect.promise(() => inspectDatabase(process.env))
    const findings = diagnose(process.env, database, expectedMigrations())
    yield* Console.log(renderFindings(findings))
    if (findings.some((finding) => finding.status === "fix")) {
      yield* Effect.sync(() => {
        process.exitCode = 1
      })
    }
  }),
).pipe(
  Command.withDescription(
    "Show what is on and off (database, SendGrid, Slack, public URL, mail sink) and what to do about each; changes nothing.",
  ),
)

export const spridning = Command.make("spridning").pipe(
  Command.withDescription("Spridning's operator tool."),
  Command.withSubcommands([doctor, migrate, seed, importCommand, tokens, slackChannel]),
)

/** Errors people can act on, said plainly; anything else is reported as it is. */
export const explain = (error: unknown): string => {
  if (error instanceof NotFound) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}
