import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { demoNetwork, demoUpdates } from "../src/demo/index.js"
import { renderCoverageReport, renderPlan } from "../src/demo/report.js"
import { coverage, planDissemination, validateNetwork } from "../src/index.js"

describe("the demo program's terminal report", () => {
  const text = renderCoverageReport(demoNetwork, coverage(demoNetwork), validateNetwork(demoNetwork))
  const lines = text.split("\n")

  it("draws one row per region with a symbol per theme group", () => {
    const gotland = lines.find((line) => line.startsWith("Region Gotland"))
    expect(gotland?.match(/[●◐○]/g)).toHaveLength(10)
    expect(
      lines.filter((line) => /^(Region |Västra Götalandsregionen)/.test(line) && /[●◐○]/.test(line)),
    ).toHaveLength(21)
    expect(text).toContain("Tob = Tobaksprevention")
  })

  it("names the gaps in Swedish: missing roles, functions, sectors and the reporting cycle", () => {
    expect(text).toContain("Region Jämtland Härjedalen: saknar processledare")
    expect(text).toContain("Region Gotland: saknar presidieledamot")
    expect(text).toContain("PROM: forskare")
    expect(text).toMatch(/Region Skåne\): regional utveckling och skola/)
    expect(text).toMatch(/Region Kalmar län: rapporteringsvägarna går i cirkel/)
  })

  it("prints the plan's pass-on line, bridges with who carries them, and the region nobody can reach", async () => {
    const update = demoUpdates.alcoholMeetingNotes
    const plan = await Effect.runPromise(planDissemination(demoNetwork, update))
    const planText = renderPlan(demoNetwork, update, plan)
    expect(planText).toContain("Sprid vidare till: ")
    expect(planText).toMatch(/Region Kronoberg\s+via kontaktperson /)
    expect(planText).toMatch(/Region Gotland\s+via processledare /)
    expect(planText).toMatch(/Regioner som inte kan nås \(1\)\n {2}Region Jämtland Härjedalen: /)
    expect(planText).toContain("Du får detta eftersom")
  })
})
