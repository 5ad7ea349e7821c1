// Writes demo/feed.json: a JSON Feed 1.1 of invented news for an invented
// ward, "Phường Thanh Bình". Seeded, so the same file comes out every time:
// `npm run demo-feed` after changing this script, then commit the result.
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../scripts/seeded-random.mjs';

const ITEM_COUNT = 240;
const END = Date.UTC(2026, 10, 25, 2); // 25/11/2026, 09:00 in Hà Nội time
const SPAN_DAYS = 730;

const random = seededRandom(20210428);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const TO_DAN_PHO = ['Tổ dân phố 1', 'Tổ dân phố 3', 'Tổ dân phố 5', 'Tổ dân phố Hương Trà', 'Tổ dân phố Đông Ba', 'Tổ dân phố An Lạc', 'Tổ dân phố 12'];
const PLACES = ['Nhà văn hóa phường', 'Hội trường UBND phường', 'Trường Tiểu học Thanh Bình', 'Trạm Y tế phường', 'Chợ Thanh Bình', 'Công viên Bờ Sông'];

const CATEGORIES = {
  economy: 'Kinh tế - Chính trị - Văn hóa - Xã hội',
  interior: 'Nội chính',
  party: 'Đảng, đoàn thể',
  defence: 'Quốc phòng - An ninh',
  notices: 'Thông báo',
  reform: 'Cải cách hành chính',
};

// Each story: category, title, summary, an image name (or null), and the
// months it can happen in (seasonal stories only).
const STORIES = [
  ['economy', 'Ra quân vệ sinh môi trường hưởng ứng "Ngày Chủ nhật xanh" tại {tdp}', 'Sáng Chủ nhật, đông đảo cán bộ và nhân dân {tdp} ra quân thu gom rác thải, phát quang bụi rậm, khơi thông cống rãnh trên các tuyến kiệt, hẻm.', 'moi-truong'],
  ['economy', 'Phường Thanh Bình trao 45 suất quà cho hộ nghèo, hộ cận nghèo dịp Tết', 'UBND phường phối hợp với các nhà hảo tâm trao quà, mỗi suất gồm gạo, dầu ăn và tiền mặt, giúp các hộ khó khăn đón Tết đầm ấm.', 'trao-qua', [1, 2]],
  ['economy', 'Khai giảng lớp dạy nghề may công nghiệp cho lao động nữ', 'Lớp học kéo dài ba tháng tại {place}, do Hội Liên hiệp Phụ nữ phường phối hợp với Trung tâm Giáo dục nghề nghiệp tổ chức.', null],
  ['economy', 'Tuyên truyền phòng, chống sốt xuất huyết tại {tdp}', 'Trạm Y tế phường cùng cộng tác viên đến từng hộ gia đình hướng dẫn diệt lăng quăng, úp đổ dụng cụ chứa nước đọng.', 'y-te'],
  ['economy', 'Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm {year} tại {tdp}', 'Ngày hội có phần lễ ôn lại truyền thống Mặt trận Tổ quốc Việt Nam và phần hội với các trò chơi dân gian, văn nghệ quần chúng.', 'le-hoi'],
  ['economy', 'Tiêm vắc-xin phòng bệnh cho trẻ em dưới 5 tuổi đợt {n} năm {year}', 'Buổi tiêm chủng diễn ra tại {place}; phụ huynh mang theo sổ tiêm chủng và theo dõi trẻ 30 phút sau tiêm.', 'y-te'],
  ['economy', 'Hội thi "Gia đình văn hóa tiêu biểu" phường Thanh Bình năm {year}', 'Tám gia đình tiêu biểu đến từ các tổ dân phố tham gia phần thi giới thiệu, ứng xử và năng khiếu.', 'le-hoi'],
  ['economy', 'Khánh thành tuyến kiệt bê tông tại {tdp} do nhân dân đóng góp', 'Tuyến kiệt dài 180 m, rộng 3 m, kinh phí do nhân dân đóng góp và ngân sách phường hỗ trợ.', 'cong-trinh'],
  ['economy', 'Kết quả thu ngân sách {quarter} tháng đầu năm {year}', 'Tổng thu ngân sách trên địa bàn đạt khá so với dự toán; phường tiếp tục rà soát các khoản thu phí, lệ phí.', null],
  ['interior', 'Thông báo lịch tiếp công dân của Chủ tịch UBND phường tháng {month}/{year}', 'Chủ tịch UBND phường tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại trụ sở Ban Tiếp công dân.', null],
  ['interior', 'Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân năm {year}', 'Người dân nêu các ý kiến về chỉnh trang đô thị, cấp giấy chứng nhận quyền sử dụng đất và thu gom rác thải.', 'hoi-nghi'],
  ['interior', 'Phường Thanh Bình triển khai công tác phòng, chống tham nhũng, tiêu cực năm {year}', 'Hội nghị quán triệt các văn bản mới và giao nhiệm vụ cụ thể cho từng bộ phận chuyên môn.', 'hoi-nghi'],
  ['interior', 'Hòa giải thành công vụ tranh chấp ranh giới đất tại {tdp}', 'Tổ hòa giải cơ sở đã kiên trì vận động, giúp hai gia đình thống nhất mốc giới, giữ tình làng nghĩa xóm.', null],
  ['party', 'Đại hội Chi bộ {tdp} nhiệm kỳ 2025 - 2030', 'Đại hội đánh giá kết quả thực hiện nghị quyết nhiệm kỳ qua, đề ra phương hướng và bầu Chi ủy nhiệm kỳ mới.', 'hoi-nghi'],
  ['party', 'Đảng ủy phường tổ chức Hội nghị sơ kết công tác {quarter} tháng năm {year}', 'Hội nghị đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị và bàn giải pháp cho những tháng cuối năm.', 'hoi-nghi'],
  ['party', 'Đoàn Thanh niên phường ra quân Chiến dịch Thanh niên tình nguyện hè {year}', 'Đoàn viên thanh niên tham gia dọn vệ sinh, sơn sửa nhà văn hóa và tổ chức sân chơi cho thiếu nhi.', 'thanh-nien', [5, 6, 7]],
  ['party', 'Hội Cựu chiến binh phường tổng kết phong trào "Cựu chiến binh gương mẫu"', 'Nhiều hội viên được khen thưởng vì có thành tích xuất sắc trong phát triển kinh tế gia đình và giữ gìn an ninh khu dân cư.', null],
  ['party', 'Hội Liên hiệp Phụ nữ phường tổ chức tọa đàm kỷ niệm Ngày Phụ nữ Việt Nam 20/10', 'Buổi tọa đàm tôn vinh những hội viên tiêu biểu và trao học bổng cho con em hội viên vượt khó học giỏi.', 'trao-qua', [10]],
  ['party', 'Lễ kết nạp đảng viên mới tại Chi bộ {tdp}', 'Hai quần chúng ưu tú được kết nạp vào Đảng, trong đó có một đoàn viên thanh niên tiêu biểu.', null],
  ['defence', 'Công an phường tuyên truyền phòng cháy, chữa cháy tại các hộ kinh doanh', 'Cán bộ Công an phường hướng dẫn sử dụng bình chữa cháy và kiểm tra điều kiện an toàn tại các cơ sở kinh doanh.', 'an-ninh'],
  ['defence', 'Lễ giao nhận quân năm {year}: phường Thanh Bình hoàn thành chỉ tiêu', 'Các tân binh lên đường nhập ngũ trong không khí phấn khởi, nhận lời dặn dò và quà động viên của địa phương.', 'an-ninh', [2, 3]],
  ['defence', 'Ra mắt mô hình "Camera an ninh" tại {tdp}', 'Mô hình do nhân dân đóng góp lắp đặt, góp phần phòng ngừa trộm cắp và giữ gìn trật tự khu dân cư.', null],
  ['defence', 'Tập huấn nghiệp vụ cho lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở', 'Lớp tập huấn trang bị kiến thức pháp luật và kỹ năng xử lý tình huống cho các thành viên tổ bảo vệ.', 'an-ninh'],
  ['notices', 'Thông báo tạm ngừng cấp điện khu vực {tdp} ngày {day}/{month}', 'Điện lực thông báo tạm ngừng cấp điện từ 7 giờ đến 16 giờ để bảo dưỡng lưới điện; mong người dân thông cảm.', null],
  ['notices', 'Thông báo thu thuế sử dụng đất phi nông nghiệp năm {year}', 'Các hộ gia đình, cá nhân nộp thuế tại Bộ phận Một cửa hoặc nộp trực tuyến qua Cổng Dịch vụ công quốc gia.', null],
  ['notices', 'Thông báo lịch thu gom rác thải sinh hoạt mới từ tháng {month}/{year}', 'Xe thu gom đi qua các tuyến đường chính từ 17 giờ đến 20 giờ hằng ngày; đề nghị người dân để rác đúng giờ.', 'moi-truong'],
  ['notices', 'Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo năm {year}', 'Danh sách được niêm yết tại trụ sở UBND phường và nhà văn hóa các tổ dân phố trong 7 ngày làm việc.', null],
  ['reform', 'Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia', 'Người dân có thể đăng ký khai sinh, thường trú và chứng thực bản sao trực tuyến, không cần đến trụ sở.', 'mot-cua'],
  ['reform', 'Bộ phận Một cửa phường tiếp nhận {n}00 hồ sơ trong tháng {month}/{year}', 'Toàn bộ hồ sơ được giải quyết đúng hạn; tỷ lệ hồ sơ nộp trực tuyến tiếp tục tăng so với tháng trước.', 'mot-cua'],
  ['reform', 'Cấp căn cước cho người dân vào ngày thứ Bảy và Chủ nhật', 'Công an phường bố trí cán bộ làm việc cả ngày nghỉ để người dân đi làm vẫn kịp làm thủ tục cấp căn cước.', 'mot-cua'],
  ['reform', 'Khảo sát mức độ hài lòng của người dân về dịch vụ hành chính công năm {year}', 'Phiếu khảo sát được phát tại Bộ phận Một cửa và trên trang thông tin điện tử của phường.', null],
];

const QUARTERS = { 3: '3', 6: '6', 9: '9' };

function fill(template, date) {
  const month = date.getUTCMonth() + 1;
  const quarter = QUARTERS[Math.max(3, Math.min(9, Math.floor(month / 3) * 3))] ?? '6';
  return template
    .replaceAll('{tdp}', pick(TO_DAN_PHO))
    .replaceAll('{place}', pick(PLACES))
    .replaceAll('{year}', String(date.getUTCFullYear()))
    .replaceAll('{month}', String(month))
    .replaceAll('{day}', String(between(1, 28)))
    .replaceAll('{quarter}', quarter)
    .replaceAll('{n}', String(between(1, 4)));
}

const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 70);

const items = [];
let time = END;
for (let i = 0; i < ITEM_COUNT; i++) {
  // Office hours in Vietnam (UTC+7): 07:00 to 17:59.
  const day = new Date(time);
  const published = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), between(0, 10), between(0, 59)));
  const month = published.getUTCMonth() + 1;
  let story = pick(STORIES);
  while (story[4] && !story[4].includes(month)) story = pick(STORIES);
  const [category, title, summary, image] = story;
  const id = String(ITEM_COUNT - i + 1000);
  const filledTitle = fill(title, published);
  const item = {
    id,
    url: `article.html?id=${id}&tin=${slug(filledTitle)}`,
    title: filledTitle,
    summary: fill(summary, published),
    date_published: published.toISOString().replace('.000Z', 'Z'),
    tags: [CATEGORIES[category]],
    authors: [{ name: pick(['Văn phòng HĐND - UBND phường', 'Ban Tuyên giáo Đảng ủy', 'Đoàn Thanh niên phường', 'Công an phường', 'Bộ phận Một cửa']) }],
  };
  if (image && random() < 0.7) item.image = `images/${image}.svg`;
  items.push(item);
  time -= Math.round(((SPAN_DAYS / ITEM_COUNT) * (0.4 + random() * 1.2)) * 86_400_000);
}

const feed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Tin tức - Phường Thanh Bình',
  home_page_url: 'index.html',
  feed_url: 'feed.json',
  language: 'vi',
  description: 'Tin tức, thông báo của Đảng ủy, HĐND, UBND phường Thanh Bình (dữ liệu minh họa, không có thật).',
  items,
};
writeFileSync(new URL('./feed.json', import.meta.url), `${JSON.stringify(feed, null, 1)}\n`);
const first = items.at(-1).date_published;
console.log(`demo/feed.json: ${items.length} items from ${first} to ${items[0].date_published}`);
