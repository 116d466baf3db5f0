/**
 * Turns the document generated from the routes into a reference that teaches: what every
 * operation and parameter is for, an example for every request body and the main answers,
 * formats on dates and ids, `Idempotency-Key`, `Retry-After`, servers and licence. The routes
 * say what they accept (their schemas); this file says it to people. Redocly's recommended
 * ruleset checks the result (test/openapi-lint.test.ts).
 */

type Json = { [key: string]: unknown }
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const overview = `Spridning spreads what the HFS network's theme groups learn to every region and follows it from information to action. This API is the network office's and integrations' way in.

**Authentication.** Every \`/v1\` call needs \`Authorization: Bearer <token>\`. The first admin token is printed when the server first starts; more come from \`POST /v1/tokens\` or \`pnpm spridning tokens create\`. Readers may read everything; a region editor changes one region, a group editor one theme group, an admin everything.

**Ids and dates.** Organisation records keep the ids you give them (slugs such as \`tg-tobak\`, \`region-norrbotten\`, \`person-0001\`). Ids the server makes (updates, deliveries, tokens) are UUIDs. Dates are ISO 8601: \`2026-11-20\` for a day, \`2026-11-20T09:00:00Z\` (UTC) for a moment.

**Lists** come a page at a time: \`limit\` (1–200, default 50) and the \`nextCursor\` of one page as the \`cursor\` of the next; no \`nextCursor\` means the last page.

**Errors** are RFC 9457 problem details (\`application/problem+json\`) naming each invalid field in \`errors\`.

**Retrying safely.** Send an \`Idempotency-Key\` (any 1–255 visible ASCII characters, e.g. a UUID) with a POST: repeating the same request with the same key answers the first response (\`Idempotent-Replayed: true\`) and creates nothing twice; the same key with a different body is refused (422); while the first is still running the answer is 409 with \`Retry-After\`. Keys are kept 24 hours; a key whose first request never finished is released after a minute.

**Rate limit.** Each token may make a number of requests a minute (1,200 unless the operator set \`SPRIDNING_RATE_LIMIT\`), across every instance. Beyond it the answer is 429 with \`Retry-After\` (seconds) and the draft-7 \`RateLimit\` headers.`

const tagDescriptions: Record<string, string> = {
  "healthcare regions": "The six healthcare regions (sjukvårdsregioner) the regions belong to.",
  regions: "Members of the network: regions, and municipalities or care providers that joined.",
  "org units": "Units inside a member (administrations, hospitals, departments), for reporting lines.",
  "theme groups": "Theme groups: what they work on, who chairs them, and the Slack channel they announce in.",
  people:
    "People in the network, their contact details and their own choices (channels, language, opt-outs).",
  "role assignments":
    "Who holds which role where: participant, chair, contact person, process leader, management…",
  "reporting rules": "How a role reports upwards within a member: the chain a briefing follows.",
  "regional bodies": "Regional bodies (e.g. a region's health-promotion council) that take part as a whole.",
  follows: "People who follow a theme group without taking part in it.",
  analysis:
    "Coverage (which member is reached for which group), issues in the organisation, reporting chains.",
  dissemination: "Audiences, updates and their publishing, plans, deliveries, receipts and the reach funnel.",
  "digital hours": "Digital hours (öppna digitala timmar): invitations with calendar files.",
  "proposal rounds": "Rounds in which members propose items for the work list, and the answers.",
  tokens: "API tokens: created, listed and revoked by the network office.",
}

const describeTag = (tag: string) => tagDescriptions[tag] ?? `Operations on ${tag}.`

/** What a parameter means, by name; a path `id` says whose id from the path itself. */
const parameterDescriptions: Record<string, string> = {
  limit: "How many items one page holds: 1–200, default 50.",
  cursor: "Where the page starts: the `nextCursor` of the previous page. Leave it out for the first page.",
  themeGroupId: "A theme group's id, e.g. `tg-tobak`.",
  regionId: "A member's (region's) id, e.g. `region-norrbotten`.",
  personId: "A person's id, e.g. `person-0001`.",
  healthcareRegionId: "A healthcare region's id, e.g. `hcr-norra`.",
  orgUnitId: "An organisational unit's id.",
  regionalBodyId: "A regional body's id.",
  deliveryId: "A delivery's id (UUID).",
  updateId: "An update's id.",
  proposalId: "A proposal's id.",
  published: "Only updates that are published (`true`) or only drafts (`false`).",
  q: "Words to look for in the title and text (Swedish full-text search: `nätverk` also finds `nätverken`).",
  tag: "Only records with this audience tag (e.g. `public-health`).",
  kind: "Only records of this kind.",
  sector: "Only members of this sector.",
  status: "Only records in this status.",
  function: "Only people with this function (clinician, strategist, …).",
  role: "Only assignments of this role.",
  relation: "How the person relates to the group.",
  from: "Only from this moment on (ISO 8601, e.g. `2026-11-01T00:00:00Z`).",
  format: "`json` (default) or `csv` for a spreadsheet.",
  includeRegionalBodies: "Also count regional bodies as reached (`true`/`false`).",
}

const parameterExamples: Record<string, unknown> = {
  limit: "50",
  themeGroupId: "tg-tobak",
  regionId: "region-norrbotten",
  personId: "person-0001",
  healthcareRegionId: "hcr-norra",
  published: "true",
  tag: "public-health",
  from: "2026-11-01T00:00:00Z",
  format: "csv",
}

const singular = (segment: string) => segment.replace(/-/g, " ").replace(/ies$/, "y").replace(/s$/, "")

const describeParameter = (parameter: Json, path: string): string => {
  const name = String(parameter.name)
  if (parameter.in === "path" && name === "id") {
    const segments = path.split("/").filter((s) => s !== "" && s !== "v1")
    const owner = segments[segments.indexOf("{id}") - 1] ?? "record"
    return `The ${singular(owner)}'s id.`
  }
  const allowed =
    isObject(parameter.schema) && Array.isArray(parameter.schema.enum) ? parameter.schema.enum : undefined
  if (allowed !== undefined && !(name in parameterDescriptions && name !== "from")) {
    return `Only records whose \`${name}\` is this value: ${allowed.map((value) => `\`${String(value)}\``).join(", ")}.`
  }
  if (allowed !== undefined) return `Only records whose \`${name}\` is this role.`
  return parameterDescriptions[name] ?? `Only records whose \`${name}\` is this value.`
}

const rights = (method: string, path: string) => {
  if (method === "get") return "Any valid token may call it."
  if (path.startsWith("/v1/tokens")) return "Needs an admin token."
  if (path.startsWith("/v1/theme-groups")) return "Needs an admin token or the group's editor token."
  if (path.startsWith("/v1/receipts") || path.includes("/preview")) return "Any valid token may call it."
  return "Needs a token that may change what it touches: an admin, or the editor of that region or theme group."
}

const describeOperation = (method: string, path: string, operation: Json): string => {
  const summary = String(operation.summary ?? "").replace(/\.?$/, ".")
  const lines = [summary, "", rights(method, path)]
  const parameters = Array.isArray(operation.parameters) ? (operation.parameters as Array<Json>) : []
  if (parameters.some((p) => p.name === "cursor")) {
    lines.push("The answer is one page: follow `nextCursor` for the next.")
  }
  if (method === "post") lines.push("Send an `Idempotency-Key` to retry it safely.")
  if (method === "patch") lines.push("Only the fields you send change.")
  if (method === "delete") lines.push("Answers 204 with no body.")
  return lines.join("\n")
}

/** A real id from the demo network for a path's `{id}`, so a copied curl finds something. */
const pathExamples: ReadonlyArray<readonly [string, string]> = [
  ["/v1/healthcare-regions/", "hcr-norra"],
  ["/v1/regions/", "region-norrbotten"],
  ["/v1/org-units/", "ou-norrbotten-ledning"],
  ["/v1/theme-groups/", "tg-tobak"],
  ["/v1/people/", "person-0001"],
  ["/v1/role-assignments/", "role-0001-management"],
  ["/v1/regional-bodies/", "rb-skane-halsoframjande-rad"],
]
const pathExample = (path: string, name: string): string | undefined => {
  if (name === "themeGroupId") return "tg-tobak"
  if (name === "personId") return "person-0001"
  if (name !== "id") return undefined
  return pathExamples.find(([prefix]) => path.startsWith(prefix))?.[1]
}

/** What a new record of each kind could be called, for request bodies. */
const resourceExamples: ReadonlyArray<readonly [string, { readonly id: string; readonly name: string }]> = [
  ["/v1/healthcare-regions", { id: "hcr-norra", name: "Norra sjukvårdsregionen" }],
  ["/v1/regions", { id: "region-norrbotten", name: "Region Norrbotten" }],
  ["/v1/org-units", { id: "ou-norrbotten-ledning", name: "Regionledningen" }],
  ["/v1/theme-groups", { id: "tg-tobak", name: "Tobaksprevention" }],
  ["/v1/people", { id: "person-0001", name: "Anna Andersson" }],
  ["/v1/role-assignments", { id: "role-0001-management", name: "Anna Andersson" }],
  ["/v1/regional-bodies", { id: "rb-skane-halsoframjande-rad", name: "Hälsofrämjande rådet i Skåne" }],
  ["/v1/tokens", { id: "9c1b2a3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", name: "Ordförande Tobaksprevention" }],
]

/** Realistic values for fields by name, from the demo network. */
const valueByName: Record<string, unknown> = {
  themeGroupId: "tg-tobak",
  optedOutOfThemeGroupId: "tg-alkohol",
  regionId: "region-norrbotten",
  personId: "person-0001",
  healthcareRegionId: "hcr-norra",
  orgUnitId: "ou-norrbotten-ledning",
  regionalBodyId: "rb-skane-halsoframjande-rad",
  teamId: "T0SPRIDNING",
  channelId: "C0TOBAK",
  email: "anna.andersson@regionnorrbotten.example",
  name: "Anna Andersson",
  title: "Minnesanteckningar november",
  body: "Vi gick igenom snusavvänjning i primärvården och nya material för skolan.",
  text: "Ta upp stöd för tobaksavvänjning i tandvården.",
  topic: "Tobaksprevention",
  meetingDate: "2026-11-20",
  deliveryId: "0b8f2c3e-6a1d-4e5f-9b7a-3c2d1e0f4a5b",
  updateId: "5d9e7a61-2b3c-4d8e-8f10-6a7b8c9d0e1f",
  tokenId: "9c1b2a3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  nextCursor: "eyJpZCI6InJlZ2lvbi1ub3JyYm90dGVuIn0",
}

const sampleDate = "2026-11-20T09:00:00.000Z"

const resolve = (schema: Json, root: Json): Json => {
  const ref = schema.$ref
  if (typeof ref !== "string") return schema
  const name = ref.replace("#/components/schemas/", "")
  const target = (root.components as Json | undefined)?.schemas as Json | undefined
  return isObject(target?.[name]) ? resolve(target[name] as Json, root) : {}
}

/** An example value that satisfies `schema` (as far as it is needed here), with realistic words. */
export const sample = (input: unknown, root: Json, name = "", depth = 0, path = ""): unknown => {
  if (!isObject(input) || depth > 8) return null
  const schema = resolve(input, root)
  if (schema.examples !== undefined && Array.isArray(schema.examples)) return schema.examples[0]
  if (schema.const !== undefined) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key]
    if (Array.isArray(options) && options.length > 0) {
      const nonNull = options.find((option) => !(isObject(option) && option.type === "null")) ?? options[0]
      return sample(nonNull, root, name, depth + 1, path)
    }
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part) => sample(part, root, name, depth + 1, path)))
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type
  switch (type) {
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {}
      const out: Json = {}
      for (const [key, property] of Object.entries(properties))
        out[key] = sample(property, root, key, depth + 1, path)
      return out
    }
    case "array": {
      const single = name.endsWith("Ids") ? name.slice(0, -1) : `${name.replace(/s$/, "")}Id`
      const item = sample(schema.items, root, single, depth + 1, path)
      return item === null ? [] : [item]
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? Math.max(schema.minimum, 1) : 1
    case "boolean":
      return false
    case "string": {
      if (schema.format === "date-time") return sampleDate
      if (schema.format === "date") return "2026-11-20"
      if (schema.format === "uuid") return valueByName[name] ?? "3f6c2a9e-5b1d-4c8e-9a7f-2d4b6e8c1a0f"
      const resource = resourceExamples.find(([prefix]) => path.startsWith(prefix))?.[1]
      if (name === "id" && resource !== undefined) return resource.id
      if (name === "name" && resource !== undefined && depth <= 1) return resource.name
      const known = valueByName[name]
      if (typeof known === "string") return known
      if (name === "id") return "tg-tobak"
      return typeof schema.minLength === "number" && schema.minLength > 0 ? "text" : ""
    }
    default:
      return null
  }
}

const dateNames = /(?:At|^deadline|^startsAt|^endsAt)$/
const dayNames = /Date$/

/** Marks the format of dates and server-made ids wherever a schema names them. */
const addFormats = (node: unknown, key = ""): void => {
  if (Array.isArray(node)) {
    for (const item of node) addFormats(item, key)
    return
  }
  if (!isObject(node)) return
  if (node.type === "string" && node.format === undefined && node.enum === undefined) {
    if (dateNames.test(key)) {
      node.format = "date-time"
      node.description ??= "A moment, ISO 8601 in UTC, e.g. `2026-11-20T09:00:00Z`."
    } else if (dayNames.test(key)) {
      node.format = "date"
      node.description ??= "A day, ISO 8601, e.g. `2026-11-20`."
    } else if (key === "id" || key.endsWith("Id")) {
      node.description ??=
        key === "deliveryId" || key === "tokenId"
          ? "Made by the server (a UUID)."
          : "An id: a slug given when the record was made (e.g. `tg-tobak`), or a UUID the server made."
    }
  }
  if (isObject(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) addFormats(property, name)
  }
  for (const [name, value] of Object.entries(node)) {
    if (name !== "properties") addFormats(value, name === "items" ? key : name)
  }
}

const problemHeaders = {
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    schema: { type: "integer", minimum: 0 },
  },
}

export interface TeachingOptions {
  /** Where curl examples and "Try it" send requests, e.g. `http://localhost:3000`. */
  readonly serverUrl: string
}

/** The generated document, made to teach (a copy; the input is not changed). */
export const teach = (generated: unknown, options: TeachingOptions): Json => {
  const document = structuredClone(generated) as Json
  const info = (document.info ?? {}) as Json
  document.info = {
    ...info,
    description: overview,
    license: {
      name: "EUPL-1.2",
      url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
    },
  }
  document.servers = [{ url: options.serverUrl, description: "This server" }]
  const components = (document.components ?? {}) as Json
  document.components = components
  components.parameters = {
    ...(components.parameters as Json | undefined),
    IdempotencyKey: {
      in: "header",
      name: "Idempotency-Key",
      required: false,
      description:
        "Makes a POST safe to retry: the same key with the same request answers the first response and creates nothing twice (kept 24 hours).",
      schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
      example: "6f1c9a52-3d4e-4b7a-9c2d-8e1f0a3b5c7d",
    },
  }
  const problem = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } }
  components.responses = {
    ...(components.responses as Json | undefined),
    TooManyRequests: {
      description: "This token made too many requests this minute; wait `Retry-After` seconds.",
      headers: problemHeaders,
      content: problem,
    },
  }
  addFormats(components.schemas)

  const tags = new Set<string>()
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!isObject(operation)) continue
      for (const tag of (operation.tags as Array<string> | undefined) ?? []) tags.add(tag)
      operation.description ??= describeOperation(method, path, operation)
      const parameters = Array.isArray(operation.parameters) ? (operation.parameters as Array<Json>) : []
      for (const parameter of parameters) {
        parameter.description ??= describeParameter(parameter, path)
        const example = parameterExamples[String(parameter.name)]
        const allowed = isObject(parameter.schema) ? parameter.schema.enum : undefined
        if (parameter.in === "query" && parameter.example === undefined) {
          if (Array.isArray(allowed)) parameter.example = allowed[0]
          else if (example !== undefined) parameter.example = example
        }
        if (parameter.in === "path" && parameter.example === undefined) {
          const example = pathExample(path, String(parameter.name))
          if (example !== undefined) parameter.example = example
        }
      }
      if (path.startsWith("/v1/")) {
        if (method === "post") parameters.push({ $ref: "#/components/parameters/IdempotencyKey" })
        if (parameters.length > 0) operation.parameters = parameters
        const responses = (operation.responses ?? {}) as Json
        // One answer everywhere, with its Retry-After header.
        responses["429"] = { $ref: "#/components/responses/TooManyRequests" }
        if (method === "post" && isObject(responses["409"])) {
          const conflict = responses["409"] as Json
          conflict.description = `${String(conflict.description)}; or a request with this Idempotency-Key is still running (retry after \`Retry-After\` seconds)`
          conflict.headers = problemHeaders
        }
        operation.responses = responses
      }
      addFormats(operation)
      const body = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.[
        "application/json"
      ]
      if (isObject(body) && body.example === undefined && body.examples === undefined) {
        body.example = requestExamples[`${method} ${path}`] ?? sample(body.schema, document, "", 0, path)
      }
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Json)) {
        if (!status.startsWith("2") || !isObject(response)) continue
        const json = (response.content as Json | undefined)?.["application/json"]
        if (isObject(json) && json.example === undefined)
          json.example = sample(json.schema, document, "", 0, path)
      }
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name, description: describeTag(name) }))
  return document
}

/** Hand-written bodies for the requests people make most; the rest are sampled from their schemas. */
const requestExamples: Record<string, unknown> = {
  "post /v1/updates": {
    update: {
      themeGroupId: "tg-tobak",
      title: "Minnesanteckningar november",
      body: "Vi gick igenom snusavvänjning i primärvården och nya material för skolan.",
      audience: { scope: "network", themeGroups: ["tg-tobak"] },
      details: { kind: "meetingNotes", meetingDate: "2026-11-20" },
    },
  },
  "post /v1/audiences/preview": {
    audience: { scope: "network", themeGroups: ["tg-tobak"], tags: ["public-health"] },
    themeGroupId: "tg-tobak",
  },
  "post /v1/tokens": { role: "group-editor", themeGroupId: "tg-tobak", name: "Ordförande Tobaksprevention" },
  "put /v1/theme-groups/{id}/slack-channel": { teamId: "T0SPRIDNING", channelId: "C0TOBAK" },
  "post /v1/follows": { personId: "person-0001", themeGroupId: "tg-tobak" },
}
