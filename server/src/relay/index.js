// The feed relay: GET /api/feed?url=… (see route.js), its core (relay.js),
// the upstream request (fetcher.js), its copies (cache.js) and the host list
// (hosts.js).
export { createRelay, RateLimited, RELAY_DEFAULTS, USER_AGENT } from './relay.js';
export { RELAY_HEADER, relayRoutes } from './route.js';
export { hostListing, parseFeedHosts } from './hosts.js';
export { MAX_REDIRECTS, RelayError } from './fetcher.js';
