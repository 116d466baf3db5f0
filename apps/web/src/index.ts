/**
 * @spridning/web: the network's web pages, rendered on the server with Hono's JSX.
 * @packageDocumentation
 */

export { contentSecurityPolicy } from "./http/security.js"
export { renderCoveragePage, renderHealthcareRegionCoveragePage } from "./office/render.js"
export { type WebDeps, type WebServices, webRoutes } from "./web-routes.js"
