// One upstream request for the relay, following at most 5 redirects, each to
// a listed host, under one deadline and one size limit.
//
// Why node:http/https and not the global fetch: fetch (undici) ignores
// http.Agent, and the address check must happen where the socket is made.
// request-filtering-agent is an http(s).Agent whose createConnection refuses
// an IP literal outright and wraps the DNS lookup, so the address checked is
// the address connected to: a name that resolves to a public address when
// checked and to 127.0.0.1 a moment later (DNS rebinding) cannot slip
// through, because there is no second lookup. Each redirect is a new
// request through the same agents, so it is checked again.
import http from 'node:http';
import https from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { hostListing } from './hosts.js';

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** A failure with the status the relay answers when it has no copy to serve. */
export class RelayError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    Object.assign(this, extra);
  }
}

// request-filtering-agent reports a refused address with this message and no code.
const REFUSED = /^DNS lookup .* is not allowed/;

/**
 * The agents: one pair that refuses private, loopback, link-local and
 * unspecified addresses (hosts matched by a wildcard), one pair that allows
 * private addresses but not unspecified ones (hosts listed exactly).
 */
export function makeAgents() {
  const options = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 30_000 };
  return {
    strict: { 'http:': new RequestFilteringHttpAgent(options), 'https:': new RequestFilteringHttpsAgent(options) },
    listed: {
      'http:': new RequestFilteringHttpAgent({ ...options, allowPrivateIPAddress: true }),
      'https:': new RequestFilteringHttpsAgent({ ...options, allowPrivateIPAddress: true }),
    },
    destroy() {
      for (const pair of [this.strict, this.listed]) for (const agent of Object.values(pair)) agent.destroy();
    },
  };
}

function decoder(encoding) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * GETs `url`; resolves to `{ status: 200, body, contentType, etag, lastModified, url }`
 * or `{ status: 304, etag, lastModified }` when the validators matched.
 * Rejects with a RelayError: 403 (host not listed, address refused),
 * 413 (too large), 502 (failure, non-2xx, too many redirects), 504 (timeout).
 * @param {string} url absolute http(s) URL on a listed host
 * @param {object} options
 * @param {ReturnType<import('./hosts.js').parseFeedHosts>} options.hosts
 * @param {ReturnType<typeof makeAgents>} options.agents
 * @param {string} options.userAgent
 * @param {number} options.timeoutMs for the whole chain, body included
 * @param {number} options.maxBytes largest body, after decompression
 * @param {{ etag?: string, lastModified?: string }} [options.validators]
 * @param {Function} [options.lookup] DNS lookup (dns.lookup's signature); tests map names with it
 */
export async function fetchFeed(url, { hosts, agents, userAgent, timeoutMs, maxBytes, validators = {}, lookup }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = new URL(url);
    for (let hop = 0; ; hop++) {
      const answer = await requestOnce(current, { hosts, agents, userAgent, maxBytes, validators, lookup, signal: controller.signal });
      if (!answer.redirect) return { ...answer, url: current.href };
      if (hop === MAX_REDIRECTS) throw new RelayError(502, `The feed's server redirected more than ${MAX_REDIRECTS} times.`);
      let next;
      try {
        next = new URL(answer.redirect, current);
      } catch {
        throw new RelayError(502, 'The feed\'s server redirected to an address that is not a URL.');
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new RelayError(502, `The feed's server redirected to a ${next.protocol} URL; only http and https are relayed.`);
      }
      if (!hostListing(hosts, next.hostname)) {
        throw new RelayError(403, `The feed's server redirected to ${next.hostname}, which this relay does not serve.`, { refused: true });
      }
      current = next;
    }
  } catch (error) {
    if (controller.signal.aborted) throw new RelayError(504, `The feed's server did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    if (error instanceof RelayError) throw error;
    if (REFUSED.test(error.message)) {
      throw new RelayError(403, 'The feed\'s host resolves to a private, loopback or link-local address, which this relay does not contact.', { refused: true });
    }
    throw new RelayError(502, `The feed's server could not be reached (${error.code ?? error.message}).`);
  } finally {
    clearTimeout(timer);
  }
}

function requestOnce(target, { hosts, agents, userAgent, maxBytes, validators, lookup, signal }) {
  const listing = hostListing(hosts, target.hostname);
  const agent = (listing === 'exact' ? agents.listed : agents.strict)[target.protocol];
  const client = target.protocol === 'https:' ? https : http;
  // Only these headers go upstream: nothing of the visitor's request.
  const headers = { 'user-agent': userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return new Promise((resolve, reject) => {
    const request = client.request(target, { method: 'GET', agent, headers, signal, ...(lookup ? { lookup } : {}) });
    request.on('error', reject);
    request.on('response', (response) => {
      const { statusCode: status } = response;
      const header = (name) => {
        const value = response.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      if (REDIRECTS.has(status) && header('location')) {
        response.resume();
        resolve({ redirect: header('location') });
        return;
      }
      if (status === 304 && (validators.etag || validators.lastModified)) {
        response.resume();
        resolve({ status: 304, etag: header('etag') ?? validators.etag, lastModified: header('last-modified') ?? validators.lastModified });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        reject(new RelayError(502, `The feed's server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}.`, { upstreamStatus: status }));
        return;
      }
      const unzip = decoder(header('content-encoding'));
      if (unzip === null) {
        response.destroy();
        reject(new RelayError(502, `The feed's server sent an encoding this relay cannot read (${header('content-encoding')}).`));
        return;
      }
      const tooLarge = () => new RelayError(413, `The feed is larger than this relay's limit of ${maxBytes} bytes.`);
      const declared = Number(header('content-length'));
      if (declared > maxBytes) {
        response.destroy();
        reject(tooLarge());
        return;
      }
      const stream = unzip ? response.pipe(unzip) : response;
      if (unzip) response.on('error', (error) => unzip.destroy(error));
      const chunks = [];
      let size = 0;
      stream.on('data', (chunk) => {
        size += chunk.length;
        if (size > maxBytes) {
          // Stop reading at once: the rest of the body is never downloaded.
          response.destroy();
          unzip?.destroy();
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => {
        // A buffer of its own, not a slice of Node's shared pool, which
        // would keep a whole 8 KB slab alive for a small feed in the cache.
        const body = Buffer.allocUnsafeSlow(size);
        let offset = 0;
        for (const chunk of chunks) offset += chunk.copy(body, offset);
        resolve({
          status: 200,
          body,
          contentType: header('content-type'),
          etag: header('etag'),
          lastModified: header('last-modified'),
        });
      });
    });
    request.end();
  });
}
