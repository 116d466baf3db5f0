import { randomUUID } from "node:crypto"
import {
  Follow as FollowSchema,
  isNetworkOffice,
  type Language,
  mayChangeIn,
  type Network,
  onlyBridgeRoles,
  type Person,
  Person as PersonSchema,
  personScope,
  problemsOf,
  type RoleAssignment,
  RoleAssignment as RoleAssignmentSchema,
  refuseMergedThemeGroup,
  roleScope,
  validateNetwork,
} from "@spridning/core"
import { Organisation } from "@spridning/db"
import { Effect, Result, Schema } from "effect"
import type { Context, Hono } from "hono"
import { adminMessages } from "./admin-messages.js"
import {
  type FieldErrors,
  type FormFields,
  notFoundPage,
  type OfficeKit,
  officeActor,
  postedForm,
  refusedPage,
} from "./office-kit.js"
import type { SignedIn } from "./office-routes.js"
import {
  AddPersonPage,
  type Choices,
  namesIn,
  PeopleListPage,
  PersonPage,
  RemovePersonPage,
} from "./people-pages.js"

const personFields: Readonly<Record<string, string>> = {
  name: "namn",
  email: "epost",
  function: "funktion",
  regionId: "region",
  orgUnitId: "verksamhet",
}

/** What the signed-in person may change: the person's own record, and each of their roles. */
export const mayEditPerson = (who: SignedIn, person: Pick<Person, "regionId">) =>
  mayChangeIn(who.rights, personScope(person))

const mayTouchRole = (who: SignedIn, role: Pick<RoleAssignment, "regionId" | "themeGroupId">) =>
  mayChangeIn(who.rights, roleScope(role))

/** Listed: people whose record or one of whose roles the reader may change. */
const visible = (who: SignedIn, person: Person) =>
  mayEditPerson(who, person) ||
  who.network.roles.some((role) => role.personId === person.id && mayTouchRole(who, role))

const isAdmin = (who: SignedIn) => isNetworkOffice(who.rights)

/** The choices a form offers: only regions and groups the reader may change. */
const choicesFor = (who: SignedIn, regionId?: string): Choices => {
  const network = who.network
  const regions = network.regions
    .filter((region) => mayChangeIn(who.rights, { _tag: "Region", regionId: region.id }))
    .map((region) => ({ value: region.id as string, label: region.name }))
  return {
    regions,
    orgUnits: network.orgUnits
      .filter((unit) =>
        regionId === undefined ? regions.some((r) => r.value === unit.regionId) : unit.regionId === regionId,
      )
      .map((unit) => ({ value: unit.id as string, label: unit.name })),
    themeGroups: network.themeGroups
      .filter((group) => group.status === "active")
      .map((group) => ({ value: group.id as string, label: group.name })),
    regionalBodies: network.regionalBodies
      .filter((body) => regionId === undefined || body.regionId === regionId)
      .map((body) => ({ value: body.id as string, label: body.name })),
  }
}

const valuesOf = (person: Person): FormFields => ({
  namn: person.name,
  epost: person.email,
  funktion: person.function,
  region: person.regionId,
  verksamhet: person.orgUnitId ?? "",
  sprak: person.preferences.language,
})

/** The person a form describes, decoded by core's schema; errors by form field. */
const decodePerson = (
  language: Language,
  fields: FormFields,
  base: { readonly id: string; readonly preferences?: Person["preferences"] },
): Result.Result<Person, FieldErrors> => {
  const t = adminMessages[language].people.errors
  const candidate = {
    id: base.id,
    name: fields.namn ?? "",
    email: fields.epost ?? "",
    function: fields.funktion ?? "",
    regionId: fields.region ?? "",
    ...((fields.verksamhet ?? "") === "" ? {} : { orgUnitId: fields.verksamhet }),
    preferences: {
      ...(base.preferences ?? { channels: ["email"], optedOutOfAll: false, optedOutOfThemeGroups: [] }),
      language: fields.sprak === "en" ? "en" : "sv",
    },
  }
  const decoded = Schema.decodeUnknownResult(PersonSchema)(candidate, { errors: "all" })
  if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
  const errors: Record<string, string> = {}
  const words: Record<string, string> = {
    namn: t.name,
    epost: t.email,
    funktion: t.function,
    region: t.region,
    verksamhet: t.orgUnit,
  }
  for (const problem of problemsOf(decoded.failure)) {
    const field = personFields[problem.path.split(".")[0] ?? ""]
    if (field !== undefined) errors[field] = words[field] ?? problem.message
  }
  return Result.fail(Object.keys(errors).length > 0 ? errors : { namn: t.name })
}

/**
 * A new role as the form gives it, checked by core: its schema, a merged group's refusal, and
 * the network's own validation (a group role without its group, a body member without a body).
 */
const decodeRole = (
  language: Language,
  network: Network,
  fields: FormFields,
  person: Person,
): Result.Result<RoleAssignment | undefined, FieldErrors> => {
  const t = adminMessages[language].people.errors
  if ((fields.roll ?? "") === "") return Result.succeed(undefined)
  const decoded = Schema.decodeUnknownResult(RoleAssignmentSchema)({
    id: `role-${randomUUID()}`,
    personId: person.id,
    role: fields.roll,
    regionId: person.regionId,
    ...((fields.temagrupp ?? "") === "" ? {} : { themeGroupId: fields.temagrupp }),
    ...((fields.forum ?? "") === "" ? {} : { regionalBodyId: fields.forum }),
  })
  if (Result.isFailure(decoded)) return Result.fail({ roll: t.role })
  const role = decoded.success
  if (role.themeGroupId !== undefined) {
    const merged = Effect.runSync(
      Effect.result(refuseMergedThemeGroup(network, role.themeGroupId, "roleAssignment")),
    )
    if (Result.isFailure(merged)) return Result.fail({ temagrupp: t.mergedGroup })
  }
  const people = network.people.some((p) => p.id === person.id)
    ? network.people.map((p) => (p.id === person.id ? person : p))
    : [...network.people, person]
  const problems = validateNetwork({ ...network, people, roles: [...network.roles, role] }).filter(
    (problem) =>
      (problem._tag === "IncompleteRole" && problem.personId === person.id && problem.role === role.role) ||
      (problem._tag === "DanglingReference" && problem.id === role.id),
  )
  if (problems.length === 0) return Result.succeed(role)
  if (role.role === "bodyMember") return Result.fail({ forum: t.regionalBodyNeeded })
  if (role.themeGroupId === undefined && ["participant", "chair", "contactPerson"].includes(role.role)) {
    return Result.fail({ temagrupp: t.themeGroupNeeded })
  }
  return Result.fail({ roll: t.notInGroup })
}

/** Runs a write; a duplicate address or a broken rule in storage comes back as a value, not a throw. */
const writeOutcome = <A, E extends { readonly _tag: string }>(effect: Effect.Effect<A, E, Organisation>) =>
  effect.pipe(
    Effect.map((value) => ({ _tag: "Done" as const, value })),
    Effect.catch((error: E) =>
      error._tag === "Duplicate" ||
      error._tag === "InvalidRecord" ||
      error._tag === "Conflict" ||
      error._tag === "NotFound"
        ? Effect.succeed({ _tag: "Refused" as const, error })
        : Effect.fail(error),
    ),
  )

/** People, their roles and follows: list, search, add, change, remove. */
export const registerPeopleRoutes = (app: Hono, kit: OfficeKit) => {
  const refuseRegion = (c: Context, who: SignedIn, language: Language, person: Person) => {
    const t = adminMessages[language]
    const names = namesIn(who.network)
    const yours = who.rights.flatMap((right) =>
      right._tag === "RegionEditor"
        ? [names.region(right.regionId)]
        : right._tag === "GroupEditor"
          ? [names.group(right.themeGroupId)]
          : [],
    )
    return refusedPage(
      kit,
      c,
      who,
      language,
      yours.length === 0
        ? t.mayChangeNothingHere
        : t.mayChangeRegionOnly(person.name, names.region(person.regionId), yours.join(", ")),
    )
  }

  const personPage = (
    c: Context,
    who: SignedIn,
    language: Language,
    person: Person,
    extra: {
      readonly values?: FormFields
      readonly errors?: FieldErrors
      readonly roleValues?: FormFields
      readonly roleErrors?: FieldErrors
      readonly followErrors?: FieldErrors
      readonly notice?: string
      readonly status?: 200 | 400 | 409
    } = {},
  ) => {
    const mayEdit = mayEditPerson(who, person)
    const choices = choicesFor(who, person.regionId)
    return kit.page(
      c,
      <PersonPage
        language={language}
        csrf={who.csrf}
        network={who.network}
        person={person}
        mayEdit={mayEdit}
        mayRemoveRole={(role) => mayTouchRole(who, role)}
        mayAddRole={mayEdit || who.rights.some((right) => right._tag === "GroupEditor")}
        values={extra.values ?? valuesOf(person)}
        errors={extra.errors ?? {}}
        roleValues={extra.roleValues ?? {}}
        roleErrors={extra.roleErrors ?? {}}
        followErrors={extra.followErrors ?? {}}
        choices={{
          ...choices,
          themeGroups: mayEdit
            ? choices.themeGroups
            : choices.themeGroups.filter((g) =>
                who.rights.some((r) => r._tag === "GroupEditor" && r.themeGroupId === g.value),
              ),
        }}
        {...(extra.notice === undefined ? {} : { notice: extra.notice })}
        nav={kit.nav(who, language, "/kansli/personer")}
      />,
      extra.status ?? 200,
    )
  }

  const personOf = (who: SignedIn, id: string | undefined) => who.network.people.find((p) => p.id === id)

  app.get(
    "/kansli/personer",
    kit.withSignedIn(async (c, who, language) => {
      if (who.rights.length === 0) return c.redirect("/kansli", 303)
      const query = (c.req.query("sok") ?? "").trim()
      const region = (c.req.query("region") ?? "").trim()
      const cursor = c.req.query("fran")
      const regionEditorOnly = !isAdmin(who) && who.rights.every((r) => r._tag === "RegionEditor")
      const ownRegions = who.rights.flatMap((r) => (r._tag === "RegionEditor" ? [r.regionId as string] : []))
      const regionFilter =
        region !== "" ? region : regionEditorOnly && ownRegions.length === 1 ? ownRegions[0] : undefined
      let found: { readonly items: ReadonlyArray<Person>; readonly nextCursor?: string } | undefined
      try {
        found = await kit.deps.run(
          Effect.gen(function* () {
            return yield* (yield* Organisation).people.list({
              filter: {
                ...(query === "" ? {} : { search: query }),
                ...(regionFilter === undefined ? {} : { regionId: regionFilter }),
              },
              ...(cursor === undefined ? {} : { cursor }),
              limit: 50,
            })
          }).pipe(Effect.catchTag("InvalidCursor", () => Effect.succeed(undefined))),
        )
      } catch (error) {
        return kit.failure(c, "the people could not be listed", error)
      }
      if (found === undefined) {
        const t = adminMessages[language]
        return kit.page(c, <p>{t.audit.badCursor}</p>, 400)
      }
      const done = c.req.query("klart")
      const imported = { people: Number(c.req.query("inlast")), roles: Number(c.req.query("roller")) }
      const t = adminMessages[language]
      const notice =
        done === "borttagen"
          ? t.saved
          : Number.isSafeInteger(imported.people) && Number.isSafeInteger(imported.roles)
            ? t.roster.imported(imported.people, imported.roles)
            : undefined
      return kit.page(
        c,
        <PeopleListPage
          language={language}
          network={who.network}
          people={found.items.filter((person) => visible(who, person))}
          query={query}
          region={region}
          regions={who.network.regions.map((r) => ({ value: r.id as string, label: r.name }))}
          {...(found.nextCursor === undefined ? {} : { next: found.nextCursor })}
          mayAdd={choicesFor(who).regions.length > 0}
          isAdmin={isAdmin(who)}
          {...(notice === undefined ? {} : { notice })}
          nav={kit.nav(who, language, "/kansli/personer")}
        />,
      )
    }),
  )

  const addPage = (
    c: Context,
    who: SignedIn,
    language: Language,
    values: FormFields,
    errors: FieldErrors,
    status: 200 | 400 | 403 | 409,
  ) =>
    kit.page(
      c,
      <AddPersonPage
        language={language}
        csrf={who.csrf}
        values={values}
        errors={errors}
        choices={choicesFor(who)}
        nav={kit.nav(who, language, "/kansli/personer")}
      />,
      status,
    )

  app.get(
    "/kansli/personer/ny",
    kit.withSignedIn((c, who, language) =>
      choicesFor(who).regions.length === 0
        ? refusedPage(kit, c, who, language, adminMessages[language].mayChangeNothingHere)
        : addPage(c, who, language, {}, {}, 200),
    ),
  )

  app.post(
    "/kansli/personer",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const t = adminMessages[language].people.errors
      const decoded = decodePerson(language, form.fields, { id: `person-${randomUUID()}` })
      if (Result.isFailure(decoded)) return addPage(c, who, language, form.fields, decoded.failure, 400)
      const person = decoded.success
      if (!mayEditPerson(who, person))
        return addPage(c, who, language, form.fields, { region: t.region }, 403)
      if (
        person.orgUnitId !== undefined &&
        !who.network.orgUnits.some((u) => u.id === person.orgUnitId && u.regionId === person.regionId)
      ) {
        return addPage(c, who, language, form.fields, { verksamhet: t.orgUnit }, 400)
      }
      const role = decodeRole(language, who.network, form.fields, person)
      if (Result.isFailure(role)) return addPage(c, who, language, form.fields, role.failure, 400)
      if (role.success !== undefined && !mayTouchRole(who, role.success)) {
        return addPage(c, who, language, form.fields, { temagrupp: t.themeGroup }, 403)
      }
      try {
        const outcome = await kit.deps.run(
          writeOutcome(
            Effect.gen(function* () {
              const organisation = yield* Organisation
              yield* organisation.people.create(person, officeActor(who))
              if (role.success !== undefined) yield* organisation.roles.create(role.success, officeActor(who))
            }),
          ),
        )
        if (outcome._tag === "Refused") {
          return outcome.error._tag === "Duplicate"
            ? addPage(c, who, language, form.fields, { epost: t.emailTaken }, 409)
            : addPage(c, who, language, form.fields, { roll: t.role }, 400)
        }
      } catch (error) {
        return kit.failure(c, "the person could not be added", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(person.id)}?klart=sparad`, 303)
    }),
  )

  app.get(
    "/kansli/personer/:id",
    kit.withSignedIn((c, who, language) => {
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      if (!visible(who, person)) return refuseRegion(c, who, language, person)
      const done = c.req.query("klart")
      return personPage(
        c,
        who,
        language,
        person,
        done === undefined ? {} : { notice: adminMessages[language].saved },
      )
    }),
  )

  app.post(
    "/kansli/personer/:id",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const current = personOf(who, c.req.param("id"))
      if (current === undefined) return notFoundPage(kit, c, who, language)
      if (!mayEditPerson(who, current)) return refuseRegion(c, who, language, current)
      const t = adminMessages[language].people.errors
      const decoded = decodePerson(language, form.fields, {
        id: current.id,
        preferences: current.preferences,
      })
      if (Result.isFailure(decoded))
        return personPage(c, who, language, current, {
          values: form.fields,
          errors: decoded.failure,
          status: 400,
        })
      const changed = decoded.success
      if (!mayEditPerson(who, changed)) {
        return personPage(c, who, language, current, {
          values: form.fields,
          errors: { region: t.region },
          status: 400,
        })
      }
      if (
        changed.orgUnitId !== undefined &&
        !who.network.orgUnits.some((u) => u.id === changed.orgUnitId && u.regionId === changed.regionId)
      ) {
        return personPage(c, who, language, current, {
          values: form.fields,
          errors: { verksamhet: t.orgUnit },
          status: 400,
        })
      }
      try {
        const outcome = await kit.deps.run(
          writeOutcome(
            Effect.gen(function* () {
              yield* (yield* Organisation).people.update(current.id, () => changed, officeActor(who))
            }),
          ),
        )
        if (outcome._tag === "Refused") {
          return personPage(c, who, language, current, {
            values: form.fields,
            errors: outcome.error._tag === "Duplicate" ? { epost: t.emailTaken } : { namn: t.name },
            status: 409,
          })
        }
      } catch (error) {
        return kit.failure(c, "the person could not be changed", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(current.id)}?klart=sparad`, 303)
    }),
  )

  app.post(
    "/kansli/personer/:id/roller",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      const t = adminMessages[language].people.errors
      const role = decodeRole(language, who.network, form.fields, person)
      if (Result.isFailure(role)) {
        return personPage(c, who, language, person, {
          roleValues: form.fields,
          roleErrors: role.failure,
          status: 400,
        })
      }
      if (role.success === undefined) {
        return personPage(c, who, language, person, {
          roleValues: form.fields,
          roleErrors: { roll: t.role },
          status: 400,
        })
      }
      if (!mayTouchRole(who, role.success)) {
        return visible(who, person)
          ? personPage(c, who, language, person, {
              roleValues: form.fields,
              roleErrors: { temagrupp: t.themeGroup },
              status: 400,
            })
          : refuseRegion(c, who, language, person)
      }
      const created = role.success
      try {
        const outcome = await kit.deps.run(
          writeOutcome(
            Effect.gen(function* () {
              yield* (yield* Organisation).roles.create(created, officeActor(who))
            }),
          ),
        )
        if (outcome._tag === "Refused") {
          return personPage(c, who, language, person, {
            roleValues: form.fields,
            roleErrors: { roll: t.role },
            status: 409,
          })
        }
      } catch (error) {
        return kit.failure(c, "the role could not be added", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(person.id)}?klart=sparad`, 303)
    }),
  )

  app.post(
    "/kansli/personer/:id/roller/:roleId/ta-bort",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const person = personOf(who, c.req.param("id"))
      const role = who.network.roles.find((r) => r.id === c.req.param("roleId") && r.personId === person?.id)
      if (person === undefined || role === undefined) return notFoundPage(kit, c, who, language)
      if (!mayTouchRole(who, role)) return refuseRegion(c, who, language, person)
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).roles.remove(role.id, officeActor(who))
          }),
        )
      } catch (error) {
        return kit.failure(c, "the role could not be removed", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(person.id)}?klart=sparad`, 303)
    }),
  )

  app.post(
    "/kansli/personer/:id/foljer",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      if (!mayEditPerson(who, person)) return refuseRegion(c, who, language, person)
      const t = adminMessages[language].people.errors
      const follow = Schema.decodeUnknownResult(FollowSchema)({
        personId: person.id,
        themeGroupId: form.fields["folj-temagrupp"] ?? "",
        frequency: form.fields.frekvens ?? "",
      })
      if (
        Result.isFailure(follow) ||
        !who.network.themeGroups.some((g) => g.id === follow.success.themeGroupId)
      ) {
        return personPage(c, who, language, person, {
          followErrors: { "folj-temagrupp": t.themeGroup },
          status: 400,
        })
      }
      const merged = Effect.runSync(
        Effect.result(refuseMergedThemeGroup(who.network, follow.success.themeGroupId, "follow")),
      )
      if (Result.isFailure(merged)) {
        return personPage(c, who, language, person, {
          followErrors: { "folj-temagrupp": t.mergedGroup },
          status: 400,
        })
      }
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).follows.follow(follow.success, officeActor(who))
          }),
        )
      } catch (error) {
        return kit.failure(c, "the follow could not be saved", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(person.id)}?klart=sparad`, 303)
    }),
  )

  app.post(
    "/kansli/personer/:id/foljer/:groupId/ta-bort",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      if (!mayEditPerson(who, person)) return refuseRegion(c, who, language, person)
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).follows.unfollow(
              person.id,
              c.req.param("groupId") ?? "",
              officeActor(who),
            )
          }),
        )
      } catch (error) {
        return kit.failure(c, "the follow could not be removed", error)
      }
      return c.redirect(`/kansli/personer/${encodeURIComponent(person.id)}?klart=sparad`, 303)
    }),
  )

  const removalBlocked = (who: SignedIn, language: Language, person: Person) => {
    const bridges = onlyBridgeRoles(who.network, person)
    if (bridges.length === 0) return undefined
    const names = namesIn(who.network)
    return adminMessages[language].people.blockedByBridge(
      person.name,
      bridges.map((role) => names.group(role.themeGroupId ?? "")).join(", "),
    )
  }

  app.get(
    "/kansli/personer/:id/ta-bort",
    kit.withSignedIn((c, who, language) => {
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      if (!mayEditPerson(who, person)) return refuseRegion(c, who, language, person)
      const blocked = removalBlocked(who, language, person)
      return kit.page(
        c,
        <RemovePersonPage
          language={language}
          csrf={who.csrf}
          person={person}
          {...(blocked === undefined ? {} : { blocked })}
          nav={kit.nav(who, language, "/kansli/personer")}
        />,
        blocked === undefined ? 200 : 409,
      )
    }),
  )

  app.post(
    "/kansli/personer/:id/ta-bort",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const person = personOf(who, c.req.param("id"))
      if (person === undefined) return notFoundPage(kit, c, who, language)
      if (!mayEditPerson(who, person)) return refuseRegion(c, who, language, person)
      const blocked = removalBlocked(who, language, person)
      if (blocked !== undefined) {
        return kit.page(
          c,
          <RemovePersonPage
            language={language}
            csrf={who.csrf}
            person={person}
            blocked={blocked}
            nav={kit.nav(who, language, "/kansli/personer")}
          />,
          409,
        )
      }
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            yield* (yield* Organisation).people.remove(person.id, officeActor(who))
          }),
        )
      } catch (error) {
        return kit.failure(c, "the person could not be removed", error)
      }
      return c.redirect("/kansli/personer?klart=borttagen", 303)
    }),
  )
}
