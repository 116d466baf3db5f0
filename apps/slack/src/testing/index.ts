/**
 * `@spridning/slack/testing`: a local Slack Web API and requests signed as Slack signs them,
 * for any package's tests that involve Slack.
 * @packageDocumentation
 */
export * from "./slack-fake.js"
export * from "./slack-requests.js"
