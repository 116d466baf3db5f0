/**
 * The load generator in a process of its own: the API benchmark counts the server's CPU per
 * request, and autocannon (which here also undoes gzip on every answer) must not be in it.
 */
import autocannon from "autocannon"

process.on("message", (options: autocannon.Options) => {
  autocannon(options).then(
    (result) =>
      process.send?.({
        ok: true,
        requestsPerSecond: result.requests.average,
        total: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  )
})
process.send?.({ ready: true })
