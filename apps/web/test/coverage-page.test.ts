import { demoNetwork } from "@spridning/core/demo"
import { describe, expect, it } from "vitest"
import { renderCoveragePage } from "../src/index.js"

describe("the coverage view's HTML", () => {
  it("escapes names it writes into the matrix", () => {
    const network = {
      ...demoNetwork,
      regions: demoNetwork.regions.map((region) =>
        region.id === "region-gotland" ? { ...region, name: `Region <Gotland> & "öarna"` } : region,
      ),
    }
    const page = renderCoveragePage(network, "sv")
    expect(page).toContain('<th scope="row">Region &lt;Gotland&gt; &amp; &quot;öarna&quot;</th>')
    expect(page).not.toContain("<Gotland>")
  })

  it("is a whole document in the reader's language", () => {
    expect(renderCoveragePage(demoNetwork, "en").startsWith('<!doctype html><html lang="en">')).toBe(true)
  })
})
