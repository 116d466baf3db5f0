import { readFile } from "node:fs/promises"
import { NotFound } from "@spridning/core"
import { demoNetwork } from "@spridning/core/demo"
import { Console, Effect, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { ApiTokens, type TokenRole } from "../access/access.js"
import { Database, layerFromConfig } from "../database/database.js"
import { layerRepositories } from "../layers.js"
import { Organisation } from "../organisation/organisation.js"
import { importRoster } from "../organisation/roster-import.js"

/** What the CLI writes to the audit log as the one who made the change. */
const actor = `cli:${process.env.USER ?? "operator"}`

const withDatabase = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.provide(effect, layerRepositories.pipe(Layer.provideMerge(layerFromConfig)))

const migrate = Command.make("migrate", {}, () =>
  withDatabase(
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
    withDatabase(
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
    withDatabase(
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
      Flag.withDescription("The region a region editor may change"),
      Flag.optional,
    ),
    group: Flag.String("group").pipe(
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
  withDatabase(
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
    withDatabase(
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

export const spridning = Command.make("spridning").pipe(
  Command.withDescription("Spridning's operator tool."),
  Command.withSubcommands([migrate, seed, importCommand, tokens]),
)

/** Errors people can act on, said plainly; anything else is reported as it is. */
export const explain = (error: unknown): string => {
  if (error instanceof NotFound) return error.message
  if (error instanceof Error) return error.message
  return String(error)
}
