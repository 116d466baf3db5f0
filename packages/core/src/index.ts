/**
 * @spridning/core: the HFS network's organisation and the rules that spread what its theme
 * groups learn to every region. Pure: no database, HTTP, Slack or mail code.
 * @packageDocumentation
 */
export * from "./audience/model.js"
export * from "./dissemination/model.js"
export * from "./funnel/model.js"
export * from "./organisation/index.js"
export * from "./ports/network-store.js"
