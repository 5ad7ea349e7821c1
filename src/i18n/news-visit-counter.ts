/** UI text of `<news-visit-counter>`. */
import type { FeedErrorInfo } from '../feed/types.js';

export interface CounterStrings {
  total: string;
  online: string;
  today: string;
  loading: string;
  /** Read out in place of "—". */
  noNumber: string;
  error: (info: FeedErrorInfo) => string;
}

const vi: CounterStrings = {
  total: 'Truy cập tổng',
  online: 'Truy cập hiện tại',
  today: 'Hôm nay',
  loading: 'Đang tải số liệu truy cập…',
  noNumber: 'không có số liệu',
  error({ kind, url, status, seconds, field }) {
    if (!url) return 'Chưa có địa chỉ bộ đếm truy cập: hãy đặt thuộc tính src.';
    if (field === 'map') return 'Thuộc tính map của bộ đếm truy cập không phải JSON hợp lệ, ví dụ {"total": "data.tong"}.';
    const where = `Bộ đếm truy cập ${url}`;
    switch (kind) {
      case 'network':
        return `Không kết nối được tới bộ đếm truy cập ${url}. Kiểm tra địa chỉ, mạng, và máy chủ bộ đếm có cho phép trang này gọi (CORS) không.`;
      case 'timeout':
        return `${where} không trả lời sau ${seconds ?? 10} giây.`;
      case 'http':
        return `${where} trả về lỗi HTTP ${status ?? ''}.`;
      case 'parse':
        return `${where} không trả về JSON.`;
      default:
        return `${where} không có số ${field ?? ''} hợp lệ.`;
    }
  },
};

const en: CounterStrings = {
  total: 'Total visits',
  online: 'Online now',
  today: 'Today',
  loading: 'Loading visit numbers…',
  noNumber: 'no number',
  error({ kind, url, status, seconds, field }) {
    if (!url) return 'No visit counter address: set the src attribute.';
    if (field === 'map') return 'The visit counter\'s map attribute is not valid JSON, e.g. {"total": "data.all"}.';
    const where = `The visit counter ${url}`;
    switch (kind) {
      case 'network':
        return `Could not reach the visit counter ${url}. Check the address, the network, and that the counter's server allows this page to call it (CORS).`;
      case 'timeout':
        return `${where} did not answer within ${seconds ?? 10} seconds.`;
      case 'http':
        return `${where} answered with HTTP error ${status ?? ''}.`;
      case 'parse':
        return `${where} did not answer with JSON.`;
      default:
        return `${where} has no valid ${field ?? ''} number.`;
    }
  },
};

export const counterStrings = (lang: string | null | undefined): CounterStrings => (lang === 'en' ? en : vi);
