/** UI text of `<news-visit-counter>`. */
import type { LoadErrorInfo } from '../net/load-error.js';

export interface CounterStrings {
  total: string;
  online: string;
  today: string;
  yesterday: string;
  week: string;
  month: string;
  /** Read after a number from before a failed re-read. */
  stale: string;
  loading: string;
  /** Read out in place of "—". */
  noNumber: string;
  error: (info: LoadErrorInfo) => string;
}

const vi: CounterStrings = {
  total: 'Truy cập tổng',
  online: 'Truy cập hiện tại',
  today: 'Hôm nay',
  yesterday: 'Hôm qua',
  week: 'Tuần này',
  month: 'Tháng này',
  stale: '(có thể chưa cập nhật)',
  loading: 'Đang tải số liệu truy cập…',
  noNumber: 'không có số liệu',
  error: ({ kind, url, status, seconds, field }) =>
    !url
      ? 'Chưa có địa chỉ bộ đếm truy cập: hãy đặt thuộc tính src.'
      : field === 'map'
        ? 'Thuộc tính map của bộ đếm truy cập không phải JSON hợp lệ, ví dụ {"total": "data.tong"}.'
        : `Bộ đếm truy cập ${url} ${
            kind === 'network'
              ? 'không kết nối được. Kiểm tra địa chỉ, mạng, và máy chủ bộ đếm có cho phép trang này gọi (CORS) không.'
              : kind === 'timeout'
                ? `không trả lời sau ${seconds} giây.`
                : kind === 'http'
                  ? `trả về lỗi HTTP ${status}.`
                  : kind === 'parse'
                    ? 'không trả về JSON.'
                    : `không có số ${field} hợp lệ.`
          }`,
};

const en: CounterStrings = {
  total: 'Total visits',
  online: 'Online now',
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'This week',
  month: 'This month',
  stale: '(may be out of date)',
  loading: 'Loading visit numbers…',
  noNumber: 'no number',
  error: ({ kind, url, status, seconds, field }) =>
    !url
      ? 'No visit counter address: set the src attribute.'
      : field === 'map'
        ? 'The visit counter\'s map attribute is not valid JSON, e.g. {"total": "data.all"}.'
        : `The visit counter ${url} ${
            kind === 'network'
              ? 'could not be reached. Check the address, the network, and that its server allows this page to call it (CORS).'
              : kind === 'timeout'
                ? `did not answer within ${seconds} seconds.`
                : kind === 'http'
                  ? `answered with HTTP error ${status}.`
                  : kind === 'parse'
                    ? 'did not answer with JSON.'
                    : `has no valid ${field} number.`
          }`,
};

export const counterStrings = (lang: string | null | undefined): CounterStrings => (lang === 'en' ? en : vi);
