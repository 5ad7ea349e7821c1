/**
 * The `--news-` custom properties as Storybook controls: their names and
 * descriptions from custom-elements.json (each element's `@cssprop` JSDoc),
 * their defaults from the elements' own styles (the fallback of each
 * `var(--news-…, fallback)`), so the table says what a property is when left
 * empty, and stays true when a style changes.
 */
import { getCustomElements } from '@storybook/web-components-vite';
import type { InputType } from 'storybook/internal/types';

interface ManifestElement {
  tagName?: string;
  cssProperties?: { name: string; description?: string }[];
}

/** Every `--news-` property any element declares, with the elements that read it, sorted by name. */
export function customProperties(): Map<string, { description: string; tags: string[] }> {
  const manifest = getCustomElements() as { modules?: { declarations?: ManifestElement[] }[] } | undefined;
  const found = new Map<string, { description: string; tags: string[] }>();
  for (const declaration of (manifest?.modules ?? []).flatMap((module) => module.declarations ?? [])) {
    for (const property of declaration.cssProperties ?? []) {
      if (!property.name.startsWith('--news-') || !declaration.tagName) continue;
      const entry = found.get(property.name) ?? { description: property.description ?? '', tags: [] };
      entry.tags.push(declaration.tagName);
      found.set(property.name, entry);
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)));
}

/** The text of an element's styles, as Lit adopted them (CSSResult or CSSStyleSheet). */
function styleText(tag: string): string {
  const element = customElements.get(tag) as { elementStyles?: (CSSStyleSheet | { cssText: string })[] } | undefined;
  return (element?.elementStyles ?? [])
    .map((style) => ('cssText' in style ? style.cssText : [...style.cssRules].map((rule) => rule.cssText).join('\n')))
    .join('\n');
}

/** The fallback of each `var(<name>, fallback)` in `css`, read up to its closing parenthesis. */
function fallbacks(css: string, name: string): string[] {
  const found: string[] = [];
  const opening = `var(${name},`;
  for (let at = css.indexOf(opening); at >= 0; at = css.indexOf(opening, at + 1)) {
    let depth = 1;
    let end = at + opening.length;
    for (; end < css.length && depth > 0; end++) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')') depth--;
    }
    found.push(css.slice(at + opening.length, end - 1).trim().replace(/\s+/g, ' '));
  }
  return found;
}

/**
 * A property's default as the table shows it: its fallback in the styles of
 * the elements that read it (each element's, when they differ).
 */
export function propertyDefault(name: string, tags: string[]): string | undefined {
  const byValue = new Map<string, string[]>();
  for (const tag of tags) {
    for (const value of new Set(fallbacks(styleText(tag), name))) byValue.set(value, [...(byValue.get(value) ?? []), tag]);
  }
  if (byValue.size <= 1) return [...byValue.keys()][0];
  return [...byValue].map(([value, where]) => `${value} (${where.join(', ')})`).join('; ');
}

/** A color picker for colors, a text field for lengths, ratios, weights and counts. */
export const propertyControl = (name: string) => (/color/.test(name) ? { type: 'color' as const } : { type: 'text' as const });

/** argTypes for stories without a `component`: every custom property, with its control and default. */
export function customPropertyArgTypes(): Record<string, InputType> {
  return Object.fromEntries(
    [...customProperties()].map(([name, { description, tags }]) => [
      name,
      {
        name,
        description: `${description} (${tags.map((tag) => `<${tag}>`).join(', ')})`,
        control: propertyControl(name),
        table: {
          category: 'css custom properties',
          type: { summary: 'CSS' },
          // No fallback in the styles: the property is unset unless a page sets it.
          defaultValue: { summary: propertyDefault(name, tags) ?? 'unset' },
        },
      },
    ]),
  );
}

/** The `--news-` args that have a value, as an inline style (an empty one keeps the default). */
export function themeStyle(args: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(args).filter(([name, value]) => name.startsWith('--news-') && typeof value === 'string' && value.trim()),
  ) as Record<string, string>;
}
