/**
 * TRUST_PROXY: which reverse proxies may tell the client's address in X-Forwarded-For (Fastify's
 * `trustProxy`). Off by default, so a client cannot pretend to be someone else; behind nginx or a container
 * ingress, every user would otherwise share the proxy's address (and its rate limit).
 */

/** Fastify's trustProxy value: off, on (trust every hop), a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

/**
 * Parses TRUST_PROXY: empty or `false` (default: off), `true` (every hop; only when the port is reachable
 * through the proxy alone), a hop count `1`..`10`, or proxy addresses/CIDRs `127.0.0.1,10.0.0.0/8`.
 * Returns an error message (Chinese) for anything else.
 */
export function parseTrustProxy(raw: string | undefined): { value: TrustProxy } | { error: string } {
  const v = (raw ?? '').trim();
  if (v === '' || /^(false|0|off|no)$/i.test(v)) return { value: false };
  if (/^(true|on|yes)$/i.test(v)) return { value: true };
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? { value: n } : { error: '代理层数应为 1 到 10' };
  }
  const parts = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = parts.find((p) => !/^[0-9A-Fa-f.:]+(\/\d{1,3})?$/.test(p) && !/^(loopback|linklocal|uniquelocal)$/.test(p));
  if (bad) return { error: `应为 true、代理层数，或以逗号分隔的代理地址/网段（如 127.0.0.1,10.0.0.0/8），实际含 “${bad}”` };
  return { value: parts };
}
