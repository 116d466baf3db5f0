import { randomUUID } from "node:crypto"
import {
  Audience,
  AudienceTag,
  isNetworkOffice,
  type Language,
  type Network,
  PersonFunction,
  type Publisher,
  publishingChoices,
  publishProblems,
  Role,
  type ThemeGroup,
  ThemeGroupId,
  UpdateId,
} from "@spridning/core"
import type { NewUpdate } from "@spridning/db"
import { Option, Schema } from "effect"
import { type ComposeKind, composeMessages } from "./compose-messages.js"

/** The kinds composed here, in the order the page offers them, with their path segment. */
export const composeKinds: ReadonlyArray<{ readonly kind: ComposeKind; readonly slug: string }> = [
  { kind: "meetingNotes", slug: "minnesanteckningar" },
  { kind: "workListItem", slug: "arbetslista" },
  { kind: "digitalHour", slug: "digitimme" },
  { kind: "goodExample", slug: "gott-exempel" },
  { kind: "proposalRound", slug: "forslagsomgang" },
]

export const kindOfSlug = (slug: string | undefined): ComposeKind | undefined =>
  composeKinds.find((entry) => entry.slug === slug)?.kind

export const slugOfKind = (kind: ComposeKind): string =>
  composeKinds.find((entry) => entry.kind === kind)?.slug ?? "minnesanteckningar"

/** The form's fields as typed, kept to show the form again exactly as it was sent. */
export interface ComposeValues {
  readonly kind: ComposeKind
  readonly id: string
  readonly themeGroupId: string
  readonly title: string
  readonly body: string
  readonly meetingDate: string
  readonly status: string
  readonly dueDate: string
  readonly startsAt: string
  readonly endsAt: string
  readonly location: string
  readonly url: string
  readonly tags: string
  readonly exampleRegionId: string
  readonly deadline: string
  readonly planYear: string
  readonly scope: string
  readonly audienceTags: ReadonlyArray<string>
  readonly roles: ReadonlyArray<string>
  readonly functions: ReadonlyArray<string>
  readonly themeGroups: ReadonlyArray<string>
  readonly regions: ReadonlyArray<string>
  readonly healthcareRegions: ReadonlyArray<string>
}

/** A field that is wrong, by its form name, and what to do about it. */
export interface FieldError {
  readonly field: keyof ComposeValues
  readonly message: string
}

/** What the signed-in person is offered: core's choices, nothing wider. */
export interface ComposeOffer {
  /** Groups the person may publish in (core's `publishingChoices`), by name. */
  readonly themeGroups: ReadonlyArray<ThemeGroup>
  /** Whether an update without a group may be offered (admin, or a region editor). */
  readonly withoutGroup: boolean
  /** Set when every right the person holds is a region editor's: the only regions offered. */
  readonly onlyRegions?: ReadonlyArray<string>
}

export const composeOffer = (network: Network, rights: ReadonlyArray<Publisher>): ComposeOffer => {
  const choices = publishingChoices(network, rights)
  const narrowed = choices.length > 0 && choices.every((choice) => choice.onlyRegion !== undefined)
  const regionRights = rights.flatMap((right) => (right._tag === "RegionEditor" ? [right.regionId] : []))
  const admin = isNetworkOffice(rights)
  return {
    themeGroups: choices
      .map((choice) => choice.themeGroup)
      .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    withoutGroup: admin || regionRights.length > 0,
    ...(narrowed || (!admin && choices.length === 0 && regionRights.length > 0)
      ? { onlyRegions: regionRights }
      : {}),
  }
}

/** The form as first shown: the first group offered, its members and followers, in the person's region when narrowed. */
export const initialValues = (kind: ComposeKind, offer: ComposeOffer): ComposeValues => {
  const group = offer.themeGroups[0]?.id ?? ""
  return {
    kind,
    id: randomUUID(),
    themeGroupId: group,
    title: "",
    body: "",
    meetingDate: "",
    status: "planned",
    dueDate: "",
    startsAt: "",
    endsAt: "",
    location: "",
    url: "",
    tags: "",
    exampleRegionId: "",
    deadline: "",
    planYear: "",
    scope: "network",
    audienceTags: [],
    roles: [],
    functions: [],
    themeGroups: group === "" ? [] : [group],
    regions: offer.onlyRegions ?? [],
    healthcareRegions: [],
  }
}

type Body = Readonly<Record<string, string | File | ReadonlyArray<string | File>>>

const one = (body: Body, name: string): string => {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === "string" ? first.trim() : ""
}

const many = (body: Body, name: string): ReadonlyArray<string> => {
  const value = body[name]
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return [...new Set(all.flatMap((v) => (typeof v === "string" && v.trim() !== "" ? [v.trim()] : [])))]
}

/** The posted form (Hono's `parseBody({ all: true })`) as values; the kind comes from the path. */
export const valuesOf = (kind: ComposeKind, body: Body): ComposeValues => ({
  kind,
  id: one(body, "id"),
  themeGroupId: one(body, "themeGroupId"),
  title: one(body, "title"),
  body: typeof body.body === "string" ? body.body.replace(/\r\n/g, "\n").trim() : "",
  meetingDate: one(body, "meetingDate"),
  status: one(body, "status"),
  dueDate: one(body, "dueDate"),
  startsAt: one(body, "startsAt"),
  endsAt: one(body, "endsAt"),
  location: one(body, "location"),
  url: one(body, "url"),
  tags: one(body, "tags"),
  exampleRegionId: one(body, "exampleRegionId"),
  deadline: one(body, "deadline"),
  planYear: one(body, "planYear"),
  scope: one(body, "scope"),
  audienceTags: many(body, "audienceTags"),
  roles: many(body, "roles"),
  functions: many(body, "functions"),
  themeGroups: many(body, "themeGroups"),
  regions: many(body, "regions"),
  healthcareRegions: many(body, "healthcareRegions"),
})

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))

const stockholmParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
})

/** Minutes Stockholm is ahead of UTC at `at` (60 in winter, 120 in summer). */
const stockholmOffset = (at: number): number => {
  const parts = Object.fromEntries(stockholmParts.formatToParts(new Date(at)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000)
}

/** `2027-01-20T09:00` (a `datetime-local` field, or typed with a space) in Swedish time, as an instant. */
export const stockholmTime = (value: string): Date | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(value)
  if (match === null) return undefined
  const naive = Date.parse(`${match[1]}T${match[2]}:00Z`)
  if (Number.isNaN(naive)) return undefined
  const first = naive - stockholmOffset(naive) * 60_000
  return new Date(naive - stockholmOffset(first) * 60_000)
}

const webAddress = (s: string) => {
  if (!URL.canParse(s)) return false
  const url = new URL(s)
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0
}

const decodeAudience = Schema.decodeUnknownOption(Audience)
const decodeGroup = Schema.decodeUnknownOption(ThemeGroupId)
const decodeUpdateId = Schema.decodeUnknownOption(UpdateId)

/** A draft ready for core: the update to store and the audience it goes to. */
export interface ComposedDraft {
  readonly update: NewUpdate
  readonly themeGroupId: ThemeGroupId | undefined
  readonly updateId: UpdateId
  readonly audience: Audience
}

/** Only the audience part, for a preview while the rest is still being written. */
export const audienceOf = (
  network: Network,
  values: ComposeValues,
  language: Language,
): { readonly audience?: Audience; readonly errors: ReadonlyArray<FieldError> } => {
  const t = composeMessages[language]
  const errors: Array<FieldError> = []
  const known = (
    field: keyof ComposeValues,
    chosen: ReadonlyArray<string>,
    allowed: ReadonlyArray<string>,
  ): ReadonlyArray<string> => {
    const unknown = chosen.filter((value) => !allowed.includes(value))
    for (const value of unknown) errors.push({ field, message: t.unknownChoice(value) })
    return chosen.filter((value) => allowed.includes(value))
  }
  if (values.scope !== "network" && values.scope !== "public") {
    errors.push({
      field: "scope",
      message: values.scope === "" ? t.required : t.unknownChoice(values.scope),
    })
  }
  const tags = known("audienceTags", values.audienceTags, AudienceTag.literals)
  const roles = known("roles", values.roles, Role.literals)
  const functions = known("functions", values.functions, PersonFunction.literals)
  const groups = known(
    "themeGroups",
    values.themeGroups,
    network.themeGroups.map((group) => group.id),
  )
  const regions = known(
    "regions",
    values.regions,
    network.regions.map((region) => region.id),
  )
  const healthcareRegions = known(
    "healthcareRegions",
    values.healthcareRegions,
    network.healthcareRegions.map((h) => h.id),
  )
  if (errors.length > 0) return { errors }
  const audience = Option.getOrUndefined(
    decodeAudience({
      scope: values.scope,
      ...(tags.length === 0 ? {} : { tags }),
      ...(roles.length === 0 ? {} : { roles }),
      ...(functions.length === 0 ? {} : { functions }),
      ...(groups.length === 0 ? {} : { themeGroups: groups }),
      ...(regions.length === 0 ? {} : { regions }),
      ...(healthcareRegions.length === 0 ? {} : { healthcareRegions }),
    }),
  )
  return audience === undefined ? { errors: [{ field: "scope", message: t.required }] } : { audience, errors }
}

/** The group the update belongs to: one of the network's groups, or none. */
export const themeGroupOf = (
  network: Network,
  values: ComposeValues,
  language: Language,
): { readonly themeGroupId?: ThemeGroupId; readonly error?: FieldError } => {
  if (values.themeGroupId === "") return {}
  const id = Option.getOrUndefined(decodeGroup(values.themeGroupId))
  if (id === undefined || !network.themeGroups.some((group) => group.id === id)) {
    return {
      error: {
        field: "themeGroupId",
        message: composeMessages[language].unknownChoice(values.themeGroupId),
      },
    }
  }
  return { themeGroupId: id }
}

/**
 * The whole form checked as the API checks a request (each field named when wrong), plus
 * core's rule that an invitation must lie ahead (`publishProblems`).
 */
export const composeDraft = (
  network: Network,
  values: ComposeValues,
  language: Language,
  now: Date,
): { readonly draft?: ComposedDraft; readonly errors: ReadonlyArray<FieldError> } => {
  const t = composeMessages[language]
  const errors: Array<FieldError> = []
  const need = (field: keyof ComposeValues, value: string) => {
    if (value === "") errors.push({ field, message: t.required })
    return value
  }
  const updateId = Option.getOrUndefined(decodeUpdateId(values.id))
  if (updateId === undefined || !/^[A-Za-z0-9-]{8,64}$/.test(values.id)) {
    errors.push({ field: "id", message: t.notOffered })
  }
  const group = themeGroupOf(network, values, language)
  if (group.error !== undefined) errors.push(group.error)
  need("title", values.title)
  const audience = audienceOf(network, values, language)
  errors.push(...audience.errors)
  const details = detailsOf(network, values, language, now, errors)
  if (
    errors.length > 0 ||
    details === undefined ||
    audience.audience === undefined ||
    updateId === undefined
  ) {
    return { errors }
  }
  return {
    draft: {
      updateId,
      themeGroupId: group.themeGroupId,
      audience: audience.audience,
      update: {
        id: updateId,
        ...(group.themeGroupId === undefined ? {} : { themeGroupId: group.themeGroupId }),
        title: values.title,
        body: values.body,
        audience: audience.audience,
        details,
      },
    },
    errors,
  }
}

const detailsOf = (
  network: Network,
  values: ComposeValues,
  language: Language,
  now: Date,
  errors: Array<FieldError>,
): NewUpdate["details"] | undefined => {
  const t = composeMessages[language]
  const date = (field: keyof ComposeValues, value: string, required: boolean) => {
    if (value === "") {
      if (required) errors.push({ field, message: t.required })
      return undefined
    }
    if (!isDate(value)) {
      errors.push({ field, message: t.badDate })
      return undefined
    }
    return value
  }
  const time = (field: keyof ComposeValues, value: string) => {
    if (value === "") {
      errors.push({ field, message: t.required })
      return undefined
    }
    const at = stockholmTime(value)
    if (at === undefined) errors.push({ field, message: t.badDateTime })
    return at
  }
  /** Core's rule (`publishProblems`), its paths mapped to this form's fields. */
  const ahead = (
    details: Parameters<typeof publishProblems>[0],
    fields: Record<string, keyof ComposeValues>,
  ) => {
    for (const problem of publishProblems(details, now)) {
      const field = fields[problem.path]
      if (field !== undefined)
        errors.push({ field, message: problem.path.endsWith("endsAt") ? t.endsBeforeStart : t.mustLieAhead })
    }
  }
  switch (values.kind) {
    case "meetingNotes": {
      const meetingDate = date("meetingDate", values.meetingDate, true)
      return meetingDate === undefined ? undefined : { kind: "meetingNotes", meetingDate }
    }
    case "workListItem": {
      const status = values.status
      if (status !== "planned" && status !== "ongoing" && status !== "done") {
        errors.push({ field: "status", message: status === "" ? t.required : t.unknownChoice(status) })
        return undefined
      }
      const dueDate = date("dueDate", values.dueDate, false)
      return { kind: "workListItem", status, ...(dueDate === undefined ? {} : { dueDate }) }
    }
    case "digitalHour": {
      const startsAt = time("startsAt", values.startsAt)
      const endsAt = time("endsAt", values.endsAt)
      if (values.url !== "" && !webAddress(values.url)) errors.push({ field: "url", message: t.badUrl })
      if (startsAt === undefined || endsAt === undefined) return undefined
      ahead(
        { kind: "digitalHour", startsAt, endsAt },
        { "details.startsAt": "startsAt", "details.endsAt": "endsAt" },
      )
      return {
        kind: "digitalHour",
        startsAt,
        endsAt,
        ...(values.location === "" ? {} : { location: values.location }),
        ...(values.url === "" ? {} : { url: values.url }),
      }
    }
    case "goodExample": {
      const tags = [
        ...new Set(
          values.tags
            .split(",")
            .map((tag) => tag.trim())
            .filter((tag) => tag !== ""),
        ),
      ]
      if (tags.length === 0) errors.push({ field: "tags", message: t.required })
      if (
        values.exampleRegionId !== "" &&
        !network.regions.some((region) => region.id === values.exampleRegionId)
      ) {
        errors.push({ field: "exampleRegionId", message: t.unknownChoice(values.exampleRegionId) })
      }
      return {
        kind: "goodExample",
        tags,
        ...(values.exampleRegionId === "" ? {} : { regionId: values.exampleRegionId }),
      }
    }
    case "proposalRound": {
      const day = date("deadline", values.deadline, true)
      // "Sista dag": proposals are welcome until the end of that day, Swedish time.
      const deadline = day === undefined ? undefined : stockholmTime(`${day}T23:59`)
      let planYear: number | undefined
      if (values.planYear !== "") {
        planYear = /^\d{4}$/.test(values.planYear) ? Number(values.planYear) : undefined
        if (planYear === undefined) errors.push({ field: "planYear", message: t.badYear })
      }
      if (deadline === undefined) return undefined
      ahead({ kind: "proposalRound", deadline }, { "details.deadline": "deadline" })
      return { kind: "proposalRound", deadline, ...(planYear === undefined ? {} : { planYear }) }
    }
  }
}
