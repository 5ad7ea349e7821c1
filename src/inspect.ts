/** news-widgets/inspect.js: the feed diagnosis alone, without the elements or Lit (what a configurator loads). */
export { inspectFeed, suggestDateFormat, INSPECTED_FIELDS } from './feed/inspect.js';
export type {
  FeedAccess, FeedInspection, InspectedField, InspectedFormat, InspectOptions, JsonField, JsonList,
} from './feed/inspect.js';
export { feedErrorMessage } from './i18n/strings.js';
export type { FeedMap } from './feed/types.js';
export type { LoadErrorInfo } from './net/load-error.js';
