/** UI text of `<news-search>`; the result count ("12 kết quả") is `results` in strings.ts. */
const vi = { label: 'Tìm kiếm thông tin', submit: 'Tìm kiếm' };
const en: typeof vi = { label: 'Search news', submit: 'Search' };

export const searchStrings = (lang: string | null | undefined) => (lang === 'en' ? en : vi);
