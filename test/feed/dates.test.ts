import { expect } from '@open-wc/testing';
import { dayKey, parseDate, parseDatePattern } from '../../src/feed/dates.js';

const HCM = 'Asia/Ho_Chi_Minh';
const iso = (date: Date | undefined) => date?.toISOString();

describe('feed dates', () => {
  it('reads RFC 3339, and a bare date-time as wall-clock time in the zone', () => {
    expect(iso(parseDate('2021-06-21T14:30:00+07:00'))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('2021-06-21T07:30:00.250Z'))).to.equal('2021-06-21T07:30:00.250Z');
    expect(iso(parseDate('2021-06-21T14:30:00', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('2021-06-21 14:30', 'UTC'))).to.equal('2021-06-21T14:30:00.000Z');
    // Across a daylight-saving change: Paris is UTC+2 in June and UTC+1 in January.
    expect(iso(parseDate('2021-06-21T14:30:00', 'Europe/Paris'))).to.equal('2021-06-21T12:30:00.000Z');
    expect(iso(parseDate('2021-01-21T14:30:00', 'Europe/Paris'))).to.equal('2021-01-21T13:30:00.000Z');
  });

  it('reads RFC 822 with numeric and named zones', () => {
    expect(iso(parseDate('Mon, 21 Jun 2021 14:30:00 +0700'))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('Mon, 21 Jun 2021 07:30:00 GMT'))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('21 Jun 2021 14:30 EST', HCM))).to.equal('2021-06-21T19:30:00.000Z');
    expect(iso(parseDate('Tue Jun 22 2021 14:30:00 GMT+0700 (Indochina Time)', 'UTC'))).to.equal('2021-06-22T07:30:00.000Z');
    // Vietnam's zone as Java's SimpleDateFormat names it.
    expect(iso(parseDate('Mon, 21 Jun 2021 14:30:00 ICT', 'Europe/Paris'))).to.equal('2021-06-21T07:30:00.000Z');
  });

  it('reads any other date without a zone as wall-clock time in the zone, not the browser\'s', () => {
    // The browser here may well be in UTC: Asia/Ho_Chi_Minh and Paris tell the difference.
    expect(iso(parseDate('Mon, 21 Jun 2021 14:30:00', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('2021/06/21 14:30', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('June 21, 2021 2:30 PM', 'Europe/Paris'))).to.equal('2021-06-21T12:30:00.000Z');
    expect(iso(parseDate('21 Jun 2021', HCM))).to.equal('2021-06-20T17:00:00.000Z');
  });

  it('reads dd/MM/yyyy with or without a time, in the zone', () => {
    expect(iso(parseDate('21/06/2021', HCM))).to.equal('2021-06-20T17:00:00.000Z');
    expect(iso(parseDate('21/06/2021 14:30', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('21-06-2021 14h30', HCM))).to.equal('2021-06-21T07:30:00.000Z');
  });

  it('reads the dates Vietnamese portals write around dd/MM/yyyy: a weekday, a dash, an offset, the time first', () => {
    for (const text of ['Thứ Hai, 21/06/2021 - 14:30', '21/06/2021 - 14:30', 'Ngày 21/6/2021 14:30:00', '14:30 - 21/06/2021', '14:30 | 21/06/2021']) {
      expect(iso(parseDate(text, HCM)), text).to.equal('2021-06-21T07:30:00.000Z');
    }
    // An offset written after the time wins over the element's zone.
    const offsets: [string, string][] = [
      ['Thứ hai, 21/6/2021, 14:30 (GMT+7)', '2021-06-21T07:30:00.000Z'],
      ['21/06/2021 14:30:00 +07:00', '2021-06-21T07:30:00.000Z'],
      ['21/06/2021 09:30 +0900', '2021-06-21T00:30:00.000Z'],
      ['21/06/2021 02:00 -5', '2021-06-21T07:00:00.000Z'],
    ];
    for (const [text, instant] of offsets) expect(iso(parseDate(text, 'Europe/Paris')), text).to.equal(instant);
    expect(parseDate('Thứ Hai, 31/06/2021 - 14:30', HCM)).to.equal(undefined);
  });

  it('reads Vietnamese dates in words without a pattern', () => {
    expect(iso(parseDate('Thứ Năm, ngày 28 tháng 4 năm 2021', HCM))).to.equal('2021-04-27T17:00:00.000Z');
    expect(iso(parseDate('28 tháng 04, 2021 - 08:30', HCM))).to.equal('2021-04-28T01:30:00.000Z');
    expect(iso(parseDate('ngày 28 tháng 4 năm 2021 lúc 08:30', HCM))).to.equal('2021-04-28T01:30:00.000Z');
    expect(parseDate('28 tháng 13, 2021', HCM)).to.equal(undefined);
  });

  it('reads month-first dates as ASP.NET writes them with an English culture, where the day cannot be the month', () => {
    expect(iso(parseDate('4/28/2021 8:30:00 AM', HCM))).to.equal('2021-04-28T01:30:00.000Z');
    expect(iso(parseDate('12/31/2021 11:59:00 PM', HCM))).to.equal('2021-12-31T16:59:00.000Z');
    // Both fit: day first, as Vietnamese portals write it (date-format settles it otherwise).
    expect(iso(parseDate('4/5/2021', HCM))).to.equal('2021-05-03T17:00:00.000Z');
  });

  it("reads ASP.NET's JSON dates, whose offset only says where they were written", () => {
    expect(iso(parseDate('/Date(1624260600000)/', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('/Date(1624260600000+0700)/', 'Europe/Paris'))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('/Date(-86400000)/', HCM))).to.equal('1969-12-31T00:00:00.000Z');
    expect(parseDate('/Date(soon)/', HCM)).to.equal(undefined);
  });

  it('reads a 12-hour clock after dd/MM/yyyy or before it, marked AM/PM or, as Vietnamese locales write it, SA/CH', () => {
    for (const text of ['21/06/2021 02:30 CH', '21/6/2021 2:30:00 PM', 'Thứ Hai, 21/06/2021 - 2:30 p.m.', '02:30 CH | 21/06/2021', '2:30 PM, 21/6/2021']) {
      expect(iso(parseDate(text, HCM)), text).to.equal('2021-06-21T07:30:00.000Z');
    }
    // 12 SA is midnight, 12 CH noon.
    expect(iso(parseDate('21/06/2021 12:15 SA', HCM))).to.equal('2021-06-20T17:15:00.000Z');
    expect(iso(parseDate('21/06/2021 12:15 CH', HCM))).to.equal('2021-06-21T05:15:00.000Z');
    expect(iso(parseDate('21/06/2021 09:30 SA (GMT+7)', 'Europe/Paris'))).to.equal('2021-06-21T02:30:00.000Z');
  });

  it("reads a pattern's words as words: no hour in tháng, no minute in năm, quoted or not", () => {
    expect(iso(parseDatePattern('28 tháng 4 năm 2021', 'd tháng M năm yyyy', HCM))).to.equal('2021-04-27T17:00:00.000Z');
    expect(iso(parseDatePattern('28 Tháng 04, 2021', "d 'tháng' M, yyyy", HCM))).to.equal('2021-04-27T17:00:00.000Z');
    expect(iso(parseDatePattern('Ngày 28/04/2021 lúc 14 giờ 05 phút', 'Ngày dd/MM/yyyy lúc HH giờ mm phút', HCM))).to.equal('2021-04-28T07:05:00.000Z');
    expect(iso(parseDatePattern('2021-04-28T14:05', "yyyy-MM-dd'T'HH:mm", HCM))).to.equal('2021-04-28T07:05:00.000Z');
    // Fields side by side are still fields.
    expect(iso(parseDatePattern('202104281405', 'yyyyMMddHHmm', HCM))).to.equal('2021-04-28T07:05:00.000Z');
  });

  it('reads a pattern from map, 12-hour clocks included, and refuses impossible days', () => {
    expect(iso(parseDatePattern('06/21/2021 02:30 PM', 'MM/dd/yyyy hh:mm a', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDatePattern('21/06/2021 02:30 CH', 'dd/MM/yyyy hh:mm a', HCM))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDatePattern('21/06/2021 12:00 SA', 'dd/MM/yyyy hh:mm a', HCM))).to.equal('2021-06-20T17:00:00.000Z');
    expect(iso(parseDate('2021.06.21', HCM, 'yyyy.MM.dd'))).to.equal('2021-06-20T17:00:00.000Z');
    expect(parseDatePattern('31/02/2021', 'dd/MM/yyyy', HCM)).to.equal(undefined);
    expect(iso(parseDate('29/02/2024', HCM, 'dd/MM/yyyy'))).to.equal('2024-02-28T17:00:00.000Z');
  });

  it('reads epochs in seconds or milliseconds, as numbers or text', () => {
    expect(iso(parseDate(1624260600))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate(1624260600000))).to.equal('2021-06-21T07:30:00.000Z');
    expect(iso(parseDate('1624260600'))).to.equal('2021-06-21T07:30:00.000Z');
  });

  it('gives nothing for what is not a date', () => {
    for (const value of ['', 'hôm qua', '2021-13-01', '32/01/2021', NaN, Infinity, null, {}, [], 'x'.repeat(200)]) {
      expect(parseDate(value), String(value)).to.equal(undefined);
    }
  });

  it('puts an instant on the day it is in the zone', () => {
    expect(dayKey(new Date('2021-06-21T16:30:00Z'), HCM)).to.equal('2021-06-21');
    expect(dayKey(new Date('2021-06-21T17:30:00Z'), HCM)).to.equal('2021-06-22');
    expect(dayKey(new Date('2021-06-21T17:30:00Z'), 'UTC')).to.equal('2021-06-21');
  });
  it('reads every way an offset is written after a time: Z, ±HH, ±HHMM, ±HH:MM, and one digit of hours', () => {
    // 14:30 on 21 June 2021 with each offset, and the UTC time that is.
    const iso8601 = [['Z', '14:30'], ['z', '14:30'], ['+07', '07:30'], ['+0530', '09:00'], ['-03:30', '18:00']];
    for (const [offset, utc] of iso8601) expect(iso(parseDate(`2021-06-21T14:30:00${offset}`, 'Europe/Paris')), offset).to.equal(`2021-06-21T${utc}:00.000Z`);
    const dayFirst = [['+7', '07:30'], ['GMT+7:30', '07:00'], ['UTC+730', '07:00'], ['(UTC-3)', '17:30']];
    for (const [offset, utc] of dayFirst) expect(iso(parseDate(`21/06/2021 14:30 ${offset}`, 'Europe/Paris')), offset).to.equal(`2021-06-21T${utc}:00.000Z`);
  });
});
