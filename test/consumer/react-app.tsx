// A React 19 app's TSX against the packed package: every element with typed
// props and events, through `news-widgets/react`. consumer.test.mjs
// type-checks it (tsconfig.react.json). Each `@ts-expect-error` is a
// deliberate mistake that must stay an error: were a prop or an event's
// detail `any`, or the elements unknown to JSX, the check fails.
import type {} from 'news-widgets/react';
import 'news-widgets';
import type { NewsFeed, NewsItem } from 'news-widgets';
import { useRef, useState } from 'react';

export function WardNews() {
  const feed = useRef<NewsFeed>(null);
  const [shown, setShown] = useState<NewsItem[]>([]);
  return (
    <main className="ward">
      <news-category-tabs for="tin-tuc" value="an-ninh" allLabel="Tất cả tin" lang="vi" onchange={(event) => console.log(event.detail.value)} />
      <news-search for="tin-tuc" value="" placeholder="Tìm tin" debounce={300} href="/tim-kiem" lang="en"
        onchange={(event) => event.detail.href?.startsWith('/')} />
      <news-date-archive for="tin-tuc" value="2025-03-08" month="2025-03" min="2020-01" max="2025-12" href="/luu-tru" daysSrc="/api/days"
        view="months" lang="vi" timezone="Asia/Ho_Chi_Minh" onchange={(event) => event.detail.value.length} onnews-error={(event) => event.detail.kind} />
      <news-feed id="tin-tuc" ref={feed} src="/feed.json" relay="/api/feed" format="rss" map={{ items: 'd', title: 'TieuDe' }} dateFormat="dd/MM/yyyy"
        limit={5} paging="more" page={2} category="an-ninh" date="" month="" query="" layout="cards" hide="summary" exclude="/tin/1"
        lang="vi" timezone="Asia/Ho_Chi_Minh" headingLevel={2} target="_blank" syncUrl style={{ marginTop: 8 }}
        onnews-load={(event) => setShown(event.detail.items)} onnews-change={(event) => event.detail.page + 1}
        onnews-error={(event) => event.detail.message} />
      <news-visit-counter src="/api/visits" map="" count refresh={30} rows="total today week" hide="online" lang="en"
        onnews-error={(event) => event.detail.status} />
      <p>{shown.length} tin · {feed.current?.total}</p>

      {/* @ts-expect-error `limit` is a number. */}
      <news-feed limit="ten" />
      {/* @ts-expect-error `layout` is 'list' | 'cards' | 'compact'. */}
      <news-feed layout="grid" />
      {/* @ts-expect-error `count` is a boolean. */}
      <news-visit-counter count="yes" />
      {/* @ts-expect-error no such property. */}
      <news-search notAProperty="1" />
      {/* @ts-expect-error the detail of news-load has no `value`. */}
      <news-feed onnews-load={(event) => event.detail.value} />
      {/* @ts-expect-error the tabs' change detail's value is a string. */}
      <news-category-tabs onchange={(event) => event.detail.value.toFixed()} />
      {/* @ts-expect-error the ref is of the element's class. */}
      <news-search ref={feed} />
    </main>
  );
}
