import type { Language, Network } from "@spridning/core"
import { CoveragePage } from "./coverage-page.js"

/** The coverage view as a finished HTML document, without the signed-in menu (benchmarks, previews). */
export const renderCoveragePage = (network: Network, language: Language): string =>
  `<!doctype html>${(<CoveragePage language={language} network={network} />).toString()}`
