/**
 * @spridning/server: Spridning's main job, every app in one process.
 * @packageDocumentation
 */
export { ensureLinkSecret, type ServerConfig, serverConfig } from "./config.js"
export { type Log, makeLog } from "./logging.js"
export { type RunningServer, startServer } from "./server.js"
