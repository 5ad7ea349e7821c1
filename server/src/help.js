// The command line, described once in English and Vietnamese: `--help`
// prints it (in Vietnamese when the locale is vi, e.g. LANG=vi_VN.UTF-8),
// and scripts/docs.mjs writes the options tables of server/README.md and
// README.vi.md from the same entries (`node scripts/docs.mjs --check` fails
// when they differ). cli.js's parseArgs options are made from them too, so an
// option cannot exist undocumented.

/**
 * One option: `name` as parseArgs knows it, its argument, environment
 * variable and default (a string; or { en, vi } for the README's table only,
 * where the text already says it), and what it does.
 */
const option = (name, { short, arg, multiple, env, defaults, en, vi }) => ({ name, short, arg, multiple, env, defaults, en, vi });

export const OPTION_GROUPS = [
  {
    options: [
      option('port', { short: 'p', arg: '<n>', env: 'PORT', defaults: '8787', en: 'port to listen on', vi: 'cổng lắng nghe' }),
      option('host', {
        arg: '<address>', env: 'HOST', defaults: '127.0.0.1',
        en: 'address to listen on (0.0.0.0 for every interface)',
        vi: 'địa chỉ lắng nghe (0.0.0.0 cho mọi giao diện mạng)',
      }),
      option('db', {
        arg: '<file>', env: 'NEWS_DB', defaults: './data/visits.db',
        en: 'SQLite database (WAL), created when missing',
        vi: 'cơ sở dữ liệu SQLite (WAL), tạo khi chưa có',
      }),
      option('redis', {
        arg: '<url>', env: 'REDIS_URL',
        en: 'keep the counts in Redis (6.2+) instead, so several instances agree, e.g. redis://127.0.0.1:6379',
        vi: 'lưu số đếm bằng Redis (6.2+) thay vì SQLite, để nhiều máy chủ dùng chung, ví dụ redis://127.0.0.1:6379',
      }),
      option('redis-prefix', { arg: '<p>', defaults: 'news-widgets:', en: 'prefix of every Redis key', vi: 'tiền tố của mọi khóa Redis' }),
      option('origin', {
        arg: '<origin>', multiple: true, env: 'NEWS_ORIGINS', defaults: { en: "only the server's own pages", vi: 'chỉ trang của chính máy chủ' },
        en: 'a site allowed to call the API from its pages (CORS), e.g. https://phuongA.gov.vn; repeat or separate with commas; * for any. Without it, only pages served by this server may',
        vi: 'một trang web được gọi API từ các trang của nó (CORS), ví dụ https://phuongA.gov.vn; lặp lại hoặc cách nhau bằng dấu phẩy; * là mọi trang. Không có thì chỉ các trang do chính máy chủ này phục vụ',
      }),
      option('timezone', {
        arg: '<zone>', env: 'NEWS_TIMEZONE', defaults: 'Asia/Ho_Chi_Minh',
        en: 'where "today" starts at midnight',
        vi: 'múi giờ mà "hôm nay" bắt đầu lúc nửa đêm',
      }),
      option('start-total', {
        arg: '<n>', defaults: '0',
        en: 'visits counted before this server, added to "total" of the default site (a ward that switches keeps its count)',
        vi: 'số lượt truy cập đã đếm trước máy chủ này, cộng vào "total" của trang mặc định (phường đổi sang vẫn giữ số cũ)',
      }),
      option('site', {
        arg: '<name[=n]>', multiple: true,
        en: 'one more site, counted apart as /api/visits?site=name, with its own starting total n; repeat for each',
        vi: 'thêm một trang đếm riêng, ở /api/visits?site=tên, với số ban đầu n của nó; lặp lại cho mỗi trang',
      }),
      option('trust-proxy', {
        arg: '<v>', defaults: { en: 'off', vi: 'tắt' },
        en: 'behind a reverse proxy, so the visitor\'s address is read from X-Forwarded-For: the number of proxies in front (1 for one nginx) or their addresses (e.g. 127.0.0.1, loopback, 10.0.0.5,10.0.0.6). Never true: it believes the address any client writes there',
        vi: 'sau một reverse proxy, để địa chỉ người xem được đọc từ X-Forwarded-For: số lớp proxy đứng trước (1 cho một nginx) hoặc địa chỉ của chúng (ví dụ 127.0.0.1, loopback, 10.0.0.5,10.0.0.6). Không bao giờ dùng true: nó tin địa chỉ bất kỳ ai ghi vào đó',
      }),
      option('max-new-per-ip', {
        arg: '<n>', env: 'NEWS_MAX_NEW_PER_IP', defaults: '300',
        en: 'new visitors one address may add an hour; past it they are answered but not counted (a mobile network puts many people behind one address; 0 for no limit)',
        vi: 'số người xem mới một địa chỉ thêm được mỗi giờ; quá thì vẫn được trả lời nhưng không được đếm (mạng di động đặt nhiều người sau một địa chỉ; 0 là không giới hạn)',
      }),
      option('max-connections', {
        arg: '<n>', env: 'NEWS_MAX_CONNECTIONS', defaults: '1000',
        en: 'connections held at once; more are closed at once',
        vi: 'số kết nối giữ cùng lúc; quá thì đóng ngay',
      }),
      option('static', {
        arg: '<[prefix=]dir>', multiple: true,
        en: 'also serve the files of dir (at prefix); repeat. Dotfiles are never served, nor files that symlinks lead to outside dir; dir may not hold the database',
        vi: 'phục vụ thêm các tệp của thư mục dir (ở tiền tố prefix); lặp lại được. Không bao giờ phục vụ tệp ẩn (dotfile), hay tệp mà symlink dẫn ra ngoài dir; dir không được chứa cơ sở dữ liệu',
      }),
      option('metrics', { en: 'Prometheus metrics at GET /metrics (off: 404)', vi: 'số liệu Prometheus ở GET /metrics (tắt: 404)' }),
      option('admin-token', {
        arg: '<t>', env: 'NEWS_ADMIN_TOKEN', defaults: { en: 'off (404)', vi: 'tắt (404)' },
        en: 'serve the operator\'s page GET /thong-ke to whoever has this token, 16 characters or more (without it, /thong-ke is 404)',
        vi: 'mở trang thống kê GET /thong-ke cho ai có mã này, ít nhất 16 ký tự (không có thì /thong-ke là 404)',
      }),
      option('log', { en: 'log every request (never the client\'s address)', vi: 'ghi nhật ký mọi yêu cầu (không bao giờ ghi địa chỉ người xem)' }),
      option('help', { short: 'h', en: 'this text', vi: 'trang hướng dẫn này' }),
      option('version', { short: 'v', en: 'the version', vi: 'phiên bản' }),
    ],
  },
  {
    title: {
      en: 'Feed relay (GET /api/feed?url=…, for <news-feed relay>), off unless hosts are listed:',
      vi: 'Chuyển tiếp tin (GET /api/feed?url=…, cho <news-feed relay>), tắt cho đến khi có máy chủ được liệt kê:',
    },
    options: [
      option('feed-host', {
        arg: '<host>', multiple: true, env: 'NEWS_FEED_HOSTS', defaults: { en: 'none: relay off', vi: 'không: tắt chuyển tiếp' },
        en: 'a host whose feeds are relayed, e.g. tinh.gov.vn, or *.tinh.gov.vn for its subdomains; repeat or separate with commas. A host listed exactly may be on a private network; others may not',
        vi: 'một máy chủ có nguồn tin được chuyển tiếp, ví dụ tinh.gov.vn, hoặc *.tinh.gov.vn cho các tên miền con; lặp lại hoặc cách nhau bằng dấu phẩy. Máy chủ ghi đúng tên được phép ở mạng nội bộ; các máy khác thì không',
      }),
      option('feed-ttl', {
        arg: '<s>', env: 'NEWS_FEED_TTL', defaults: '300',
        en: 'seconds a copy is served before the feed\'s server is asked again',
        vi: 'số giây một bản sao được dùng trước khi hỏi lại máy chủ nguồn tin',
      }),
      option('feed-max-bytes', { arg: '<n>', env: 'NEWS_FEED_MAX_BYTES', defaults: '5MB', en: 'largest feed relayed, e.g. 5MB', vi: 'nguồn tin lớn nhất được chuyển tiếp, ví dụ 5MB' }),
      option('feed-cache-bytes', {
        arg: '<n>', env: 'NEWS_FEED_CACHE_BYTES', defaults: '64MB',
        en: 'memory for copies, e.g. 64MB; with --redis the copies are also shared there',
        vi: 'bộ nhớ cho các bản sao, ví dụ 64MB; với --redis các bản sao còn được dùng chung ở đó',
      }),
      option('feed-rate', {
        arg: '<n>', env: 'NEWS_FEED_RATE', defaults: '60',
        en: 'feeds not in the cache one address may ask for per minute; cached feeds are not counted',
        vi: 'số nguồn tin chưa có bản sao một địa chỉ được hỏi mỗi phút; nguồn tin đã có bản sao không tính',
      }),
    ],
  },
];

/** parseArgs's options, from the entries above. */
export function parseArgsOptions() {
  return Object.fromEntries(OPTION_GROUPS.flatMap((group) => group.options).map(({ name, short, arg, multiple }) => [
    name,
    { type: arg ? 'string' : 'boolean', ...(short && { short }), ...(multiple && { multiple }) },
  ]));
}

const WORDS = {
  en: { env: 'env', default: 'default', option: 'option', meaning: 'meaning', none: 'none', off: 'off' },
  vi: { env: 'biến môi trường', default: 'mặc định', option: 'tuỳ chọn', meaning: 'ý nghĩa', none: 'không', off: 'tắt' },
};

const TEXT = {
  en: {
    usage: `Usage: news-widgets-server [options]
       news-widgets-server backup FILE [--db <file>]
       news-widgets-server restore FILE [--db <file>]

Counts the visits of the sites that show <news-visit-counter>:
GET /api/visits answers { total, online, today, yesterday, week, month };
POST /api/visits counts a visit (or, with { "heartbeat": true }, keeps a
visitor online).`,
    after: `GET /healthz answers while the process runs; GET /readyz while the store does
too (503 otherwise). SIGTERM or SIGINT: stop taking connections, finish the
requests in flight, close the store, exit 0.

backup FILE copies the SQLite database into FILE while the server runs (one
consistent moment, without the day's salt). restore FILE checks FILE and puts
it in place of the database; stop the server first (restore refuses while
the database is open).`,
  },
  vi: {
    usage: `Cách dùng: news-widgets-server [tuỳ chọn]
           news-widgets-server backup TỆP [--db <tệp>]
           news-widgets-server restore TỆP [--db <tệp>]

Đếm lượt truy cập của các trang có <news-visit-counter>:
GET /api/visits trả lời { total, online, today, yesterday, week, month };
POST /api/visits đếm một lượt xem (hoặc, với { "heartbeat": true }, giữ người
xem ở trạng thái trực tuyến).`,
    after: `GET /healthz trả lời khi tiến trình đang chạy; GET /readyz khi nơi lưu cũng
sẵn sàng (ngược lại 503). SIGTERM hoặc SIGINT: thôi nhận kết nối, trả lời xong
các yêu cầu đang dở, đóng nơi lưu, thoát với mã 0.

backup TỆP chép cơ sở dữ liệu SQLite vào TỆP trong khi máy chủ chạy (một thời
điểm nhất quán, không kèm muối của ngày). restore TỆP kiểm tra TỆP rồi đặt nó
thay cho cơ sở dữ liệu; hãy dừng máy chủ trước (restore từ chối khi cơ sở dữ
liệu đang mở).`,
  },
};

/** `vi` when the environment's locale is Vietnamese, else `en`. */
export function helpLanguage(env = process.env) {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANGUAGE || env.LANG || '';
  return /^vi\b|^vi_/i.test(locale) ? 'vi' : 'en';
}

const flagsOf = ({ name, short, arg }) => `${short ? `-${short}, ` : '    '}--${name}${arg ? ` ${arg}` : ''}`;

/** `text` cut into lines of at most `width` characters, the first at most `first`. */
function wrap(text, width, first = width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > (lines.length ? width : first)) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const COLUMN = 26;
const WIDTH = 79;

/** One option as --help shows it: the flags, then the description wrapped beside them. */
function helpEntry(entry, lang) {
  const w = WORDS[lang];
  const notes = [entry.env && `${w.env} ${entry.env}`, typeof entry.defaults === 'string' && `${w.default} ${entry.defaults}`].filter(Boolean);
  const text = `${entry[lang]}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  // Flags too long for their column push the first line of text to the right.
  const flags = `  ${flagsOf(entry)}`.padEnd(COLUMN - 2);
  const [first, ...rest] = wrap(text, WIDTH - COLUMN, WIDTH - flags.length - 2);
  return [`${flags}  ${first}`, ...rest.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
}

/** The whole --help text in `lang`. */
export function helpText(lang = helpLanguage()) {
  const groups = OPTION_GROUPS.map((group) =>
    [...(group.title ? wrap(group.title[lang], WIDTH) : []), ...group.options.map((entry) => helpEntry(entry, lang))].join('\n'));
  return `${TEXT[lang].usage}\n\n${groups[0]}\n\n${TEXT[lang].after}\n\n${groups.slice(1).join('\n\n')}\n`;
}

/** The options as a Markdown table in `lang`, for the server's README (scripts/docs.mjs). */
export function optionsTable(lang) {
  const w = WORDS[lang];
  const cell = (text) => text.replace(/\|/g, '\\|');
  const rows = OPTION_GROUPS.flatMap((group) => group.options).filter((entry) => !['help', 'version'].includes(entry.name)).map((entry) => {
    const flags = `\`--${entry.name}${entry.arg ? ` ${entry.arg}` : ''}\`${entry.short ? `, \`-${entry.short}\`` : ''}`;
    const env = entry.env ? `; ${w.env} \`${entry.env}\`` : '';
    const value = typeof entry.defaults === 'string' ? `\`${entry.defaults}\`` : entry.defaults?.[lang] ?? (entry.arg ? w.none : w.off);
    return `| ${flags} | ${cell(entry[lang])}${env} | ${value} |`;
  });
  return [`| ${w.option} | ${w.meaning} | ${w.default} |`, '|---|---|---|', ...rows].join('\n');
}
