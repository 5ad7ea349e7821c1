import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, addMonths, clampDay, monthCounts, monthWeeks, weekStart, weekday } from '../../src/view/calendar.js';
import { daysInMonth } from '../../src/feed/dates.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('calendar maths on day keys', () => {
  it('adds days across month, year and leap-day edges', () => {
    expect(addDays('2021-06-30', 1)).to.equal('2021-07-01');
    expect(addDays('2021-12-31', 1)).to.equal('2022-01-01');
    expect(addDays('2022-01-01', -1)).to.equal('2021-12-31');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2024-02-29', 1)).to.equal('2024-03-01');
    expect(addDays('2023-02-28', 1)).to.equal('2023-03-01');
    expect(addDays('2021-12-28', 7)).to.equal('2022-01-04');
  });

  it('adds days like the platform does, and back again', () => {
    const days = fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 0, 1) / 864e5 });
    fc.assert(
      fc.property(days, fc.integer({ min: -800, max: 800 }), (start, n) => {
        const day = iso(start * 864e5);
        expect(addDays(day, n)).to.equal(iso((start + n) * 864e5));
        expect(addDays(addDays(day, n), -n)).to.equal(day);
      }),
    );
  });

  it('keeps days within 1000..9999 so keys keep their shape', () => {
    expect(addDays('9999-12-31', 1)).to.equal('9999-12-31');
    expect(addDays('1000-01-01', -1)).to.equal('1000-01-01');
  });

  it('adds months, ending on a shorter month\'s last day', () => {
    expect(addMonths('2021-06-15', 1)).to.equal('2021-07-15');
    expect(addMonths('2021-12-15', 1)).to.equal('2022-01-15');
    expect(addMonths('2022-01-15', -1)).to.equal('2021-12-15');
    expect(addMonths('2024-01-31', 1)).to.equal('2024-02-29');
    expect(addMonths('2023-01-31', 1)).to.equal('2023-02-28');
    expect(addMonths('2021-03-31', -1)).to.equal('2021-02-28');
    expect(addMonths('2021-05-31', 1)).to.equal('2021-06-30');
    expect(addMonths('2024-02-29', 12)).to.equal('2025-02-28');
    expect(addMonths('2024-02-29', -48)).to.equal('2020-02-29');
    expect(addMonths('2021-01-10', -13)).to.equal('2019-12-10');
  });

  it('finds the weekday and the start of the week', () => {
    expect(weekday('2021-06-21')).to.equal(1); // a Monday
    expect(weekday('2024-02-29')).to.equal(4);
    expect(weekStart('2021-06-27', 1)).to.equal('2021-06-21'); // Sunday belongs to the week before in vi
    expect(weekStart('2021-06-27', 0)).to.equal('2021-06-27');
    expect(weekStart('2022-01-01', 1)).to.equal('2021-12-27');
    expect(weekStart('2022-01-01', 0)).to.equal('2021-12-26');
  });

  it('lays out every month of a common and a leap year in full weeks', () => {
    for (const year of [2021, 2024]) {
      for (let month = 1; month <= 12; month++) {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        for (const firstDay of [0, 1]) {
          const weeks = monthWeeks(key, firstDay);
          const days = weeks.flat().filter(Boolean);
          expect(days.length, key).to.equal(daysInMonth(year, month));
          expect(days[0]).to.equal(`${key}-01`);
          expect(weeks.every((week) => week.length === 7)).to.be.true;
          const lead = weeks[0].indexOf(days[0]);
          expect(lead).to.equal((weekday(days[0]) - firstDay + 7) % 7);
          expect(weeks.length).to.be.within(4, 6);
        }
      }
    }
    expect(monthWeeks('2024-02', 1).flat().filter(Boolean).pop()).to.equal('2024-02-29');
    // June 2021 starts on a Tuesday.
    expect(monthWeeks('2021-06', 1)[0].slice(0, 2)).to.deep.equal(['', '2021-06-01']);
    expect(monthWeeks('2021-06', 0)[0].slice(0, 3)).to.deep.equal(['', '', '2021-06-01']);
    // February 2015 starts on a Sunday and fills four weeks exactly; August 2021 needs six from Monday.
    expect(monthWeeks('2015-02', 0).length).to.equal(4);
    expect(monthWeeks('2021-08', 1).length).to.equal(6);
    expect(monthWeeks('9999-12', 1).flat().filter(Boolean).length).to.equal(31);
  });

  it('clamps days to optional limits', () => {
    expect(clampDay('2021-06-10', '2021-06-15', '2021-06-20')).to.equal('2021-06-15');
    expect(clampDay('2021-06-25', '2021-06-15', '2021-06-20')).to.equal('2021-06-20');
    expect(clampDay('2021-06-17', '2021-06-15', '2021-06-20')).to.equal('2021-06-17');
    expect(clampDay('2021-06-25', '', '')).to.equal('2021-06-25');
  });

  it('sums days into months, newest first', () => {
    const counts = new Map([
      ['2021-05-03', 1],
      ['2021-06-21', 2],
      ['2020-12-31', 4],
      ['2021-06-01', 3],
    ]);
    expect(monthCounts(counts)).to.deep.equal([
      ['2021-06', 5],
      ['2021-05', 1],
      ['2020-12', 4],
    ]);
  });
});
