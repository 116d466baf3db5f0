/**
 * @spridning/core: the HFS network's organisation and the rules that spread what its theme
 * groups learn to every region. Pure: no database, HTTP, Slack or mail code.
 * @packageDocumentation
 */
export * from "./audience/index.js"
export * from "./briefing/index.js"
export * from "./coverage/index.js"
export * from "./delivery/index.js"
export * from "./dissemination/index.js"
export * from "./funnel/index.js"
export * from "./links/index.js"
export * from "./meetings/index.js"
export * from "./merge/index.js"
export * from "./messages/index.js"
export * from "./organisation/index.js"
export * from "./ports/index.js"
export * from "./preferences/index.js"
export * from "./proposals/index.js"
export * from "./reminders/index.js"
export * from "./reporting/index.js"
export * from "./rights/index.js"
export * from "./scheduling/index.js"
export * from "./validation/index.js"
