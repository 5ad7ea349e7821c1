import { expect } from '@open-wc/testing';
import { readDayCounts } from '../../src/data/day-counts.js';
import { counterPaths, readVisitCounts } from '../../src/data/visit-counts.js';
import { LoadError } from '../../src/net/load-error.js';

const URL = 'https://thongke.example.vn/api';

function loadErrorOf(run: () => unknown): LoadError {
  try {
    run();
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('reading non-feed answers', () => {
  describe('days-src', () => {
    it('keeps day keys with a positive count, numbers or numeric strings', () => {
      const counts = readDayCounts({ '2021-04-28': 3, '2021-04-29': '2', '2021-04-30': 0, 'tháng 4': 5, '2021-4-1': 1 }, URL);
      expect([...counts]).to.deep.equal([['2021-04-28', 3], ['2021-04-29', 2]]);
    });

    it('is a format error for anything but an object', () => {
      for (const body of [null, [], 'x', 3]) expect(loadErrorOf(() => readDayCounts(body, URL)).info).to.deep.equal({ kind: 'format', url: URL, format: 'JSON' });
    });
  });

  describe('a visit counter', () => {
    it('reads numbers, and strings with either group separator', () => {
      const paths = counterPaths('', URL);
      expect(readVisitCounts({ total: '6.407.820', online: '1,229', today: 3009.4 }, paths)).to.deep.equal({ total: 6407820, online: 1229, today: 3009 });
    });

    it('leaves out what is not a count', () => {
      const paths = counterPaths('', URL);
      expect(readVisitCounts({ total: -1, online: '12a', today: { n: 1 } }, paths)).to.deep.equal({ total: undefined, online: undefined, today: undefined });
    });

    it('follows a map of dotted paths, through arrays by index, as a feed map does', () => {
      const paths = counterPaths('{"total": "data.0.all", "online": "data.0.now"}', URL);
      expect(readVisitCounts({ data: [{ all: 10, now: 2 }], today: 5 }, paths)).to.deep.equal({ total: 10, online: 2, today: 5 });
    });

    it('is a parse error naming map when the map is not a JSON object', () => {
      expect(loadErrorOf(() => counterPaths('{total:', URL)).info).to.deep.equal({ kind: 'parse', url: URL, field: 'map' });
      expect(loadErrorOf(() => counterPaths('null', URL)).info).to.deep.equal({ kind: 'parse', url: URL, field: 'map' });
    });
  });
});
