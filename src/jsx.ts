/**
 * The elements as JSX sees them, for any runtime that, as React 19 and
 * Preact do, sets a custom element's property when it has one and turns
 * `on<event>` into a listener for the event of that exact name
 * (`onnews-load`, `onchange`). Types only: `news-widgets/react` puts them in
 * React's JSX; the package check keeps every attribute and event of
 * custom-elements.json here.
 */
import type { ValueChangeDetail } from './events.js';
import type { ArchiveChangeDetail, NewsDateArchive } from './news-date-archive.js';
import type { NewsCategoryTabs } from './news-category-tabs.js';
import type { NewsFeed } from './news-feed.js';
import type { NewsSearch } from './news-search.js';
import type { NewsVisitCounter } from './news-visit-counter.js';

/** A listener prop for each event: `onnews-load` for `news-load`. */
export type EventProps<Events> = { [Name in keyof Events as `on${Name & string}`]?: (event: Events[Name]) => void };

/** The properties behind the attributes, typed as on the class, and the events. */
export type ElementProps<Element, Properties extends keyof Element, Events> = Partial<Pick<Element, Properties>> & EventProps<Events>;

type Change<Detail> = { change: CustomEvent<Detail> };
type Fired<Name extends keyof HTMLElementEventMap> = Pick<HTMLElementEventMap, Name>;

export interface NewsWidgetsElements {
  'news-feed': ElementProps<NewsFeed,
    | 'src' | 'relay' | 'format' | 'map' | 'dateFormat' | 'limit' | 'paging' | 'page' | 'category' | 'date' | 'month' | 'query'
    | 'layout' | 'hide' | 'exclude' | 'lang' | 'timezone' | 'headingLevel' | 'target' | 'syncUrl',
    Fired<'news-load' | 'news-error' | 'news-change'>>;
  'news-category-tabs': ElementProps<NewsCategoryTabs, 'for' | 'value' | 'allLabel' | 'lang', Change<ValueChangeDetail>>;
  'news-date-archive': ElementProps<NewsDateArchive,
    'for' | 'value' | 'month' | 'min' | 'max' | 'href' | 'daysSrc' | 'view' | 'lang' | 'timezone',
    Change<ArchiveChangeDetail> & Fired<'news-error'>>;
  'news-search': ElementProps<NewsSearch, 'for' | 'value' | 'placeholder' | 'debounce' | 'href' | 'lang', Change<ValueChangeDetail>>;
  'news-visit-counter': ElementProps<NewsVisitCounter, 'src' | 'map' | 'count' | 'refresh' | 'rows' | 'hide' | 'lang', Fired<'news-error'>>;
}
