import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import * as lit from 'lit/decorators.js';
import * as ours from '../../src/elements/decorators.js';

// The same element declared with Lit's decorators and with the bundle's own
// (src/elements/decorators.ts, which rollup.config.mjs puts in their place).
function declare(tag: string, { property, state }: { property: typeof ours.property; state: typeof ours.state }) {
  class Sample extends LitElement {
    name = 'a';
    size = 10;
    open = false;
    renders = 0;
    private shouted = '';

    get label(): string {
      return this.shouted;
    }
    set label(value: string) {
      this.shouted = value.toUpperCase();
    }

    override render() {
      this.renders++;
      return html`${this.name} ${this.size} ${this.open} ${this.label}`;
    }
  }
  // As TypeScript compiles `@property() name`, `@property() set label(…)`:
  // the decorator, then the descriptor it returns defined on the prototype.
  const decorate = (decorator: (prototype: LitElement, name: string) => PropertyDescriptor | undefined, name: string) => {
    const descriptor = decorator(Sample.prototype, name);
    if (descriptor) Object.defineProperty(Sample.prototype, name, descriptor);
  };
  decorate(property(), 'name');
  decorate(property({ type: Number, reflect: true, attribute: 'page-size' }), 'size');
  decorate(state(), 'open');
  decorate(property(), 'label');
  customElements.define(tag, Sample);
  return Sample;
}

const Lit = declare('sample-lit-decorators', lit as unknown as typeof ours);
const Ours = declare('sample-own-decorators', ours);

describe('the bundle’s @property and @state', () => {
  it('declare the same reactive properties as Lit’s', () => {
    const options = (element: typeof LitElement) => [...element.elementProperties].map(([name, declaration]) => [name, { ...declaration }]);
    expect(options(Ours)).to.deep.equal(options(Lit));
    expect(Ours.observedAttributes).to.deep.equal(Lit.observedAttributes);
    expect(Ours.observedAttributes).to.deep.equal(['name', 'page-size', 'label']);
  });

  for (const [kind, tag] of [['Lit’s', 'sample-lit-decorators'], ['the bundle’s', 'sample-own-decorators']]) {
    it(`work as reactive properties (${kind})`, async () => {
      const element = document.createElement(tag) as InstanceType<typeof Ours>;
      element.setAttribute('page-size', '25');
      element.setAttribute('label', 'phường');
      document.body.append(element);
      await element.updateComplete;
      expect(element.size).to.equal(25);
      expect(element.label).to.equal('PHƯỜNG');
      expect(element.renderRoot.textContent).to.equal('a 25 false PHƯỜNG');

      element.size = 30;
      element.open = true;
      await element.updateComplete;
      expect(element.getAttribute('page-size')).to.equal('30');
      expect(element.hasAttribute('open')).to.equal(false);
      expect(element.renderRoot.textContent).to.equal('a 30 true PHƯỜNG');

      const renders = element.renders;
      element.label = 'tổ 5';
      await element.updateComplete;
      expect(element.renders).to.equal(renders + 1);
      expect(element.renderRoot.textContent).to.equal('a 30 true TỔ 5');
      element.remove();
    });
  }
});
