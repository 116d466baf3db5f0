import type { Log } from "./logging.js"

/**
 * Runs `pass` again and again, waiting `everyMillis` between passes (four times longer after a
 * failed pass: a database or provider that is down is not hammered). `stop` lets the pass in
 * flight finish, so claimed deliveries are marked or their lease runs out, never half-done.
 */
export const startPollLoop = (
  name: string,
  pass: () => Promise<unknown>,
  everyMillis: number,
  log: Log,
): { readonly stop: () => Promise<void> } => {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  const run = () => {
    running = pass().then(
      () => {
        if (!stopped) timer = setTimeout(run, everyMillis)
      },
      (error: unknown) => {
        log("error", `${name} failed; trying again shortly`, error)
        if (!stopped) timer = setTimeout(run, everyMillis * 4)
      },
    )
  }
  run()
  return {
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running.catch(() => undefined)
    },
  }
}
