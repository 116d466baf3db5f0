import type { Network } from "@spridning/core"
import { describeError, type Log } from "../http/logging.js"

interface Loaded {
  readonly network: Network
  readonly loadedAt: number
}

/**
 * The stored network as the read routes see it. Loading it is a handful of queries, and the
 * rules over it (coverage above all) are pure, so the network and whatever is derived from it
 * are kept until this process writes. Writes made by other processes (other machines) are
 * picked up by a reload in the background once the copy is `maxAgeMillis` old; readers keep
 * getting the previous copy meanwhile instead of waiting.
 */
export class NetworkSnapshot {
  #current: Promise<Loaded> | undefined
  /** The resolved `#current`, for reads that need not wait. */
  #loaded: Loaded | undefined
  #refreshing = false
  #derived = new Map<string, { readonly network: Network; readonly value: unknown }>()
  #generation = 0

  constructor(
    private readonly load: () => Promise<Network>,
    private readonly maxAgeMillis = 5_000,
    private readonly log?: Log,
  ) {}

  async network(): Promise<Network> {
    return this.#loadedNow() ?? (await this.#loadedLater()).network
  }

  /** `compute` over the current network, remembered until the network changes. */
  async derived<A>(key: string, compute: (network: Network) => A): Promise<A> {
    const network = this.#loadedNow() ?? (await this.#loadedLater()).network
    const hit = this.#derived.get(key)
    if (hit !== undefined && hit.network === network) return hit.value as A
    const value = compute(network)
    // Keys can come from request bodies (audiences); past a bound, compute without keeping.
    if (this.#derived.size < 1_000 || hit !== undefined) this.#derived.set(key, { network, value })
    return value
  }

  /** The network without waiting, when a copy is at hand (the common case). */
  #loadedNow(): Network | undefined {
    const loaded = this.#loaded
    if (loaded === undefined) return undefined
    if (Date.now() - loaded.loadedAt > this.maxAgeMillis) this.#refreshInBackground()
    return loaded.network
  }

  async #loadedLater(): Promise<Loaded> {
    const loaded = await (this.#current ?? this.#reload())
    if (Date.now() - loaded.loadedAt > this.maxAgeMillis) this.#refreshInBackground()
    return loaded
  }

  /** Every write in this process calls this; the next read waits for the network afresh. */
  invalidate(): void {
    this.#generation++
    this.#current = undefined
    this.#loaded = undefined
    this.#derived.clear()
  }

  #reload(): Promise<Loaded> {
    const generation = this.#generation
    const loading = this.load().then((network) => {
      const loaded = { network, loadedAt: Date.now() }
      if (generation === this.#generation && this.#current === loading) this.#loaded = loaded
      return loaded
    })
    this.#current = loading
    loading.catch(() => {
      if (this.#current === loading) this.#current = undefined
    })
    return loading
  }

  #refreshInBackground(): void {
    if (this.#refreshing) return
    this.#refreshing = true
    const generation = this.#generation
    this.load()
      .then((network) => {
        // A local write meanwhile already dropped the old copy; its own reload wins.
        if (generation !== this.#generation) return
        const loaded = { network, loadedAt: Date.now() }
        this.#loaded = loaded
        this.#current = Promise.resolve(loaded)
        this.#derived.clear()
      })
      .catch((error: unknown) => {
        this.log?.("error", "Reloading the network in the background failed; serving the previous copy", {
          error: describeError(error),
        })
      })
      .finally(() => {
        this.#refreshing = false
      })
  }
}
