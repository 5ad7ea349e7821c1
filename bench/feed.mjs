// A JSON Feed of `count` invented ward news items, the same every time:
// Vietnamese titles and summaries, categories, images, one item every few hours.
import { seededRandom } from '../scripts/seeded-random.mjs';

const CATEGORIES = ['Kinh tế - Chính trị - Văn hóa - Xã hội', 'Nội chính', 'Đảng, đoàn thể', 'Quốc phòng - An ninh', 'Thông báo', 'Cải cách hành chính'];
const PLACES = ['tổ dân phố Hương Trà', 'tổ dân phố Đông Ba', 'Nhà văn hóa phường', 'Trạm Y tế phường', 'chợ Thanh Bình', 'Trường Tiểu học Thanh Bình'];
const SUBJECTS = [
  'Hội nghị sơ kết công tác 6 tháng đầu năm tại', 'Ra quân vệ sinh môi trường "Ngày Chủ nhật xanh" ở', 'Tuyên truyền phòng, chống dịch bệnh tại',
  'Trao quà cho hộ nghèo, hộ cận nghèo ở', 'Lịch tiếp công dân của Chủ tịch UBND phường tại', 'Diễn tập phòng cháy, chữa cháy tại',
  'Khai giảng lớp bồi dưỡng lý luận chính trị ở', 'Kiểm tra trật tự đô thị, lấn chiếm vỉa hè quanh',
];

let random = seededRandom(7);
const pick = (list) => list[Math.floor(random() * list.length)];

/** `count` items, the same for the same seed; `site` keeps two sites' URLs and ids apart. */
function makeItems(count, seed, site) {
  random = seededRandom(seed);
  const end = Date.UTC(2021, 5, 30, 3);
  return Array.from({ length: count }, (_, i) => {
    const place = pick(PLACES);
    return {
      id: `tin-${count - i}`,
      url: `https://${site}.example.vn/tin-tuc/${count - i}.html`,
      title: `${pick(SUBJECTS)} ${place} (${i + 1})`,
      summary: `Sáng nay, cán bộ và nhân dân ${place} đã tham gia đông đủ. Ban chỉ đạo phường đánh giá cao tinh thần trách nhiệm, đề ra nhiệm vụ trọng tâm thời gian tới & kế hoạch thực hiện.`,
      image: `https://${site}.example.vn/uploads/anh-${i % 40}.jpg`,
      // Sites publish at different hours: the merged list interleaves them.
      date: new Date(end - i * 5 * 3_600_000 - (seed - 7) * 1_800_000),
      tag: pick(CATEGORIES),
    };
  });
}

/** A JSON Feed of `count` items. */
export function makeFeed(count, seed = 7, site = 'thanhbinh') {
  const items = makeItems(count, seed, site).map(({ date, tag, ...item }) => ({
    ...item,
    date_published: date.toISOString().replace('.000Z', '+00:00'),
    tags: [tag],
    authors: [{ name: 'Ban biên tập' }],
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin tức Phường Thanh Bình', home_page_url: `https://${site}.example.vn/`, items });
}

const xmlText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A portal's RSS 2.0 of `count` items, pictures in the description as portals put them. */
export function makeRss(count, seed = 8, site = 'phuhau') {
  const items = makeItems(count, seed, site).map(({ id, url, title, summary, image, date, tag }) => `<item><title>${xmlText(title)}</title>
<link>${url}</link><guid isPermaLink="false">${id}</guid><pubDate>${date.toUTCString()}</pubDate><category>${xmlText(tag)}</category>
<description><![CDATA[<img src="${image}"> ${summary}]]></description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin tức Phường Phú Hậu</title><link>https://${site}.example.vn/</link>\n${items.join('\n')}\n</channel></rss>`;
}

/** WordPress REST posts (`?_embed`) of `count` items. */
export function makeWordPress(count, seed = 9, site = 'tayloc') {
  return JSON.stringify(makeItems(count, seed, site).map(({ id, url, title, summary, image, date, tag }, i) => ({
    id: count - i,
    date_gmt: date.toISOString().slice(0, 19),
    link: url,
    slug: id,
    title: { rendered: xmlText(title) },
    excerpt: { rendered: `<p>${xmlText(summary)}</p>` },
    _embedded: {
      'wp:featuredmedia': [{ source_url: image, alt_text: '' }],
      'wp:term': [[{ taxonomy: 'category', name: xmlText(tag) }]],
    },
  })));
}
