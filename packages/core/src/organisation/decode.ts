import { Effect, Schema, SchemaIssue } from "effect"
import { Network } from "./model.js"

/** Input that does not describe a valid network; `problems` name each field path that is wrong. */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  what: Schema.String,
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String })),
}) {
  override get message(): string {
    return `Invalid ${this.what}: ${this.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/** Turns a schema failure into a list of `path: message` problems. */
export const problemsOf = (error: Schema.SchemaError): ReadonlyArray<{ path: string; message: string }> =>
  formatter(error.issue).issues.map((issue) => ({
    path:
      (issue.path ?? [])
        .map((segment) => (typeof segment === "object" && segment !== null ? segment.key : segment))
        .map(String)
        .join(".") || "(root)",
    message: issue.message,
  }))

/** Decodes unknown input with `schema`; a failure names every invalid field. */
export const decodeWith =
  <S extends Schema.ConstraintDecoder<unknown>>(schema: S, what: string) =>
  (input: unknown): Effect.Effect<S["Type"], InvalidInput> =>
    Schema.decodeUnknownEffect(schema)(input, { errors: "all" }).pipe(
      Effect.mapError((error) => new InvalidInput({ what, problems: problemsOf(error) })),
    )

/** Decodes a whole network (for example one loaded from JSON), naming every invalid field. */
export const decodeNetwork = decodeWith(Network, "network")
