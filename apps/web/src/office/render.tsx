import type { Language, Network } from "@spridning/core"
import { CoveragePage, HealthcareRegionCoveragePage } from "./coverage-page.js"

/** The coverage view as a finished HTML document, without the signed-in menu (benchmarks, previews). */
export const renderCoveragePage = (network: Network, language: Language): string =>
  `<!doctype html>${(<CoveragePage language={language} network={network} />).toString()}`

/** One healthcare region's coverage page as a finished HTML document, without the signed-in menu. */
export const renderHealthcareRegionCoveragePage = (
  network: Network,
  healthcareRegionId: string,
  language: Language,
): string =>
  `<!doctype html>${(
    (
      <HealthcareRegionCoveragePage
        language={language}
        network={network}
        healthcareRegionId={healthcareRegionId}
      />
    )
  ).toString()}`
