/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same network
 * on every machine and Node version, which `Math.random` cannot promise.
 */
export interface Random {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [0, maxExclusive). */
  readonly int: (maxExclusive: number) => number
  readonly chance: (probability: number) => boolean
  readonly pick: <T>(items: ReadonlyArray<T>) => T
}

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive)
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: ReadonlyArray<T>): T => {
      if (items.length === 0) throw new Error("seededRandom.pick: cannot pick from an empty list")
      return items[int(items.length)] as T
    },
  }
}
