import { describe, it, expect } from 'vitest';
import { hrefFor, parseRoute } from '../../../renderer/src/lib/router';

// The close confirmation's "Record attendance" opens the meeting page on its attendance tab.
describe('meeting route', () => {
  it('opens on the attendance tab from #/meeting/<id>/attendance and round-trips', () => {
    expect(parseRoute('#/meeting/12/attendance')).toEqual({ page: 'meeting', id: 12, tab: 'attendance' });
    expect(hrefFor({ page: 'meeting', id: 12, tab: 'attendance' })).toBe('#/meeting/12/attendance');
  });

  it('keeps #/meeting/<id> as it was, ignores an unknown tab and sends a bad id to the meetings list', () => {
    expect(parseRoute('#/meeting/12')).toEqual({ page: 'meeting', id: 12 });
    expect(hrefFor({ page: 'meeting', id: 12 })).toBe('#/meeting/12');
    expect(parseRoute('#/meeting/12/nonsense')).toEqual({ page: 'meeting', id: 12 });
    expect(parseRoute('#/meeting/x/attendance')).toEqual({ page: 'meetings' });
  });
});
