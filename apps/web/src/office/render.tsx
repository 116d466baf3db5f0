import type { Language, Network } from "@spridning/core"
import { CoveragePage } from "./coverage-page.js"

/**
 * The coverage view as a finished HTML document. Not mounted yet: the office's sign-in and
 * the publishing-rights rule it needs come first (no office page without them).
 */
export const renderCoveragePage = (network: Network, language: Language): string =>
  `<!doctype html>${(<CoveragePage language={language} network={network} />).toString()}`
