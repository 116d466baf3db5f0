import { Effect } from "effect"
import { it } from "vitest"

/**
 * `it` for an Effect: runs it and fails the test on any failure. (`@effect/vitest` 4 needs
 * vitest 5, which needs Node 22.)
 */
export const effectTest = <A, E>(name: string, body: () => Effect.Effect<A, E>, timeout?: number): void => {
  it(name, () => Effect.runPromise(body()).then(() => undefined), timeout)
}
