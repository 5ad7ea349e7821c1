import { expect } from '@open-wc/testing';
import { fillTemplate, navigate } from '../../src/controllers/navigate.js';

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

  it('refuses templates that are not http(s) or relative, and stays on the page', () => {
    const here = location.href;
    expect(navigate('javascript:alert({q})', { q: '1' })).to.be.false;
    expect(navigate('data:text/html,{q}', { q: '<b>' })).to.be.false;
    expect(navigate('vbscript:{q}', { q: 'x' })).to.be.false;
    expect(location.href).to.equal(here);
  });
});
