import { Schema } from "effect"
import type { StandardSchemaV1 } from "effect/StandardSchema"
import type { Context, Env } from "hono"
import { HTTPException } from "hono/http-exception"
import { loadVendor, resolver, uniqueSymbol, validator } from "hono-openapi"
import { type InvalidField, ProblemError, type ProblemLocation, problem } from "./problem.js"
import { requestHeader } from "./request-header.js"

/**
 * Request and response schemas are Effect schemas; hono-openapi reads them through Standard
 * Schema. Its bundled converter for the "effect" vendor speaks Effect 3, so the OpenAPI
 * document is generated here with Effect 4's own JSON Schema compiler.
 */
type JsonSchemaObject = { [key: string]: unknown }

const rewriteRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (value === null || typeof value !== "object") return value
  const out: JsonSchemaObject = {}
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === "$ref" && typeof inner === "string"
        ? inner.replace("#/$defs/", "#/components/schemas/")
        : rewriteRefs(inner)
  }
  return out
}

const isEffectSchema = (value: unknown): value is Schema.Top => Schema.isSchema(value)

const effectToOpenApi = (
  schema: unknown,
  context: { components?: { schemas?: Record<string, unknown> } } | undefined,
): JsonSchemaObject => {
  if (!isEffectSchema(schema)) return {}
  const document = Schema.toJsonSchemaDocument(schema)
  if (context !== undefined && Object.keys(document.definitions).length > 0) {
    context.components ??= {}
    context.components.schemas ??= {}
    for (const [name, definition] of Object.entries(document.definitions)) {
      context.components.schemas[name] = rewriteRefs(definition)
    }
  }
  return rewriteRefs(document.schema) as JsonSchemaObject
}

let registered = false
/** Teaches hono-openapi to document Effect 4 schemas. Idempotent. */
export const registerEffectSchemas = (): void => {
  if (registered) return
  registered = true
  loadVendor("effect", {
    toJSONSchema: (schema: unknown) => effectToOpenApi(schema, undefined),
    toOpenAPISchema: (schema: unknown, context: unknown) =>
      effectToOpenApi(schema, context as { components?: { schemas?: Record<string, unknown> } }),
  } as unknown as Parameters<typeof loadVendor>[1])
}
registerEffectSchemas()

type Target = "json" | "query" | "param" | "header"
const locationOf: Record<Target, ProblemLocation> = {
  json: "body",
  query: "query",
  param: "path",
  header: "header",
}

const pathOf = (issue: StandardSchemaV1.Issue): string =>
  (issue.path ?? [])
    .map((segment) => (typeof segment === "object" && segment !== null ? segment.key : segment))
    .map(String)
    .join(".") || "(root)"

export const invalidFields = (
  target: Target,
  issues: ReadonlyArray<StandardSchemaV1.Issue>,
): ReadonlyArray<InvalidField> =>
  issues.map((issue) => ({ in: locationOf[target], path: pathOf(issue), message: issue.message }))

const describeTarget: Record<Target, string> = {
  json: "The request body",
  query: "The query string",
  param: "The path",
  header: "A header",
}

const int32 = { min: -2_147_483_648, max: 2_147_483_647 }
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()
const leadingDate = /^(\d{4,})-(\d{2})-(\d{2})(?:$|T(\d{2}):(\d{2}))/

/**
 * What no field of ours can hold, whatever its schema says: PostgreSQL text cannot store NUL,
 * `Date.parse` rolls 2026-02-30 over to 2 March while PostgreSQL refuses it (and year 0), and
 * every whole number we store is a 32-bit `integer`. Refused here, so the database never
 * answers with an error that reads like an outage.
 */
const storableIssue = (value: unknown): string | undefined => {
  if (typeof value === "string") {
    if (value.includes("\u0000")) return "must not contain the NUL character (\\u0000)"
    const date = leadingDate.exec(value)
    if (date !== null) {
      const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
      const [hour, minute] = [Number(date[4] ?? 0), Number(date[5] ?? 0)]
      if (year < 1 || year > 9999) return "must be a date between year 1 and 9999"
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59) {
        return `is not a date in the calendar (${value.slice(0, 10)})`
      }
    }
    return undefined
  }
  if (typeof value === "number" && (value < int32.min || value > int32.max)) {
    return `must be between ${int32.min} and ${int32.max}`
  }
  return undefined
}

const unstorableFields = (target: Target, value: unknown): ReadonlyArray<InvalidField> => {
  const found: Array<InvalidField> = []
  const visit = (inner: unknown, path: ReadonlyArray<string>): void => {
    if (found.length >= 50) return
    const message = storableIssue(inner)
    if (message !== undefined) {
      found.push({ in: locationOf[target], path: path.join(".") || "(root)", message })
      return
    }
    if (Array.isArray(inner)) {
      inner.forEach((item, index) => {
        visit(item, [...path, String(index)])
      })
    } else if (inner !== null && typeof inner === "object") {
      for (const [key, item] of Object.entries(inner)) {
        if (key.includes("\u0000")) {
          found.push({
            in: locationOf[target],
            path: [...path, key.replaceAll("\u0000", "\\u0000")].join("."),
            message: "a name must not contain the NUL character",
          })
        } else visit(item, [...path, key])
      }
    }
  }
  visit(value, [])
  return found
}

const refuseUnstorable = (target: Target, value: unknown): void => {
  const errors = unstorableFields(target, value)
  if (errors.length === 0) return
  throw new ProblemError(
    400,
    `${describeTarget[target]} has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}: ${errors
      .map((e) => e.path)
      .join(", ")}`,
    errors,
  )
}

const hookFor =
  (target: Target) =>
  (
    result: { success: true } | { success: false; error: ReadonlyArray<StandardSchemaV1.Issue> },
    c: Context,
  ): Response | undefined => {
    if (result.success) return undefined
    const errors = invalidFields(target, result.error)
    return problem(
      c,
      400,
      `${describeTarget[target]} has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}: ${errors
        .map((e) => e.path)
        .join(", ")}`,
      errors,
    )
  }

/** A Standard Schema view of an Effect schema that reports every issue, not just the first. */
export const standard = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) =>
  Schema.toStandardSchemaV1(schema, { parseOptions: { errors: "all", onExcessProperty: "ignore" } })

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i

/** What checking one input against one schema came to: the same input always comes to the same. */
type Checked =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly unstorable: boolean; readonly errors: ReadonlyArray<InvalidField> }

const deepFreeze = <A>(value: A): A => {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/** Inputs longer than this are checked every time rather than remembered. */
const rememberedInputChars = 4096
const rememberedInputs = 256

/**
 * Checking is pure, so an input seen before (the same audience previewed again, the same query
 * string) is answered from memory: decoding through Effect Schema is most of a cached read's
 * time. Decoded values are frozen, since every request with that input shares them.
 */
const checkerFor = (target: Target, schema: Schema.ConstraintDecoder<unknown>) => {
  const validate = standard(schema)["~standard"].validate
  const remembered = new Map<string, Checked>()
  const check = async (value: unknown): Promise<Checked> => {
    const unstorable = unstorableFields(target, value)
    if (unstorable.length > 0) return { ok: false, unstorable: true, errors: unstorable }
    const result = await validate(value)
    return result.issues === undefined
      ? { ok: true, value: result.value }
      : { ok: false, unstorable: false, errors: invalidFields(target, result.issues) }
  }
  return async (key: string, value: () => unknown): Promise<Checked> => {
    const hit = remembered.get(key)
    if (hit !== undefined) return hit
    const checked = await check(value())
    if (key.length <= rememberedInputChars) {
      if (remembered.size >= rememberedInputs) remembered.clear()
      remembered.set(key, deepFreeze(checked))
    }
    return checked
  }
}

const settle = (c: Context, target: Target, checked: Checked): Response | undefined => {
  if (checked.ok) {
    c.req.addValidatedData(target, checked.value as object)
    return undefined
  }
  const detail = `${describeTarget[target]} has ${checked.errors.length} invalid field${checked.errors.length === 1 ? "" : "s"}: ${checked.errors
    .map((e) => e.path)
    .join(", ")}`
  if (checked.unstorable) throw new ProblemError(400, detail, checked.errors)
  return problem(c, 400, detail, checked.errors)
}

/** Keeps hono-openapi's description (of `described`) on the middleware that really runs. */
const describedAs = <M>(middleware: M, described: unknown): M =>
  Object.assign(middleware as object, {
    [uniqueSymbol]: (described as Record<symbol, unknown>)[uniqueSymbol],
  }) as M

/**
 * The body decoded by `schema`. A body sent as anything but JSON is refused with 415, rather
 * than read as empty and answered with a list of missing fields.
 */
export const jsonBody = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) => {
  const described = validator("json", standard(schema), hookFor("json"))
  const checker = checkerFor("json", schema)
  const checked: typeof described = async (c, next) => {
    const mediaType = (requestHeader(c, "content-type") ?? "").split(";")[0]?.trim() ?? ""
    if (!jsonMediaType.test(mediaType)) {
      throw new ProblemError(415, "Send the body as JSON with `Content-Type: application/json`.", [
        { in: "header", path: "content-type", message: "must be application/json" },
      ])
    }
    const text = await c.req.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new HTTPException(400, { message: "Malformed JSON in request body" })
    }
    const response = settle(c, "json", await checker(text, () => body))
    return response ?? next()
  }
  return describedAs(checked, described)
}

/** Keeps hono-openapi's description of `validate` on the guarded middleware. */
const guarded = <M extends (c: Context, next: () => Promise<void>) => unknown>(
  validate: M,
  check: (c: Context) => void,
): M => {
  const checked = ((c: Context, next: () => Promise<void>) => {
    check(c)
    return validate(c, next)
  }) as M
  return describedAs(checked, validate)
}

export const queryOf = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) => {
  const described = validator("query", standard(schema), hookFor("query"))
  const checker = checkerFor("query", schema)
  const checked: typeof described = async (c, next) => {
    const url = c.req.url
    const at = url.indexOf("?")
    const response = settle(
      c,
      "query",
      await checker(at === -1 ? "" : url.slice(at + 1), () =>
        Object.fromEntries(
          Object.entries(c.req.queries()).map(([key, values]) => [
            key,
            values.length === 1 ? values[0] : values,
          ]),
        ),
      ),
    )
    return response ?? next()
  }
  return describedAs(checked, described)
}

export const pathParams = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) =>
  guarded(validator("param", standard(schema), hookFor("param")), (c) =>
    refuseUnstorable("param", c.req.param()),
  )

/** A problem+json response in the OpenAPI document. */
export const problemResponse = (description: string, schema: Schema.ConstraintDecoder<unknown>) => ({
  description,
  content: { "application/problem+json": { schema: resolver(standard(schema)) } },
})

/** A JSON response body described by `schema` in the OpenAPI document. */
export const jsonResponse = (description: string, schema: Schema.ConstraintDecoder<unknown>) => ({
  description,
  content: { "application/json": { schema: resolver(standard(schema)) } },
})

export type { Env }
