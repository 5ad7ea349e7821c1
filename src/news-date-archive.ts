/** Registers `<news-date-archive>`. */
import { defineElement } from './define.js';
import { NewsDateArchive } from './elements/news-date-archive/news-date-archive.js';

defineElement('news-date-archive', NewsDateArchive);

export { NewsDateArchive };
export type { ArchiveView, ArchiveChangeDetail } from './elements/news-date-archive/news-date-archive.js';
