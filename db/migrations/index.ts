import { sql as register } from './001_register';
import { sql as search } from './002_search';
import { sql as meetings } from './003_meetings';
import { sql as tracking } from './004_tracking';
import { sql as meetingRoom } from './005_meeting_room';
import { sql as safeguarding } from './006_safeguarding';
import { sql as hardening } from './007_hardening';
import { sql as performanceIndexes } from './008_performance_indexes';
import { sql as usersAndRoles } from './009_users_and_roles';
import { sql as backupsRetention } from './010_backups_retention';
import { sql as schoolReturns } from './011_school_returns';
import { sql as agendaBuildIndexes } from './012_agenda_build_indexes';
import { sql as homeAndPickerIndexes } from './013_home_and_picker_indexes';
import { sql as alsoEligibleTotal } from './014_also_eligible_total';
import { sql as agendaCoveringIndexes } from './015_agenda_covering_indexes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** In order; a migration's version is its position. Never edit one that has shipped: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'register', sql: register },
  { version: 2, name: 'search', sql: search },
  { version: 3, name: 'meetings', sql: meetings },
  { version: 4, name: 'tracking', sql: tracking },
  { version: 5, name: 'meeting_room', sql: meetingRoom },
  { version: 6, name: 'safeguarding', sql: safeguarding },
  { version: 7, name: 'hardening', sql: hardening },
  { version: 8, name: 'performance_indexes', sql: performanceIndexes },
  { version: 9, name: 'users_and_roles', sql: usersAndRoles },
  { version: 10, name: 'backups_retention', sql: backupsRetention },
  { version: 11, name: 'school_returns', sql: schoolReturns },
  { version: 12, name: 'agenda_build_indexes', sql: agendaBuildIndexes },
  { version: 13, name: 'home_and_picker_indexes', sql: homeAndPickerIndexes },
  { version: 14, name: 'also_eligible_total', sql: alsoEligibleTotal },
  { version: 15, name: 'agenda_covering_indexes', sql: agendaCoveringIndexes },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
