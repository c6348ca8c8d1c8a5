/**
 * Response times as the issues state their targets (p50, p95, p99). autocannon's own summary
 * has p90 and p97.5 but no p95, so every response time is kept and the percentiles computed.
 */
import autocannon from "autocannon";

/** Nearest-rank percentile of an ascending list (NaN when empty). */
export function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1))] ?? NaN;
}

export type Latencies = { requests: number; requestsPerSecond: number; p50: number; p95: number; p99: number; max: number; non2xx: number; errors: number };

/** autocannon against one URL, every response time kept. */
export function loadTest(options: { url: string; connections: number; seconds: number; cookie: string }): Promise<Latencies> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.seconds, headers: { cookie: options.cookie } },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        const ms = (v: number) => Math.round(v * 10) / 10;
        resolve({
          requests: times.length,
          requestsPerSecond: result.requests.average,
          p50: ms(percentile(times, 50)),
          p95: ms(percentile(times, 95)),
          p99: ms(percentile(times, 99)),
          max: ms(times.at(-1) ?? NaN),
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}
