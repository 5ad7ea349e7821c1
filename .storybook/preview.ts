import { getCustomElements, setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';
import { withActions } from 'storybook/actions/decorator';
import { configure } from 'storybook/test';
// Written by `npm run analyze` (run first by npm run storybook / build-storybook).
import manifest from '../custom-elements.json';
import { propertyControl, propertyDefault } from '../stories/custom-properties.js';
import { installStoryRequests } from './story-requests.js';

setCustomElementsManifest(manifest);
// The stories' `__story/` requests (a hanging feed, a 503, a counter) are
// answered in the page: the static build needs no server of its own.
installStoryRequests();

// Play functions wait for real fetches, debounces and renders: allow them 5 s
// (testing-library's default is 1 s), so a busy CI machine does not fail a story.
configure({ asyncUtilTimeout: 5000 });

interface ManifestMember {
  name: string;
  privacy?: string;
  static?: boolean;
}

/** Names of an element's private, protected and static members: not part of its API. */
function internalMembers(tag: unknown): Set<string> {
  const manifest = getCustomElements() as { modules?: { declarations?: { tagName?: string; members?: ManifestMember[] }[] }[] };
  const element = (manifest?.modules ?? []).flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === tag);
  return new Set((element?.members ?? []).filter((member) => member.static || (member.privacy ?? 'public') !== 'public').map((member) => member.name));
}

/**
 * The renderer turns custom-elements.json into argTypes; this gives them
 * controls: attributes get one by their type (a union of string literals
 * becomes a choice), custom properties a color picker or a text field with
 * their default read from the element's styles (stories/support.ts's
 * attributes() sets them on the element), everything else (properties,
 * events, slots, parts) is documented but not a control, and members that
 * are not public are left out of the docs.
 */
const attributeControls: ArgTypesEnhancer = ({ argTypes, component }) => {
  const internal = internalMembers(component);
  return Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]): [string, StrictInputType] => {
      const category = argType.table?.category;
      if (category === 'properties' && internal.has(name)) return [name, { ...argType, control: false, table: { ...argType.table, disable: true } }];
      if (category === 'css custom properties') {
        const summary = argType.table?.defaultValue?.summary ?? (typeof component === 'string' ? propertyDefault(name, [component]) : undefined);
        return [name, {
          ...argType,
          type: { name: 'string' },
          control: argType.control ?? propertyControl(name),
          table: { ...argType.table, defaultValue: { summary: summary ?? 'none' } },
        }];
      }
      if (category !== 'attributes') return [name, { ...argType, control: false }];
      const typeText = String(argType.table?.type?.summary ?? '');
      const literals = typeText.split('|').map((part) => part.trim());
      if (literals.every((part) => /^'[^']*'$/.test(part))) {
        const options = literals.map((part) => part.slice(1, -1));
        return [name, { ...argType, type: { name: 'enum', value: options }, options, control: { type: 'select' } }];
      }
      if (name === 'lang') {
        return [name, { ...argType, type: { name: 'enum', value: ['vi', 'en'] }, options: ['vi', 'en'], control: { type: 'inline-radio' } }];
      }
      if (!typeText || typeText === 'undefined') return [name, { ...argType, type: { name: 'string' } }];
      return [name, argType];
    }),
  );
};

/** Phone widths Vietnamese readers use most, beside a tablet and a desktop. */
const viewports = {
  phone360: { name: 'Điện thoại 360 px', styles: { width: '360px', height: '760px' }, type: 'mobile' as const },
  phone390: { name: 'Điện thoại 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' as const },
  phone320: { name: 'Điện thoại nhỏ 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' as const },
  tablet: { name: 'Máy tính bảng 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' as const },
  desktop: { name: 'Máy tính 1280 px', styles: { width: '1280px', height: '800px' }, type: 'desktop' as const },
};

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [attributeControls],
  decorators: [withActions],
  parameters: {
    layout: 'padded',
    actions: { handles: ['news-load', 'news-error', 'news-change', 'change'] },
    controls: { expanded: true },
    // Every story is checked with axe after it renders; a violation fails it.
    a11y: { test: 'error' },
    viewport: { options: viewports },
    docs: { toc: true },
  },
};

export default preview;
