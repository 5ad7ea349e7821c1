/** UI text in the two languages the elements speak. */
import type { LoadErrorInfo } from '../net/load-error.js';

export interface Strings {
  loading: string;
  /** What readers see of a `cors` error; its details go to news-error and the console. */
  unreadable: string;
  empty: string;
  retry: string;
  more: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  page: (n: number) => string;
  stale: string;
  /** With several feeds: the ones that failed while the others are shown. */
  failedSources: (names: string) => string;
  results: (n: string) => string;
  error: (info: LoadErrorInfo) => string;
}

function host(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}…` : url;
}

const vi: Strings = {
  loading: 'Đang tải tin…',
  unreadable: 'Không đọc được nguồn tin này từ trang hiện tại.',
  empty: 'Không có tin nào',
  retry: 'Thử lại',
  more: 'Xem thêm',
  pagination: 'Phân trang',
  previousPage: 'Trang trước',
  nextPage: 'Trang sau',
  page: (n) => `Trang ${n}`,
  stale: 'Không tải được tin mới; đang hiện bản đã lưu, có thể đã cũ.',
  failedSources: (names) => `Không tải được tin từ ${names}; đang hiện tin của các nguồn khác.`,
  results: (n) => `${n} kết quả`,
  error(info) {
    if (!info.url) return 'Chưa có địa chỉ nguồn tin: hãy đặt thuộc tính src.';
    const url = host(info.url);
    const status = info.status ?? 0;
    switch (info.kind) {
      case 'cors':
        return `Máy chủ nguồn tin ${url} không cho phép trang này đọc (thiếu tiêu đề Access-Control-Allow-Origin, CORS). Hãy đặt thuộc tính relay của <news-feed> là địa chỉ /api/feed của news-widgets-server (relay="https://…/api/feed"), hoặc nhờ máy chủ nguồn tin thêm tiêu đề này.`;
      case 'network':
        return `Không kết nối được tới nguồn tin ${url}. Kiểm tra địa chỉ, mạng, và máy chủ nguồn tin có cho phép trang này đọc (CORS) không.`;
      case 'timeout':
        return `Nguồn tin ${url} không trả lời sau ${info.seconds ?? 10} giây.`;
      case 'http':
        return `Nguồn tin ${url} trả về lỗi HTTP ${status}${
          status === 404 ? ': không có trang này, kiểm tra lại địa chỉ'
          : status === 401 || status === 403 ? ': nguồn tin không cho đọc công khai'
          : status >= 500 ? ': máy chủ nguồn tin đang lỗi' : ''}.`;
      case 'parse':
        return info.field === 'map'
          ? 'Thuộc tính map không phải JSON hợp lệ.'
          : `Nguồn tin ${url} không đọc được như ${info.format ?? 'JSON hoặc XML'}${info.line ? ` (lỗi ở dòng ${info.line})` : ''}: nội dung hỏng hoặc sai định dạng.`;
      case 'format':
        if (info.field === 'src') return `Thuộc tính src có nhiều nguồn tin nên không dùng được các tham số như {page}, {q}: chúng chỉ dùng khi src có một nguồn tin (${url}).`;
        return `Nguồn tin ${url} không đúng định dạng ${info.format ?? ''}${info.field ? `: không có trường ${info.field}` : ''}${info.found ? ` (nhận được ${info.found})` : ''}.`;
    }
  },
};

const en: Strings = {
  loading: 'Loading news…',
  unreadable: 'This news source cannot be read from this page.',
  empty: 'No news',
  retry: 'Try again',
  more: 'Show more',
  pagination: 'Pagination',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: (n) => `Page ${n}`,
  stale: 'Could not load fresh news; showing a saved copy that may be out of date.',
  failedSources: (names) => `Could not load news from ${names}; showing the other feeds' news.`,
  results: (n) => `${n} ${n === '1' ? 'result' : 'results'}`,
  error(info) {
    if (!info.url) return 'No feed address: set the src attribute.';
    const url = host(info.url);
    const status = info.status ?? 0;
    switch (info.kind) {
      case 'cors':
        return `The feed's server ${url} does not let this page read it (no Access-Control-Allow-Origin header, CORS). Set <news-feed>'s relay attribute to a news-widgets-server's /api/feed (relay="https://…/api/feed"), or ask the feed's server to send that header.`;
      case 'network':
        return `Could not reach the feed ${url}. Check the address, the network, and that the feed's server allows this page to read it (CORS).`;
      case 'timeout':
        return `The feed ${url} did not answer within ${info.seconds ?? 10} seconds.`;
      case 'http':
        return `The feed ${url} answered with HTTP error ${status}${
          status === 404 ? ': no such page, check the address'
          : status === 401 || status === 403 ? ': the feed is not public'
          : status >= 500 ? ': the feed\'s server is failing' : ''}.`;
      case 'parse':
        return info.field === 'map'
          ? 'The map attribute is not valid JSON.'
          : `The feed ${url} could not be read as ${info.format ?? 'JSON or XML'}${info.line ? ` (error on line ${info.line})` : ''}: the content is broken or in another format.`;
      case 'format':
        if (info.field === 'src') return `The src attribute names several feeds, so placeholders such as {page} and {q} cannot be used: they need a single feed (${url}).`;
        return `The feed ${url} is not valid ${info.format ?? ''}${info.field ? `: it has no ${info.field} field` : ''}${info.found ? ` (got ${info.found})` : ''}.`;
    }
  },
};

export function strings(lang: string | null | undefined): Strings {
  return lang === 'en' ? en : vi;
}

/** The sentence `<news-feed>` shows for a failure, in `lang`: for tools that report the same error (a configurator). */
export function feedErrorMessage(info: LoadErrorInfo, lang?: string | null): string {
  return strings(lang).error(info);
}
