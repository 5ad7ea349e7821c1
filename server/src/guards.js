// What keeps one client from inflating the counts: a POST from a page on a
// site that is not allowed is refused (CORS alone only hides the answer from
// such a page; sendBeacon and no-cors fetches still arrive), and one address
// may add only so many new visitors an hour.

/**
 * An onRequest hook: a POST whose Origin header is present and is neither
 * this server's own origin nor one of `origins` (`*`: any) gets 403.
 * Requests without an Origin (scripts, old browsers) are not browsers acting
 * for another site's page, and pass.
 */
export function refuseForeignOrigins(origins) {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.toLowerCase()));
  return (request, reply, done) => {
    const origin = request.headers.origin;
    if (request.method !== 'POST' || origin === undefined || any) return done();
    const normal = origin.toLowerCase();
    if (allowed.has(normal) || normal === `${request.protocol}://${request.host}`.toLowerCase()) return done();
    reply.code(403).send({ error: `Pages of ${String(origin).slice(0, 100)} may not post to this server: it is not one of its --origin sites.` });
  };
}

/**
 * How many new visitors each address has added in the current hour, kept in
 * memory only (the addresses are forgotten when the hour ends).
 * `take(ip, now)` reserves one and says whether it may; `giveBack(ip)`
 * returns a reservation that added no new visitor. A limit of 0 is no limit.
 */
export function newVisitorBudget(limit) {
  let hour = -1;
  let used = new Map();
  return {
    take(ip, now) {
      if (!limit) return true;
      const current = Math.floor(now / 3_600_000);
      if (current !== hour) {
        hour = current;
        used = new Map();
      }
      const count = used.get(ip) ?? 0;
      if (count >= limit) return false;
      used.set(ip, count + 1);
      return true;
    },
    giveBack(ip) {
      const count = used.get(ip);
      if (count > 1) used.set(ip, count - 1);
      else used.delete(ip);
    },
    /** Addresses tracked this hour (for the memory check). */
    get size() {
      return used.size;
    },
  };
}
