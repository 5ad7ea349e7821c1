/** Registers `<news-visit-counter>`. */
import { defineElement } from './define.js';
import { NewsVisitCounter } from './elements/news-visit-counter/news-visit-counter.js';

defineElement('news-visit-counter', NewsVisitCounter);

export { NewsVisitCounter };
export type { CounterStatus, CounterField, VisitCounts } from './elements/news-visit-counter/news-visit-counter.js';
