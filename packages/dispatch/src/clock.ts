import { Clock, Effect } from "effect"

/**
 * Runs `effect` with the wall-clock time read from `now` (tests move it; sleeping stays real).
 * The dispatcher takes its time only from `Clock`, so this is the one way to set it.
 */
export const withClock =
  (now: () => Date) =>
  <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.flatMap(Clock.clockWith(Effect.succeed), (live) => {
      const millis = () => now().getTime()
      const clock: Clock.Clock = Object.assign(Object.create(Object.getPrototypeOf(live)), live, {
        currentTimeMillisUnsafe: millis,
        currentTimeMillis: Effect.sync(millis),
        currentTimeNanosUnsafe: () => BigInt(millis()) * 1_000_000n,
        currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
      })
      return Effect.provideService(effect, Clock.Clock, clock)
    })
