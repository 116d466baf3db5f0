/**
 * `@spridning/core/demo`: the HFS network as it could look today, with the gaps the workshop
 * talked about ("Alla regioner har inte möjlighet att vara med i alla temagrupper").
 * Deterministic; ids are readable slugs ("region-skane", "tg-tobak", "person-0001").
 * @packageDocumentation
 */
import { buildDemoNetwork } from "./network.js"

export { demoGaps } from "./network.js"
export { demoHealthcareRegions, demoRegionFacts } from "./regions.js"
export { demoUpdates } from "./updates.js"

/**
 * The 21 regions in their six healthcare regions (Halland in both Västra and Södra, Västra
 * first), ten active theme groups and one merged, about 400 people with their roles,
 * follows and preferences, five regional bodies, and reporting rules with two regional
 * overrides. See {@link demoGaps} for the gaps it is built to show.
 */
export const demoNetwork = buildDemoNetwork()
