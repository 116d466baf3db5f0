import type { Network } from "@spridning/core"

/**
 * The stored network as the read routes see it. Loading it is a handful of queries, and the
 * rules over it (coverage above all) are pure, so the network and whatever is derived from it
 * are kept until this process writes, or until `maxAgeMillis` has passed — which bounds how
 * long a write made by another process on another machine stays unseen.
 */
export class NetworkSnapshot {
  #current: Promise<{ readonly network: Network; readonly loadedAt: number }> | undefined
  #derived = new Map<string, unknown>()
  #generation = 0

  constructor(
    private readonly load: () => Promise<Network>,
    private readonly maxAgeMillis = 5_000,
  ) {}

  network(): Promise<Network> {
    const now = Date.now()
    if (this.#current === undefined) return this.#reload()
    return this.#current.then((snapshot) =>
      now - snapshot.loadedAt > this.maxAgeMillis ? this.#reload() : snapshot.network,
    )
  }

  /** `compute` over the current network, remembered until the network changes. */
  async derived<A>(key: string, compute: (network: Network) => A): Promise<A> {
    const network = await this.network()
    const hit = this.#derived.get(key) as { network: Network; value: A } | undefined
    if (hit !== undefined && hit.network === network) return hit.value
    const value = compute(network)
    // Keys can come from request bodies (audiences); past a bound, compute without keeping.
    if (this.#derived.size < 1_000) this.#derived.set(key, { network, value })
    return value
  }

  /** Every write calls this; the next read loads the network afresh. */
  invalidate(): void {
    this.#generation++
    this.#current = undefined
    this.#derived.clear()
  }

  #reload(): Promise<Network> {
    const generation = this.#generation
    const loading = this.load().then((network) => ({ network, loadedAt: Date.now() }))
    this.#current = loading
    loading.catch(() => {
      if (this.#current === loading) this.#current = undefined
    })
    return loading.then((snapshot) => {
      // A write that landed while loading makes this copy stale before anyone used it.
      if (generation !== this.#generation && this.#current === loading) this.#current = undefined
      return snapshot.network
    })
  }
}
