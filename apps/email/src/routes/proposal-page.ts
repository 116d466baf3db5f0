import { acceptsProposals, indexNetwork, NetworkStore, type RegionId } from "@spridning/core"
import { Outbox, Updates } from "@spridning/db"
import { Effect } from "effect"
import { Hono } from "hono"
import { html } from "hono/html"
import { InvalidLink, type LinkSigner, proposalPath } from "../links/signed-links.js"
import { formatDate } from "../templates/catalogue.js"
import { page } from "./pages.js"

export type ProposalPageServices = Outbox | Updates | NetworkStore

export interface ProposalPageDeps {
  readonly run: <A, E>(effect: Effect.Effect<A, E, ProposalPageServices>) => Promise<A>
  readonly links: LinkSigner
  readonly now: () => Date
}

/** Longest proposal text taken, in characters: a page of text, not a document. */
export const maxProposalLength = 5000

interface RoundForRegion {
  readonly roundId: string
  readonly title: string
  readonly body: string
  readonly deadline: Date
  readonly regionId: string
  readonly regionName: string
  readonly personId: string
}

const problemPage = (problem: InvalidLink["problem"] | "notRound") =>
  problem === "expired"
    ? page(
        "Länken har gått ut",
        "Länken är för gammal. Hör av dig till temagruppen eller nätverkets kansli.",
        "This link has expired. Contact the theme group or the network office.",
      )
    : page(
        "Länken fungerar inte",
        "Länken är ofullständig, har ändrats eller hör inte till en förslagsrunda. Kopiera hela länken från mejlet.",
        "This link is incomplete, was changed, or does not belong to a proposal round. Copy the whole link from the mail.",
      )

const closedPage = (round: RoundForRegion) =>
  page(
    "Förslagsrundan är stängd",
    html`<p>Sista dag för förslag till <strong>${round.title}</strong> var ${formatDate("sv", round.deadline)}.
      Temagruppen kan öppna rundan igen med en ny sista dag.</p>`,
    `The deadline for proposals to this round was ${formatDate("en", round.deadline)}. The theme group can reopen it with a new deadline.`,
  )

const formPage = (action: string, round: RoundForRegion, error?: string) =>
  page(
    `Förslag: ${round.title}`,
    html`<p>Du skickar in förslaget för <strong>${round.regionName}</strong>. Sista dag: ${formatDate("sv", round.deadline)}.</p>
      ${round.body.trim().length === 0 ? "" : html`<h2>Om rundan</h2><p style="white-space: pre-line">${round.body}</p>`}
      <form method="post" action="${action}">
        ${error === undefined ? "" : html`<p role="alert" id="text-error"><strong>${error}</strong></p>`}
        <p><label for="text">Regionens förslag</label></p>
        <textarea id="text" name="text" rows="8" cols="50" required maxlength="${maxProposalLength}"
          ${error === undefined ? "" : html`aria-invalid="true" aria-describedby="text-error"`}></textarea>
        <p><button type="submit">Skicka förslaget</button></p>
      </form>`,
    "Write your region's proposal above and send it. Everyone in the region's HFS work may send one; the theme group answers each proposal.",
  )

/**
 * "regionerna skicka in förslag … inför skrivandet av handlingsplaner": the link in a round's
 * invitation opens a form for the reader's region. The link is the reader's signed receipt
 * token, so it needs no login and cannot be forged; a cross-site form cannot post without
 * knowing the token, which is why the page needs no other CSRF token.
 */
export const proposalRoutes = (deps: ProposalPageDeps) => {
  const app = new Hono()

  const roundFor = async (token: string): Promise<RoundForRegion | InvalidLink["problem"] | "notRound"> => {
    const link = deps.links.verify(token, deps.now())
    if (link instanceof InvalidLink) return link.problem
    if (link.purpose !== "receipt") return "malformed"
    return deps.run(
      Effect.gen(function* () {
        const delivery = yield* Outbox.use((o) => o.get(link.deliveryId))
        if (delivery.personId !== link.personId) return "malformed" as const
        const round = yield* Updates.use((u) => u.get(delivery.updateId))
        if (round.details.kind !== "proposalRound" || round.publishedAt === undefined)
          return "notRound" as const
        const index = indexNetwork(yield* NetworkStore.use((store) => store.load))
        return {
          roundId: round.id,
          title: round.title,
          body: round.body,
          deadline: round.details.deadline,
          regionId: delivery.regionId,
          regionName: index.regionById.get(delivery.regionId as RegionId)?.name ?? delivery.regionId,
          personId: delivery.personId,
        }
      }).pipe(Effect.catchTag("NotFound", () => Effect.succeed("notRound" as const))),
    )
  }

  app.get(`${proposalPath}/:token`, async (c) => {
    const round = await roundFor(c.req.param("token"))
    if (typeof round === "string") return c.html(problemPage(round), round === "expired" ? 410 : 404)
    if (!acceptsProposals(round.deadline, deps.now())) return c.html(closedPage(round), 409)
    return c.html(formPage(c.req.path, round))
  })

  app.post(`${proposalPath}/:token`, async (c) => {
    const round = await roundFor(c.req.param("token"))
    if (typeof round === "string") return c.html(problemPage(round), round === "expired" ? 410 : 404)
    if (!acceptsProposals(round.deadline, deps.now())) return c.html(closedPage(round), 409)
    const form = await c.req.parseBody()
    const text = typeof form.text === "string" ? form.text.replace(/\0/g, "").trim() : ""
    if (text.length === 0 || text.length > maxProposalLength) {
      const error =
        text.length === 0
          ? "Skriv förslaget innan du skickar det."
          : `Förslaget får vara högst ${maxProposalLength} tecken.`
      return c.html(formPage(c.req.path, round, error), 400)
    }
    await deps.run(
      Updates.use((u) =>
        u.submitProposal(
          { roundId: round.roundId, regionId: round.regionId, submittedBy: round.personId, text },
          `email-link:${round.personId}`,
        ),
      ),
    )
    return c.html(
      page(
        "Tack för förslaget!",
        html`<p>Förslaget från <strong>${round.regionName}</strong> är skickat till temagruppen. Du och regionens processledare får svaret med e-post.</p>`,
        "Your region's proposal has been sent to the theme group. You and the region's process leader will get the answer by email.",
      ),
      201,
    )
  })

  return app
}
