// Who is visiting, without cookies and without keeping an IP address: a
// hash of the day's random salt, the IP and the user agent. Once the salt of
// a day is deleted, nobody (the operator included) can tell whose hash it was.
import { createHash, randomBytes } from 'node:crypto';

/** A new random salt for a day. */
export function newSalt() {
  return randomBytes(24).toString('base64url');
}

/** 128 bits of SHA-256 over salt, IP and user agent, as 22 characters. */
export function visitorId(salt, ip, userAgent) {
  return createHash('sha256').update(`${salt}\0${ip}\0${userAgent}`).digest('base64url').slice(0, 22);
}

// Crawlers, link previews, monitors, headless browsers and HTTP libraries
// announce themselves in the user agent; a visitor that sends none is not a
// browser either.
const BOT =
  /bot\b|bot[/;_-]|crawl|spider|slurp|archiv|facebookexternalhit|embedly|preview|headless|lighthouse|pagespeed|pingdom|uptime|monitor|check|scan|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|^node$|httpclient|libwww|scrapy|phantom|selenium|puppeteer|playwright/i;

export function isBot(userAgent) {
  return !userAgent || BOT.test(userAgent);
}

export { dayKey } from './calendar.js';

/** True when Intl knows the zone. */
export function isTimeZone(timeZone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
