export * from "./model.js"
export { resolveAudience, resolveAudienceResult, targetedRegions } from "./resolve.js"
export * from "./tags.js"
