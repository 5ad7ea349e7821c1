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

export function makeFeed(count) {
  random = seededRandom(7);
  const end = Date.UTC(2021, 5, 30, 3);
  const items = Array.from({ length: count }, (_, i) => {
    const place = pick(PLACES);
    return {
      id: `tin-${count - i}`,
      url: `https://thanhbinh.example.vn/tin-tuc/${count - i}.html`,
      title: `${pick(SUBJECTS)} ${place} (${i + 1})`,
      summary: `Sáng nay, cán bộ và nhân dân ${place} đã tham gia đông đủ. Ban chỉ đạo phường đánh giá cao tinh thần trách nhiệm, đề ra nhiệm vụ trọng tâm thời gian tới & kế hoạch thực hiện.`,
      image: `https://thanhbinh.example.vn/uploads/anh-${i % 40}.jpg`,
      date_published: new Date(end - i * 5 * 3_600_000).toISOString().replace('.000Z', '+00:00'),
      tags: [pick(CATEGORIES)],
      authors: [{ name: 'Ban biên tập' }],
    };
  });
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin tức Phường Thanh Bình', home_page_url: 'https://thanhbinh.example.vn/', items });
}
