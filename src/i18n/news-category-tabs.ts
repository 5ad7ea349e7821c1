/** UI text of `<news-category-tabs>`. */
const vi = { all: 'Tất cả', label: 'Chuyên mục' };
const en: typeof vi = { all: 'All', label: 'Categories' };

export const tabsStrings = (lang: string | null | undefined) => (lang === 'en' ? en : vi);
