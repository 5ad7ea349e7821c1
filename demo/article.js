// The demo's article page: shows one item of the demo feed as text, and
// leaves it out of the "Các tin khác" box beside it.
const id = new URLSearchParams(location.search).get('id') ?? '';
const others = document.getElementById('other-news');
others.setAttribute('exclude', id);

const feed = await (await fetch('feed.json')).json();
const item = feed.items.find((entry) => entry.id === id);
if (item) {
  document.title = `${item.title} - Phường Thanh Bình`;
  document.getElementById('title').textContent = item.title;
  const date = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
  document.getElementById('date').textContent = `Ngày cập nhật ${date.format(new Date(item.date_published))}`;
  document.getElementById('summary').textContent = item.summary;
}
