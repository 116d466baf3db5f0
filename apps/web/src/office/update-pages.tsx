import { type DeliveryFunnel, DeliveryState, type Language } from "@spridning/core"
import type { DeliveryRecord, StoredPlan, StoredUpdate } from "@spridning/db"
import type { Child } from "hono/jsx"
import { OfficeLayout } from "../layout/office-layout.js"
import { officeMessages } from "./office-messages.js"

const states = DeliveryState.literals

export const UpdateListPage = (props: {
  readonly language: Language
  readonly updates: ReadonlyArray<StoredUpdate>
  readonly nav: Child
}) => {
  const t = officeMessages[props.language].updates
  return (
    <OfficeLayout language={props.language} title={t.listTitle} nav={props.nav}>
      <h1>{t.listTitle}</h1>
      <p class="lead">{t.listIntro}</p>
      {props.updates.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="link-list">
          {props.updates.map((update) => (
            <li>
              <a href={`/kansli/uppdateringar/${encodeURIComponent(update.id)}`}>{update.title}</a>
            </li>
          ))}
        </ul>
      )}
    </OfficeLayout>
  )
}

/** Bars of the reach funnel per region, drawn on the server; the table below says the same. */
const FunnelChart = (props: {
  readonly language: Language
  readonly rows: ReadonlyArray<{ readonly region: string; readonly counts: DeliveryFunnel["total"] }>
}) => {
  const t = officeMessages[props.language].updates
  const steps = [
    { key: "delivered", label: t.delivered },
    { key: "read", label: t.read },
    { key: "passedOn", label: t.passedOn },
    { key: "acted", label: t.acted },
  ] as const
  const max = Math.max(1, ...props.rows.map((row) => row.counts.delivered))
  const barHeight = 14
  const rowHeight = steps.length * barHeight + 26
  const labelWidth = 120
  const width = 360
  const height = props.rows.length * rowHeight + 10
  return (
    <svg
      class="funnel-chart"
      role="img"
      aria-labelledby="tratt-titel"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
    >
      <title id="tratt-titel">{t.funnelChartTitle}</title>
      {props.rows.map((row, index) => {
        const top = index * rowHeight + 16
        return (
          <g>
            <text x="0" y={top - 4} class="funnel-chart__region">
              {row.region}
            </text>
            {steps.map((step, stepIndex) => {
              const value = row.counts[step.key]
              const y = top + stepIndex * barHeight
              return (
                <g class={`funnel-chart__bar funnel-chart__bar--${step.key}`}>
                  <text x="0" y={y + barHeight - 4} class="funnel-chart__label">
                    {step.label}
                  </text>
                  <rect
                    x={labelWidth}
                    y={y + 1}
                    width={Math.round(((width - labelWidth - 40) * value) / max)}
                    height={barHeight - 3}
                  />
                  <text
                    x={labelWidth + Math.round(((width - labelWidth - 40) * value) / max) + 4}
                    y={y + barHeight - 4}
                  >
                    {String(value)}
                  </text>
                </g>
              )
            })}
          </g>
        )
      })}
    </svg>
  )
}

export const OfficeUpdatePage = (props: {
  readonly language: Language
  readonly update: StoredUpdate
  readonly plan: StoredPlan | undefined
  readonly deliveries: ReadonlyArray<DeliveryRecord>
  readonly funnel: DeliveryFunnel
  readonly regionName: (id: string) => string
  readonly mayRetry: boolean
  readonly csrf: string
  readonly nav: Child
}) => {
  const t = officeMessages[props.language].updates
  const byRegion = new Map<string, Map<DeliveryState, number>>()
  for (const delivery of props.deliveries) {
    const counts = byRegion.get(delivery.regionId) ?? new Map<DeliveryState, number>()
    counts.set(delivery.state, (counts.get(delivery.state) ?? 0) + 1)
    byRegion.set(delivery.regionId, counts)
  }
  const regions = [...byRegion.keys()].sort((a, b) =>
    props.regionName(a).localeCompare(props.regionName(b), "sv"),
  )
  const shownStates = states.filter((state) => props.funnel.states[state] > 0)
  const funnelRows = props.funnel.byRegion
    .map((row) => ({ region: props.regionName(row.regionId), counts: row.counts }))
    .sort((a, b) => a.region.localeCompare(b.region, "sv"))
  return (
    <OfficeLayout language={props.language} title={props.update.title} nav={props.nav}>
      <p>
        <a href="/kansli/uppdateringar">{t.back}</a>
      </p>
      <h1>{props.update.title}</h1>
      <section aria-labelledby="plan">
        <h2 id="plan">{t.planTitle}</h2>
        {props.plan === undefined ? (
          <p>{t.noPlan}</p>
        ) : (
          <>
            <p>{t.planSummary(props.plan.deliveries.length, props.plan.unreachableRegions.length)}</p>
            {props.plan.unreachableRegions.length === 0 ? null : (
              <p>
                {t.unreachable(props.plan.unreachableRegions.map((region) => region.regionName).join(", "))}
              </p>
            )}
            <p>{props.plan.passOnLine[props.language]}</p>
          </>
        )}
      </section>
      <section aria-labelledby="lagen" class="wide">
        <h2 id="lagen">{t.statesTitle}</h2>
        <div class="table-scroll">
          <table class="compact">
            <caption>{t.statesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.region}</th>
                {shownStates.map((state) => (
                  <th scope="col">{t.state[state]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {regions.map((regionId) => (
                <tr>
                  <th scope="row">{props.regionName(regionId)}</th>
                  {shownStates.map((state) => (
                    <td>{String(byRegion.get(regionId)?.get(state) ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.total}</th>
                {shownStates.map((state) => (
                  <td>{String(props.funnel.states[state])}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section aria-labelledby="tratt" class="wide">
        <h2 id="tratt">{t.funnelTitle}</h2>
        {funnelRows.length === 0 ? (
          <p>{t.nothingDelivered}</p>
        ) : (
          <>
            <FunnelChart language={props.language} rows={funnelRows} />
            <div class="table-scroll">
              <table class="compact">
                <caption>{t.funnelCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.region}</th>
                    <th scope="col">{t.delivered}</th>
                    <th scope="col">{t.read}</th>
                    <th scope="col">{t.passedOn}</th>
                    <th scope="col">{t.acted}</th>
                  </tr>
                </thead>
                <tbody>
                  {funnelRows.map((row) => (
                    <tr>
                      <th scope="row">{row.region}</th>
                      <td>{String(row.counts.delivered)}</td>
                      <td>{String(row.counts.read)}</td>
                      <td>{String(row.counts.passedOn)}</td>
                      <td>{String(row.counts.acted)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <section aria-labelledby="leveranser" class="wide">
        <h2 id="leveranser">{t.deliveriesTitle}</h2>
        <div class="table-scroll">
          <table class="compact deliveries">
            <caption>{t.deliveriesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.region}</th>
                <th scope="col">{t.channel}</th>
                <th scope="col">{t.stateColumn}</th>
                <th scope="col">{t.lastError}</th>
              </tr>
            </thead>
            <tbody>
              {props.deliveries.map((delivery) => (
                <tr>
                  <th scope="row">{delivery.personName}</th>
                  <td>{delivery.regionName}</td>
                  <td>{delivery.channel === "email" ? t.email : "Slack"}</td>
                  <td>
                    {t.state[delivery.state]}
                    {props.mayRetry && (delivery.state === "dead" || delivery.state === "failed") ? (
                      <form
                        method="post"
                        action={`/kansli/leveranser/${encodeURIComponent(delivery.id)}/forsok-igen`}
                      >
                        <input type="hidden" name="csrf" value={props.csrf} />
                        <button type="submit" aria-label={t.retryFor(delivery.personName)}>
                          {t.retry}
                        </button>
                      </form>
                    ) : null}
                  </td>
                  <td>{delivery.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </OfficeLayout>
  )
}
