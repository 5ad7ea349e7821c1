// GET /thong-ke: the operator's view of the counts, behind --admin-token.
// A page (Vietnamese, or English with ?lang=en) with visits per day for 90
// days and today's by hour as inline SVG, and the most-read paths; or the
// same as JSON for scripts (Accept: application/json). Scripts send
// `Authorization: Bearer <token>`; people sign in with a form that sets an
// HttpOnly, SameSite=Strict cookie. Paths come from visitors: every one of
// them is escaped, and the page's CSP allows no script at all.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { OTHER_PATHS } from './stores/kept.js';

const COOKIE = 'news_admin';
const SESSION_SECONDS = 8 * 3600;
export const ADMIN_PATH = '/thong-ke';

const TEXT = {
  vi: {
    title: 'Thống kê truy cập', total: 'Truy cập tổng', online: 'Truy cập hiện tại', today: 'Hôm nay', yesterday: 'Hôm qua',
    week: 'Tuần này', month: 'Tháng này', days: 'Lượt truy cập mỗi ngày, 90 ngày qua', hours: 'Hôm nay theo giờ',
    paths: 'Trang được đọc nhiều nhất, 7 ngày qua (trang mở đầu mỗi lượt)', path: 'Trang', visits: 'Lượt', other: '(các trang khác)',
    none: 'Chưa có lượt nào.', site: 'Trang', privacy: 'Máy chủ lưu đường dẫn trang, không bao giờ lưu địa chỉ IP.',
    login: 'Đăng nhập', token: 'Mã quản trị', wrong: 'Mã không đúng.', logout: 'Đăng xuất', other_lang: 'English', lang_param: 'en',
    max: 'cao nhất', hour: 'giờ',
  },
  en: {
    title: 'Visit statistics', total: 'Total visits', online: 'Online now', today: 'Today', yesterday: 'Yesterday',
    week: 'This week', month: 'This month', days: 'Visits per day, last 90 days', hours: 'Today by hour',
    paths: 'Most-read paths, last 7 days (the page each visit started on)', path: 'Path', visits: 'Visits', other: '(other pages)',
    none: 'No visits yet.', site: 'Site', privacy: 'The server keeps page paths, never IP addresses.',
    login: 'Sign in', token: 'Admin token', wrong: 'Wrong token.', logout: 'Sign out', other_lang: 'Tiếng Việt', lang_param: 'vi',
    max: 'highest', hour: 'hour',
  },
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem}nav a{margin-right:1rem}
dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem}
dl div{border:1px solid #ccc;border-radius:4px;padding:.5rem}dt{font-size:.85rem;color:#555}dd{margin:0;font-size:1.3rem;font-weight:600}
svg{width:100%;height:auto;border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;overflow-wrap:anywhere}td.n,th.n{text-align:right}
.error{color:#a00}form.inline{display:inline}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
/** Nothing but this page's own style: no script, no frame, no form elsewhere. */
export const ADMIN_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

/** Escapes text for HTML content and quoted attributes. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

const digest = (text) => createHash('sha256').update(text).digest();
/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(given, expected) {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(expected));
}

const mac = (token, expires) => createHmac('sha256', token).update(`news-admin:${expires}`).digest('base64url');

function cookieOf(request) {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ token: string, sites: string[], now: () => number, report: (site: string, time: number) => Promise<object> }} options
 */
export async function adminRoutes(app, { token, sites, now, report }) {
  const authorized = (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return sameSecret(header.slice(7), token);
    const cookie = cookieOf(request);
    const [expires, signature] = (cookie ?? '').split('.');
    return Number(expires) > Math.floor(now() / 1000) && sameSecret(signature, mac(token, expires));
  };
  const wantsJson = (request) => /application\/json/.test(request.headers.accept ?? '') && !/text\/html/.test(request.headers.accept ?? '');
  const langOf = (request) => (request.query?.lang === 'en' ? 'en' : 'vi');
  const page = (reply, status, lang, body) =>
    reply
      .code(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', ADMIN_CSP)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Referrer-Policy', 'no-referrer')
      .send(`<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(TEXT[lang].title)}</title><style>${STYLE}</style><body>${body}</body></html>`);
  const loginForm = (lang, error) => {
    const t = TEXT[lang];
    return `<h1>${t.title}</h1>${error ? `<p class="error" role="alert">${t.wrong}</p>` : ''}<form method="post" action="${ADMIN_PATH}/dang-nhap"><input type="hidden" name="lang" value="${lang}"><label>${t.token} <input type="password" name="token" autocomplete="current-password" required></label> <button>${t.login}</button></form>`;
  };

  // The login form posts as a form: only here, not on the counter's routes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body)));
  });

  const siteQuery = { type: 'object', properties: { site: { type: 'string', maxLength: 63 }, lang: { type: 'string', maxLength: 5 } } };

  app.get(ADMIN_PATH, { schema: { querystring: siteQuery } }, async (request, reply) => {
    const lang = langOf(request);
    if (!authorized(request)) {
      if (wantsJson(request) || request.headers.authorization) return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'Send Authorization: Bearer <admin token>.' });
      return page(reply, 401, lang, loginForm(lang, false));
    }
    const site = request.query.site ?? sites[0];
    if (!sites.includes(site)) return reply.code(404).send({ error: `Unknown site "${site.slice(0, 63)}": this server does not count it.` });
    const data = { site, sites, ...(await report(site, now())) };
    if (wantsJson(request)) return reply.header('Cache-Control', 'no-store').send(data);
    return page(reply, 200, lang, render(data, lang));
  });

  app.post(`${ADMIN_PATH}/dang-nhap`, async (request, reply) => {
    const lang = request.body?.lang === 'en' ? 'en' : 'vi';
    if (!sameSecret(request.body?.token, token)) return page(reply, 401, lang, loginForm(lang, true));
    const expires = Math.floor(now() / 1000) + SESSION_SECONDS;
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .code(303)
      .header('Set-Cookie', `${COOKIE}=${expires}.${mac(token, expires)}; Path=${ADMIN_PATH}; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`)
      .header('Location', `${ADMIN_PATH}${lang === 'en' ? '?lang=en' : ''}`)
      .send();
  });

  app.post(`${ADMIN_PATH}/dang-xuat`, async (request, reply) =>
    reply.code(303).header('Set-Cookie', `${COOKIE}=; Path=${ADMIN_PATH}; Max-Age=0; HttpOnly; SameSite=Strict`).header('Location', ADMIN_PATH).send(),
  );
}

const number = (lang, n) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** A bar chart as inline SVG; each bar has a <title> with its label and value. */
function barChart(values, labels, { lang, tick, caption }) {
  const width = 900;
  const height = 200;
  const max = Math.max(1, ...values);
  const step = width / values.length;
  const bars = values
    .map((value, i) => {
      const h = Math.round((value / max) * (height - 20));
      return `<rect x="${(i * step + 1).toFixed(1)}" y="${height - h}" width="${Math.max(1, step - 2).toFixed(1)}" height="${h}" fill="#2a6ebb"><title>${escapeHtml(labels[i])}: ${number(lang, value)}</title></rect>`;
    })
    .join('');
  const ticks = labels
    .map((label, i) => (i % tick === 0 ? `<text x="${(i * step + 2).toFixed(1)}" y="${height + 14}" font-size="11" fill="#333">${escapeHtml(label)}</text>` : ''))
    .join('');
  return `<svg viewBox="0 0 ${width} ${height + 20}" role="img" aria-label="${escapeHtml(caption)}"><text x="0" y="12" font-size="11" fill="#333">${escapeHtml(TEXT[lang].max)}: ${number(lang, max)}</text>${bars}${ticks}</svg>`;
}

function render(data, lang) {
  const t = TEXT[lang];
  const link = (params) => `${ADMIN_PATH}?${new URLSearchParams(params)}`;
  const siteParam = data.sites.length > 1 ? { site: data.site } : {};
  const nav = [
    `<a href="${escapeHtml(link({ ...siteParam, lang: t.lang_param }))}" lang="${t.lang_param}">${t.other_lang}</a>`,
    ...(data.sites.length > 1
      ? data.sites.map((site) => (site === data.site ? `<strong>${escapeHtml(site)}</strong> ` : `<a href="${escapeHtml(link({ site, lang }))}">${escapeHtml(site)}</a>`))
      : []),
    `<form class="inline" method="post" action="${ADMIN_PATH}/dang-xuat"><button>${t.logout}</button></form>`,
  ].join(' ');
  const counts = ['total', 'online', 'today', 'yesterday', 'week', 'month']
    .map((name) => `<div><dt>${t[name]}</dt><dd>${number(lang, data.counts[name])}</dd></div>`)
    .join('');
  const dayLabel = (day) => (lang === 'vi' ? `${day.slice(8)}/${day.slice(5, 7)}` : day.slice(5));
  const days = barChart(data.days.map((d) => d.visits), data.days.map((d) => dayLabel(d.day)), { lang, tick: 15, caption: t.days });
  const hours = barChart(data.hours, data.hours.map((_, h) => `${h}${lang === 'vi' ? 'h' : ':00'}`), { lang, tick: 3, caption: t.hours });
  const rows = data.paths.length
    ? data.paths.map((p) => `<tr><td>${p.path === OTHER_PATHS ? t.other : escapeHtml(p.path)}</td><td class="n">${number(lang, p.visits)}</td></tr>`).join('')
    : `<tr><td colspan="2">${t.none}</td></tr>`;
  return `<nav>${nav}</nav><h1>${t.title}${data.sites.length > 1 ? `: ${escapeHtml(data.site)}` : ''}</h1>
<dl>${counts}</dl>
<h2>${t.days}</h2>${days}
<h2>${t.hours}</h2>${hours}
<h2>${t.paths}</h2><table><thead><tr><th>${t.path}</th><th class="n">${t.visits}</th></tr></thead><tbody>${rows}</tbody></table>
<p>${t.privacy}</p>`;
}
