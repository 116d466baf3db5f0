import { randomUUID } from "node:crypto"
import {
  type Language,
  mayChangeIn,
  mayPublish,
  PersonId,
  proposalAnswerNeedsReason,
  proposalAnswerPlan,
  RegionId,
  ThemeGroupId,
  UpdateId,
} from "@spridning/core"
import { ContentChanges, type Proposal, type StoredUpdate, Updates } from "@spridning/db"
import { Effect } from "effect"
import type { Context, Hono } from "hono"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { adminMessages } from "./admin-messages.js"
import {
  CsrfField,
  type FieldErrors,
  type FormFields,
  formatTime,
  notFoundPage,
  type OfficeKit,
  officeActor,
  postedForm,
  refusedPage,
} from "./office-kit.js"
import type { SignedIn } from "./office-routes.js"
import { namesIn } from "./people-pages.js"

const statuses = ["accepted", "merged", "declined"] as const
type Answer = (typeof statuses)[number]

/** As the API: a group's round is answered by its editor (or the office); a round without a group by whoever may publish it. */
const mayAnswer = (who: SignedIn, round: StoredUpdate) =>
  round.themeGroupId === undefined
    ? mayPublish(who.network, who.rights, { audience: round.audience })._tag === "Allowed"
    : mayChangeIn(who.rights, { _tag: "ThemeGroup", themeGroupId: ThemeGroupId.make(round.themeGroupId) })

interface RoundWithProposals {
  readonly round: StoredUpdate
  readonly proposals: ReadonlyArray<Proposal>
}

const ProposalsPage = (props: {
  readonly language: Language
  readonly csrf: string
  readonly who: SignedIn
  readonly rounds: ReadonlyArray<RoundWithProposals>
  /** The proposal whose form had errors, its values and errors. */
  readonly failed?: { readonly proposalId: string; readonly values: FormFields; readonly errors: FieldErrors }
  readonly notice?: string
  readonly nav: Child
}) => {
  const t = adminMessages[props.language].proposals
  const names = namesIn(props.who.network)
  return (
    <OfficeLayout language={props.language} title={t.title} nav={props.nav}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {props.rounds.length === 0 ? <p>{t.none}</p> : null}
      {props.rounds.map(({ round, proposals }) => {
        const deadline = round.details.kind === "proposalRound" ? round.details.deadline : undefined
        return (
          <section aria-labelledby={`omgang-${round.id}`}>
            <h2 id={`omgang-${round.id}`}>
              {t.roundTitle(
                round.title,
                round.themeGroupId === undefined ? "" : names.group(round.themeGroupId),
              )}
            </h2>
            {deadline === undefined ? null : <p class="meta">{t.deadline(formatTime(deadline))}</p>}
            {proposals.length === 0 ? <p>{t.noProposals}</p> : null}
            <ul class="items">
              {proposals.map((proposal) => {
                const failed = props.failed?.proposalId === proposal.id ? props.failed : undefined
                const region = names.region(proposal.regionId)
                const statusId = `svar-${proposal.id}`
                const reasonId = `motivering-${proposal.id}`
                const statusError = failed?.errors[statusId]
                const reasonError = failed?.errors[reasonId]
                return (
                  <li>
                    <article aria-labelledby={`forslag-${proposal.id}`}>
                      <h3 id={`forslag-${proposal.id}`}>
                        {t.from(region, formatTime(proposal.submittedAt))}
                      </h3>
                      <p class="body-text">{proposal.text}</p>
                      <p>
                        <span class={`status status--${proposal.status}`}>{t.status[proposal.status]}</span>
                        {proposal.reason === undefined ? null : ` – ${proposal.reason}`}
                      </p>
                      {proposal.status !== "open" ? null : (
                        <form
                          method="post"
                          action={`/kansli/forslag/${encodeURIComponent(proposal.id)}/svar`}
                          class="stacked-form"
                          novalidate
                        >
                          <CsrfField csrf={props.csrf} />
                          <input type="hidden" name="omgang" value={round.id} />
                          <fieldset
                            aria-describedby={statusError === undefined ? undefined : `${statusId}-fel`}
                          >
                            <legend>{t.answerFor(region)}</legend>
                            {statusError === undefined ? null : (
                              <span id={`${statusId}-fel`} class="field-error">
                                {statusError}
                              </span>
                            )}
                            {statuses.map((status) => (
                              <div class="choice">
                                <input
                                  type="radio"
                                  id={`${statusId}-${status}`}
                                  name="svar"
                                  value={status}
                                  checked={failed?.values.svar === status}
                                />
                                <label for={`${statusId}-${status}`}>{t.status[status]}</label>
                              </div>
                            ))}
                          </fieldset>
                          <div class="field">
                            <label for={reasonId}>{t.reason}</label>
                            <span id={`${reasonId}-hjalp`} class="hint">
                              {t.reasonHint}
                            </span>
                            {reasonError === undefined ? null : (
                              <span id={`${reasonId}-fel`} class="field-error">
                                {reasonError}
                              </span>
                            )}
                            <textarea
                              id={reasonId}
                              name="motivering"
                              rows={3}
                              aria-invalid={reasonError === undefined ? undefined : "true"}
                              aria-describedby={
                                reasonError === undefined
                                  ? `${reasonId}-hjalp`
                                  : `${reasonId}-hjalp ${reasonId}-fel`
                              }
                            >
                              {failed?.values.motivering ?? ""}
                            </textarea>
                          </div>
                          <button type="submit">{t.send}</button>
                        </form>
                      )}
                    </article>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </OfficeLayout>
  )
}

/** "varje förslag besvaras": the proposals inbox, per group, with an answer and its reason. */
export const registerProposalRoutes = (app: Hono, kit: OfficeKit) => {
  const load = (who: SignedIn) =>
    kit.deps.run(
      Effect.gen(function* () {
        const updates = yield* Updates
        const rounds = yield* updates.list({ filter: { kind: "proposalRound", published: true }, limit: 200 })
        const answerable = rounds.items.filter((round) => mayAnswer(who, round))
        return yield* Effect.forEach(answerable, (round) =>
          updates.proposals(round.id).pipe(Effect.map((proposals) => ({ round, proposals }))),
        )
      }),
    )

  const show = async (
    c: Context,
    who: SignedIn,
    language: Language,
    extra: {
      readonly failed?: {
        readonly proposalId: string
        readonly values: FormFields
        readonly errors: FieldErrors
      }
      readonly notice?: string
    },
    status: 200 | 400 | 409 = 200,
  ) => {
    let rounds: ReadonlyArray<RoundWithProposals>
    try {
      rounds = await load(who)
    } catch (error) {
      return kit.failure(c, "the proposals could not be read", error)
    }
    return kit.page(
      c,
      <ProposalsPage
        language={language}
        csrf={who.csrf}
        who={who}
        rounds={rounds}
        {...extra}
        nav={kit.nav(who, language, "/kansli/forslag")}
      />,
      status,
    )
  }

  app.get(
    "/kansli/forslag",
    kit.withSignedIn((c, who, language) => {
      if (who.rights.length === 0) return c.redirect("/kansli", 303)
      const answered = c.req.query("besvarat")
      return show(
        c,
        who,
        language,
        answered === undefined
          ? {}
          : { notice: adminMessages[language].proposals.answered(namesIn(who.network).region(answered)) },
      )
    }),
  )

  app.post(
    "/kansli/forslag/:id/svar",
    kit.withSignedIn(async (c, who, language) => {
      const form = await postedForm(c, who)
      if (!form.ok) return kit.forbidden(c)
      const t = adminMessages[language].proposals
      const proposalId = c.req.param("id") ?? ""
      const roundId = form.fields.omgang ?? ""
      let found: { readonly round: StoredUpdate; readonly proposal: Proposal | undefined } | undefined
      try {
        found = await kit.deps.run(
          Effect.gen(function* () {
            const updates = yield* Updates
            const round = yield* updates
              .get(roundId)
              .pipe(Effect.catchTag("NotFound", () => Effect.succeed(undefined)))
            if (round === undefined || round.details.kind !== "proposalRound") return undefined
            const proposals = yield* updates.proposals(round.id)
            return { round, proposal: proposals.find((p) => p.id === proposalId) }
          }),
        )
      } catch (error) {
        return kit.failure(c, "the proposal could not be read", error)
      }
      if (found === undefined || found.proposal === undefined) return notFoundPage(kit, c, who, language)
      const { round, proposal } = found
      if (!mayAnswer(who, round)) return refusedPage(kit, c, who, language, t.notYours)
      if (proposal.status !== "open") return show(c, who, language, { notice: t.alreadyAnswered }, 409)
      const status = statuses.find((s) => s === form.fields.svar)
      const reason = form.fields.motivering ?? ""
      const errors: Record<string, string> = {}
      if (status === undefined) errors[`svar-${proposal.id}`] = t.statusNeeded
      else if (proposalAnswerNeedsReason(status) && reason === "")
        errors[`motivering-${proposal.id}`] = t.reasonNeeded
      if (status === undefined || Object.keys(errors).length > 0) {
        return show(
          c,
          who,
          language,
          { failed: { proposalId: proposal.id, values: form.fields, errors } },
          400,
        )
      }
      const answer: { status: Answer; reason?: string } = { status, ...(reason === "" ? {} : { reason }) }
      try {
        await kit.deps.run(
          Effect.gen(function* () {
            const answerId = UpdateId.make(randomUUID())
            const regionId = RegionId.make(proposal.regionId)
            const plan = proposalAnswerPlan(who.network, answerId, {
              regionId,
              ...(proposal.submittedBy === undefined
                ? {}
                : { submittedBy: PersonId.make(proposal.submittedBy) }),
            })
            yield* (yield* ContentChanges).answerProposal(
              proposal.id,
              answer,
              {
                id: answerId,
                title: round.title,
                body: "",
                audience: { scope: "network", regions: [regionId] },
                ...(round.themeGroupId === undefined ? {} : { themeGroupId: round.themeGroupId }),
              },
              plan,
              officeActor(who),
            )
          }),
        )
      } catch (error) {
        return kit.failure(c, "the answer could not be saved", error)
      }
      return c.redirect(`/kansli/forslag?besvarat=${encodeURIComponent(proposal.regionId)}`, 303)
    }),
  )
}
