import { describe, expect, it } from 'vitest';
import type { Panel } from '../../../shared/api/meetingSchemas';
import { contract } from '../../../shared/api/contract';
import { STANDING_ITEMS } from '../../../shared/domain/agenda';
import { blankPanel, formToInput, newStandingCode, panelToForm, rowOfField, switchCadence } from '../../../renderer/src/pages/meetings/panelForm';
import { joinCalendar, locateField, newYear, nextYearLabel, schoolYearLabel, splitCalendar } from '../../../renderer/src/pages/meetings/calendarForm';

const panel: Panel = {
  id: 3,
  name: 'CME panel',
  register: 'CME',
  cadence: { kind: 'monthly_nth_weekday', weekday: 2, nth: 2 },
  defaultTime: '10:00',
  defaultVenue: null,
  defaultChairId: 7,
  defaultMinuteTakerId: null,
  standingItems: [{ code: 'welcome_apologies', title: 'Welcome and apologies', text: null }],
  members: [{ role: 'Chair', officerId: 7, officerName: 'Priya Shah' }, { role: 'MASH Officer', officerId: null, officerName: null }],
  active: true,
  capacity: 18,
};

describe('panel form', () => {
  it('round-trips a panel into valid panels.save input', () => {
    const input = formToInput(panelToForm(panel));
    expect(input).toMatchObject({
      id: 3,
      defaultVenue: null,
      defaultChairId: 7,
      defaultMinuteTakerId: null,
      members: [{ role: 'Chair', officerId: 7 }, { role: 'MASH Officer', officerId: null }],
      standingItems: [{ code: 'welcome_apologies', title: 'Welcome and apologies', text: null }],
    });
    expect(contract['panels.save'].input.safeParse(input).success).toBe(true);
  });
  it('starts a new panel with the usual standing items and valid input once named', () => {
    const f = blankPanel('PMOE');
    expect(f.standingItems.map((s) => s.code)).toEqual(STANDING_ITEMS.map((s) => s.code));
    expect(f.cadence.kind).toBe('half_termly');
    expect(contract['panels.save'].input.safeParse(formToInput({ ...f, name: 'PMOE panel' })).success).toBe(true);
  });
  it('makes codes for new standing items that are not taken', () => {
    expect(newStandingCode([{ code: 'aob' }])).toBe('custom_1');
    expect(newStandingCode([{ code: 'custom_1' }, { code: 'custom_2' }])).toBe('custom_3');
  });
  it('keeps the weekday when the cadence kind changes', () => {
    expect(switchCadence({ kind: 'monthly_nth_weekday', weekday: 4, nth: 1 }, 'half_termly')).toEqual({ kind: 'half_termly', weekOfHalfTerm: 3, weekday: 4 });
    expect(switchCadence({ kind: 'half_termly', weekOfHalfTerm: 2, weekday: 3 }, 'monthly_nth_weekday')).toEqual({ kind: 'monthly_nth_weekday', weekday: 3, nth: 2 });
  });
  it('finds the row an error belongs to', () => {
    expect(rowOfField('members.2.role', 'members')).toEqual({ index: 2, rest: 'role' });
    expect(rowOfField('standingItems.0.title', 'standingItems')).toEqual({ index: 0, rest: 'title' });
    expect(rowOfField('name', 'members')).toBeNull();
    expect(rowOfField(null, 'members')).toBeNull();
  });
});

describe('calendar form', () => {
  const cal = {
    terms: [
      { yearLabel: '2026/27', name: 'Autumn 2', starts: '2026-11-02', ends: '2026-12-18' },
      { yearLabel: '2025/26', name: 'Summer 2', starts: '2026-06-01', ends: '2026-07-22' },
      { yearLabel: '2026/27', name: 'Autumn 1', starts: '2026-09-02', ends: '2026-10-23' },
    ],
    closures: [
      { date: '2026-12-25', kind: 'bank_holiday' as const, label: 'Christmas Day' },
      { date: '2026-09-02', kind: 'inset' as const, label: 'INSET day' },
      { date: '2026-06-15', kind: 'other' as const, label: 'Election' },
      { date: '2028-01-03', kind: 'inset' as const, label: 'Far away' },
    ],
  };
  it('splits terms into academic years and puts each closure in the year that spans it', () => {
    const years = splitCalendar(cal);
    expect(years.map((y) => y.label)).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(years[1]!.terms.map((t) => t.name)).toEqual(['Autumn 1', 'Autumn 2']);
    // 25 December is in the Christmas holiday, after Autumn 2 ends: it falls back to its school year.
    expect(years[1]!.closures.map((c) => c.date)).toEqual(['2026-09-02', '2026-12-25']);
    expect(years[0]!.closures.map((c) => c.label)).toEqual(['Election']);
    expect(years[2]!.closures.map((c) => c.label)).toEqual(['Far away']);
  });
  it('joins the years back into calendar.save input with the same rows', () => {
    const joined = joinCalendar(splitCalendar(cal));
    expect(joined.terms).toHaveLength(3);
    expect(joined.closures).toHaveLength(4);
    expect(new Set(joined.terms.map((t) => `${t.yearLabel} ${t.name}`))).toEqual(new Set(cal.terms.map((t) => `${t.yearLabel} ${t.name}`)));
    expect(contract['calendar.save'].input.safeParse(joined).success).toBe(true);
  });
  it('labels school years and adds the next one with six named half terms', () => {
    expect(schoolYearLabel('2026-08-31')).toBe('2025/26');
    expect(schoolYearLabel('2026-09-01')).toBe('2026/27');
    expect(schoolYearLabel('2099-09-01')).toBe('2099/00');
    expect(nextYearLabel('2026/27')).toBe('2027/28');
    expect(nextYearLabel('odd')).toBe('');
    const y = newYear(splitCalendar({ terms: cal.terms, closures: [] }));
    expect(y.label).toBe('2027/28');
    expect(newYear(splitCalendar(cal)).label).toBe('2028/29');
    expect(newYear([]).label).toBe('');
    expect(y.terms.map((t) => t.name)).toEqual(['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
  });
});

describe('locateField', () => {
  it('finds the term or closure row a calendar.save error is about, counting across years', () => {
    const years = splitCalendar({
      terms: [
        { yearLabel: '2025/26', name: 'Summer 2', starts: '2026-06-01', ends: '2026-07-22' },
        { yearLabel: '2026/27', name: 'Autumn 1', starts: '2026-09-02', ends: '2026-10-23' },
        { yearLabel: '2026/27', name: 'Autumn 2', starts: '2026-11-02', ends: '2026-12-18' },
      ],
      closures: [
        { date: '2026-06-15', kind: 'other', label: 'Election' },
        { date: '2026-09-02', kind: 'inset', label: 'INSET day' },
      ],
    });
    const t = locateField(years, 'terms.2.starts');
    expect(t).toMatchObject({ list: 'terms', rest: 'starts', name: '2026/27 Autumn 2', yearKey: years[1]!.key, rowKey: years[1]!.terms[1]!.key });
    const c = locateField(years, 'closures.1');
    expect(c).toMatchObject({ list: 'closures', rest: '', name: '2026/27 closure 1', rowKey: years[1]!.closures[0]!.key });
    expect(locateField(years, 'terms.9.starts')).toBeNull();
    expect(locateField(years, 'terms')).toBeNull();
    expect(locateField(years, null)).toBeNull();
  });
});
