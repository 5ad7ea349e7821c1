// What the floor pages share: the least a page can do to show ten items, and
// to search every item as a reader types (folded keys made once, up front).
const dates = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

const element = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** One item ({ title, url, image, tags, summary, date }) as the DOM API builds it. */
function buildItem(item) {
  const heading = element('div', { role: 'heading' }, element('a', { href: item.url, textContent: item.title }));
  heading.setAttribute('aria-level', '3');
  const time = element('time', { dateTime: item.date.toISOString(), textContent: dates.format(item.date) });
  return element('li', {},
    element('img', { src: item.image, alt: '', loading: 'lazy', width: 400, height: 300 }),
    element('div', {}, heading, element('p', { className: 'meta' }, time, ' ', element('span', { textContent: item.tags.join(', ') })),
      element('p', { className: 'summary', textContent: item.summary })));
}

/** A list of the first ten items, appended to the page. */
export function showList(items) {
  const list = element('ul');
  list.append(...items.slice(0, 10).map(buildItem));
  document.body.append(list);
  return list;
}

/** Lower case, without marks: "Đảng" and "dang" match. */
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').toLowerCase();

/**
 * A search over `items`, their keys folded now: each call shows, in `list`,
 * the first ten items whose title, summary or tags hold every word typed, and
 * their count in `status`.
 */
export function searchOver(items, list, status) {
  const keys = items.map((item) => fold(`${item.title} ${item.summary} ${item.tags.join(' ')}`));
  return (query) => {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const found = [];
    for (let i = 0; i < keys.length; i++) if (terms.every((term) => keys[i].includes(term))) found.push(items[i]);
    status.textContent = `${found.length} tin`;
    list.replaceChildren(...found.slice(0, 10).map(buildItem));
  };
}
