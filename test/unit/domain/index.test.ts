import { describe, it, expect } from 'vitest';
import * as domain from '../../../shared/domain/index';

describe('shared/domain index', () => {
  it.each([
    'isIsoDate', 'parseIso', 'toIso', 'formatUk', 'addDays', 'addMonths', 'diffDays', 'compareIso', 'todayIso',
    'dayOfWeek', 'lastFridayOfJune', 'ageOn',
    'compulsorySchoolAge', 'yearGroup', 'yearGroupLabel', 'endOfCompulsorySchoolAgeReached', 'isOfCompulsorySchoolAge',
    'isValidUpn', 'upnProblem', 'normaliseUpn', 'upnCheckLetter',
    'daysOpen', 'isDueForPanel', 'dueForPanelOn', 'isLongTerm', 'longTermFrom',
    'criteriaOfConcern', 'termOf',
    'formatCaseReference', 'parseCaseReference',
    'nameSimilarity', 'isPossibleDuplicate',
    'labelOf',
  ])('exports function %s', (name) => {
    expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
  });

  it.each(['CSA_END_RULE', 'PANEL_AFTER_DAYS', 'REGISTERS', 'CASE_STATUSES', 'RAGS', 'CLOSURE_REASONS', 'CHECK_AGENCIES', 'CHILD_FLAGS'])(
    'exports %s',
    (name) => {
      expect((domain as Record<string, unknown>)[name]).toBeDefined();
    },
  );
});
