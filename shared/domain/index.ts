export * from './dates';
export * from './vocab';
export * from './schoolAge';
export * from './upn';
export * from './clocks';
export * from './concern';
export * from './caseReference';
export * from './duplicates';
export * from './schedule';
export * from './agenda';
// calendar's Term (a half term with dates) would clash with concern's Term (autumn/spring/summer).
export {
  DEFAULT_CALENDAR_NOTE, defaultCalendar2026_27, calendarCovers, calendarRange, isSchoolDay, addSchoolDays,
  schoolDaysBetween, termContaining, halfTermsBetween, validateCalendar,
  type Term as CalendarTerm, type Closure, type ClosureKind, type AcademicYear, type TermCalendar,
} from './calendar';
export * from './suggestedRag';
export * from './escalation';
export * from './actions';
export * from './actionOwner';
