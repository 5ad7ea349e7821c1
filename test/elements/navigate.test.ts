import { expect } from '@open-wc/testing';
import { fillTemplate, navigate, templateUrl } from '../../src/elements/navigate.js';
import { watchNavigations } from '../helpers.js';

describe('navigation templates', () => {
  it('fills placeholders with URL-encoded values', () => {
    expect(fillTemplate('/tim-kiem?q={q}', { q: 'Hương Trà & "tổ 5"/?#' })).to.equal(
      '/tim-kiem?q=H%C6%B0%C6%A1ng%20Tr%C3%A0%20%26%20%22t%E1%BB%95%205%22%2F%3F%23',
    );
    expect(fillTemplate('/tin-tuc/{date}?chuyen-muc={category}', { date: '2021-04-28', category: 'noi-chinh' })).to.equal(
      '/tin-tuc/2021-04-28?chuyen-muc=noi-chinh',
    );
  });

  it('leaves unknown placeholders as written, and fills a placeholder every time it appears', () => {
    expect(fillTemplate('/a?q={q}&x={other}&again={q}', { q: 'a b' })).to.equal('/a?q=a%20b&x={other}&again=a%20b');
  });

  it('resolves against the page and refuses templates that are not http(s) or relative', () => {
    expect(templateUrl('/tim-kiem?q={q}', { q: 'an ninh' })).to.equal(new URL('/tim-kiem?q=an%20ninh', location.href).href);
    expect(templateUrl('https://phuong.gov.vn/tim?q={q}', { q: 'x' })).to.equal('https://phuong.gov.vn/tim?q=x');
    expect(templateUrl('javascript:alert({q})', { q: '1' })).to.equal(undefined);
    expect(templateUrl('data:text/html,{q}', { q: '<b>' })).to.equal(undefined);
    expect(templateUrl('vbscript:{q}', { q: 'x' })).to.equal(undefined);
  });

  it('asks the page first: a prevented change keeps the page', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const seen: unknown[] = [];
    const listener = (event: Event) => {
      seen.push((event as CustomEvent).detail);
      expect(event.cancelable && event.bubbles && event.composed).to.be.true;
      event.preventDefault();
    };
    document.addEventListener('change', listener);
    const navigations = watchNavigations();
    const href = new URL('/tim-kiem?q=an%20ninh', location.href).href;
    expect(navigate(host, 'an ninh', href)).to.equal(false);
    expect(navigate(host, 'x', undefined)).to.equal(false);
    expect(navigations.urls, 'cancelled: no navigation').to.deep.equal([]);
    document.removeEventListener('change', listener);
    // Not cancelled, it goes there (and the watch stops it).
    expect(navigate(host, 'an ninh', href)).to.equal(true);
    navigations.stop();
    host.remove();
    expect(navigations.urls).to.deep.equal([href]);
    expect(seen).to.deep.equal([{ value: 'an ninh', href }, { value: 'x', href: undefined }]);
  });
});
