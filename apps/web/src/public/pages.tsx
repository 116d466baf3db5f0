import { catalogue, type Language, type ThemeGroup } from "@spridning/core"
import type { StoredUpdate } from "@spridning/db"
import { formatDate, formatDateTime, formatTime } from "../i18n/format.js"
import { webMessages } from "../i18n/messages.js"
import { PublicLayout } from "../layout/public-layout.js"
import {
  activeGroups,
  type DigitalHour,
  type GoodExample,
  goodExamples,
  groupById,
  ofGroup,
  ofKind,
  openProposalRounds,
  type ProposalRound,
  type PublicNetwork,
  upcomingDigitalHours,
  workList,
} from "./public-content.js"

export const updatePath = (id: string) => `/uppdateringar/${encodeURIComponent(id)}`
export const groupPath = (id: string) => `/grupper/${encodeURIComponent(id)}`
export const groupFeedPath = (id: string) => `/grupper/${encodeURIComponent(id)}/flode.atom`
export const digitalHourIcsPath = (id: string) => `/digitimmar/${encodeURIComponent(id)}.ics`

interface Common {
  readonly language: Language
  readonly path: string
  readonly now: Date
}

const UpdateList = (props: {
  readonly language: Language
  readonly updates: ReadonlyArray<StoredUpdate>
  readonly empty: string
  readonly level?: "h3" | "h4"
}) =>
  props.updates.length === 0 ? (
    <p class="muted">{props.empty}</p>
  ) : (
    <ul class="items">
      {props.updates.map((update) => (
        <li>
          <h3>
            <a href={updatePath(update.id)}>{update.title}</a>
          </h3>
          <p class="meta">
            {catalogue(props.language).updateKind[update.kind]}
            {update.publishedAt === undefined
              ? ""
              : ` · ${webMessages[props.language].update.published(formatDate(props.language, update.publishedAt))}`}
          </p>
        </li>
      ))}
    </ul>
  )

const DigitalHours = (props: {
  readonly language: Language
  readonly hours: ReadonlyArray<DigitalHour>
  readonly empty: string
}) => {
  const t = webMessages[props.language]
  return props.hours.length === 0 ? (
    <p class="muted">{props.empty}</p>
  ) : (
    <ul class="items">
      {props.hours.map((hour) => (
        <li>
          <h3>
            <a href={updatePath(hour.id)}>{hour.title}</a>
          </h3>
          <p class="meta">
            <time datetime={hour.details.startsAt.toISOString()}>
              {formatDateTime(props.language, hour.details.startsAt)}
            </time>
            {`–${formatTime(props.language, hour.details.endsAt)}`}
          </p>
          <p class="meta">
            <a href={digitalHourIcsPath(hour.id)}>
              {t.update.downloadIcs}
              <span class="visually-hidden">{`: ${hour.title}`}</span>
            </a>
          </p>
        </li>
      ))}
    </ul>
  )
}

const ProposalRounds = (props: {
  readonly language: Language
  readonly rounds: ReadonlyArray<ProposalRound>
  readonly empty: string
}) => {
  const t = webMessages[props.language]
  return props.rounds.length === 0 ? (
    <p class="muted">{props.empty}</p>
  ) : (
    <ul class="items">
      {props.rounds.map((round) => (
        <li>
          <h3>
            <a href={updatePath(round.id)}>{round.title}</a>
          </h3>
          <p class="meta">{t.update.deadline(formatDateTime(props.language, round.details.deadline))}</p>
        </li>
      ))}
    </ul>
  )
}

const Tags = (props: { readonly tags: ReadonlyArray<string>; readonly label: string }) =>
  props.tags.length === 0 ? null : (
    <ul class="tags" aria-label={props.label}>
      {props.tags.map((tag) => (
        <li>
          <a href={`/goda-exempel?tagg=${encodeURIComponent(tag)}`}>{tag}</a>
        </li>
      ))}
    </ul>
  )

const GoodExampleList = (props: {
  readonly language: Language
  readonly examples: ReadonlyArray<GoodExample>
  readonly empty: string
}) => {
  const t = webMessages[props.language]
  return props.examples.length === 0 ? (
    <p class="muted">{props.empty}</p>
  ) : (
    <ul class="items">
      {props.examples.map((example) => (
        <li>
          <h3>
            <a href={updatePath(example.id)}>{example.title}</a>
          </h3>
          <Tags tags={example.details.tags} label={t.update.tags} />
        </li>
      ))}
    </ul>
  )
}

/** `/`: the network, its theme groups, what is coming up and what was published last. */
export const HomePage = (
  props: Common & {
    readonly network: PublicNetwork
    /** Digital hours and proposal rounds; the page shows those still ahead. */
    readonly updates: ReadonlyArray<StoredUpdate>
    readonly latest: ReadonlyArray<StoredUpdate>
  },
) => {
  const t = webMessages[props.language]
  return (
    <PublicLayout language={props.language} path={props.path} title={t.home.title}>
      <h1>{t.home.title}</h1>
      <p class="lead">{t.home.intro}</p>
      <section aria-labelledby="temagrupper" class="wide">
        <h2 id="temagrupper">{t.home.themeGroups}</h2>
        <ul class="cards">
          {activeGroups(props.network).map((group) => (
            <li class="card">
              <h3>
                <a href={groupPath(group.id)}>{group.name}</a>
              </h3>
              <p>{t.group.worksOn(group.topic)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="digitimmar">
        <h2 id="digitimmar">{t.home.upcomingDigitalHours}</h2>
        <DigitalHours
          language={props.language}
          hours={upcomingDigitalHours(props.updates, props.now)}
          empty={t.home.noDigitalHours}
        />
      </section>
      <section aria-labelledby="forslag">
        <h2 id="forslag">{t.home.openRounds}</h2>
        <ProposalRounds
          language={props.language}
          rounds={openProposalRounds(props.updates, props.now)}
          empty={t.home.noOpenRounds}
        />
      </section>
      <section aria-labelledby="senast">
        <h2 id="senast">{t.home.latest}</h2>
        <UpdateList language={props.language} updates={props.latest} empty={t.home.noLatest} />
      </section>
    </PublicLayout>
  )
}

/** `/grupper/:id`: what the group works on and everything it made public. */
export const GroupPage = (
  props: Common & {
    readonly network: PublicNetwork
    readonly group: ThemeGroup
    readonly updates: ReadonlyArray<StoredUpdate>
  },
) => {
  const t = webMessages[props.language]
  const own = ofGroup(props.updates, props.group.id)
  const mergedInto = groupById(props.network, props.group.mergedInto)
  const items = workList(own)
  return (
    <PublicLayout
      language={props.language}
      path={props.path}
      title={props.group.name}
      feed={{ href: groupFeedPath(props.group.id), title: t.group.feed(props.group.name) }}
    >
      <h1>{props.group.name}</h1>
      <p class="lead">{t.group.worksOn(props.group.topic)}</p>
      {mergedInto === undefined ? null : (
        <p>
          <a href={groupPath(mergedInto.id)}>{t.group.mergedInto(mergedInto.name)}</a>
        </p>
      )}
      <section aria-labelledby="arbete">
        <h2 id="arbete">{t.group.workList}</h2>
        {items.length === 0 ? (
          <p class="muted">{t.group.noWorkList}</p>
        ) : (
          <ul class="items">
            {items.map((item) => (
              <li>
                <h3>
                  <a href={updatePath(item.id)}>{item.title}</a>
                </h3>
                <p class="meta">
                  <span class={`status status--${item.details.status}`}>
                    {t.group.status[item.details.status]}
                  </span>
                  {item.details.dueDate === undefined
                    ? ""
                    : ` · ${t.group.due(formatDate(props.language, item.details.dueDate))}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="anteckningar">
        <h2 id="anteckningar">{t.group.notes}</h2>
        <UpdateList language={props.language} updates={ofKind(own, "meetingNotes")} empty={t.group.noNotes} />
      </section>
      <section aria-labelledby="digitimmar">
        <h2 id="digitimmar">{t.group.digitalHours}</h2>
        <DigitalHours
          language={props.language}
          hours={upcomingDigitalHours(own, props.now)}
          empty={t.group.noDigitalHours}
        />
      </section>
      <section aria-labelledby="forslag">
        <h2 id="forslag">{t.group.openRounds}</h2>
        <ProposalRounds
          language={props.language}
          rounds={openProposalRounds(own, props.now)}
          empty={t.group.noOpenRounds}
        />
      </section>
      <section aria-labelledby="exempel">
        <h2 id="exempel">{t.group.goodExamples}</h2>
        <GoodExampleList
          language={props.language}
          examples={goodExamples(own)}
          empty={t.group.noGoodExamples}
        />
      </section>
      {ofKind(own, "actionPlan").length === 0 ? null : (
        <section aria-labelledby="handlingsplaner">
          <h2 id="handlingsplaner">{t.group.actionPlans}</h2>
          <UpdateList language={props.language} updates={ofKind(own, "actionPlan")} empty="" />
        </section>
      )}
    </PublicLayout>
  )
}

const KindFacts = (props: {
  readonly language: Language
  readonly network: PublicNetwork
  readonly update: StoredUpdate
}) => {
  const t = webMessages[props.language]
  const details = props.update.details
  switch (details.kind) {
    case "meetingNotes":
      return <p>{t.update.meetingDate(formatDate(props.language, details.meetingDate))}</p>
    case "workListItem":
      return (
        <p>
          <span class={`status status--${details.status}`}>{t.group.status[details.status]}</span>
          {details.dueDate === undefined
            ? ""
            : ` · ${t.group.due(formatDate(props.language, details.dueDate))}`}
        </p>
      )
    case "digitalHour":
      return (
        <>
          <dl class="facts">
            <dt>{t.update.when}</dt>
            <dd>
              <time datetime={details.startsAt.toISOString()}>
                {formatDateTime(props.language, details.startsAt)}
              </time>
              {`–${formatTime(props.language, details.endsAt)}`}
            </dd>
            {details.location === undefined ? null : (
              <>
                <dt>{t.update.where}</dt>
                <dd>{details.location}</dd>
              </>
            )}
          </dl>
          <p>
            <a class="button" href={digitalHourIcsPath(props.update.id)}>
              {t.update.downloadIcs}
            </a>
            {details.url === undefined ? null : (
              <>
                {" "}
                <a href={details.url} rel="noopener noreferrer">
                  {t.update.join}
                </a>
              </>
            )}
          </p>
        </>
      )
    case "goodExample": {
      const region = props.network.regions.find((r) => r.id === details.regionId)
      return (
        <>
          {region === undefined ? null : <p>{`${t.update.region}: ${region.name}`}</p>}
          <Tags tags={details.tags} label={t.update.tags} />
        </>
      )
    }
    case "proposalRound":
      return (
        <p>
          {t.update.deadline(formatDateTime(props.language, details.deadline))}
          {details.planYear === undefined ? "" : ` · ${t.update.planYear(details.planYear)}`}
        </p>
      )
    case "actionPlan":
      return <p>{t.update.planYear(details.planYear)}</p>
    default:
      return null
  }
}

/** `/uppdateringar/:id`: one public update at a stable address. */
export const UpdatePage = (
  props: Common & { readonly network: PublicNetwork; readonly update: StoredUpdate },
) => {
  const t = webMessages[props.language]
  const group = groupById(props.network, props.update.themeGroupId)
  return (
    <PublicLayout language={props.language} path={props.path} title={props.update.title}>
      <article>
        <p class="meta">
          {catalogue(props.language).updateKind[props.update.kind]}
          {group === undefined ? "" : ` · ${group.name}`}
        </p>
        <h1>{props.update.title}</h1>
        {props.update.publishedAt === undefined ? null : (
          <p class="meta">
            <time datetime={props.update.publishedAt.toISOString()}>
              {t.update.published(formatDate(props.language, props.update.publishedAt))}
            </time>
          </p>
        )}
        <KindFacts language={props.language} network={props.network} update={props.update} />
        {props.update.body === "" ? null : <div class="body-text">{props.update.body}</div>}
        {props.update.passOnLine === undefined ? null : (
          <p class="pass-on">{props.update.passOnLine[props.language]}</p>
        )}
      </article>
      {group === undefined ? null : (
        <p>
          <a href={groupPath(group.id)}>{t.update.backToGroup(group.name)}</a>
        </p>
      )}
    </PublicLayout>
  )
}

/** `/goda-exempel`: the library, filtered by tag and words; htmx refreshes the list as you type. */
export const GoodExamplesPage = (
  props: Common & {
    readonly examples: ReadonlyArray<GoodExample>
    readonly tags: ReadonlyArray<string>
    readonly tag: string
    readonly search: string
  },
) => {
  const t = webMessages[props.language]
  return (
    <PublicLayout language={props.language} path={props.path} title={t.goodExamples.title} live>
      <h1>{t.goodExamples.title}</h1>
      <p class="lead">{t.goodExamples.intro}</p>
      <form
        class="filters"
        method="get"
        action="/goda-exempel"
        hx-get="/goda-exempel"
        hx-target="#resultat"
        hx-select="#resultat"
        hx-swap="outerHTML"
        hx-trigger="input changed delay:300ms from:#sok, change from:#tagg, submit"
        hx-push-url="true"
      >
        <div class="field">
          <label for="sok">{t.goodExamples.searchLabel}</label>
          <input id="sok" name="q" type="search" value={props.search} />
        </div>
        <div class="field">
          <label for="tagg">{t.goodExamples.tag}</label>
          <select id="tagg" name="tagg">
            <option value="">{t.goodExamples.allTags}</option>
            {props.tags.map((tag) => (
              <option value={tag} selected={tag === props.tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.goodExamples.apply}</button>
      </form>
      <section id="resultat" aria-live="polite">
        <h2>{t.goodExamples.results(props.examples.length)}</h2>
        <GoodExampleList language={props.language} examples={props.examples} empty={t.goodExamples.none} />
      </section>
    </PublicLayout>
  )
}

export const NotFoundPage = (props: Omit<Common, "now">) => {
  const t = webMessages[props.language]
  return (
    <PublicLayout language={props.language} path={props.path} title={t.notFound.title}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <a href="/">{t.notFound.home}</a>
      </p>
    </PublicLayout>
  )
}

export const FailurePage = (props: Omit<Common, "now">) => {
  const t = webMessages[props.language]
  return (
    <PublicLayout language={props.language} path={props.path} title={t.failure.title}>
      <h1>{t.failure.title}</h1>
      <p>{t.failure.body}</p>
    </PublicLayout>
  )
}
