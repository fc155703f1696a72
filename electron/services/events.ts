import type { Db } from '../../db/open';
import type { MeetingChanged, RegisterChanged } from '../../shared/api/events';

export type MeetingListener = (event: MeetingChanged) => void;

export interface MeetingEvents {
  /** After a write commits: announces each meeting whose live version moved in it, once, at its newest version. */
  flush(): void;
  subscribe(listener: MeetingListener): () => void;
}

/**
 * The push channel's source. Every change to a meeting moves `meetings.live_version` (the projector
 * and cockpit compare it), so one TEMP trigger on that column notes the moves of a write in a TEMP
 * table; rolled back with the write when it fails, read and emptied once it has committed. No
 * service needs to remember to announce anything, and nothing is announced that did not commit.
 * TEMP objects live only in this connection: the register's schema is untouched.
 */
export function createMeetingEvents(db: Db): MeetingEvents {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS meeting_changes (meeting_id INTEGER NOT NULL, version INTEGER NOT NULL);
    CREATE TEMP TRIGGER IF NOT EXISTS meeting_changes_note AFTER UPDATE OF live_version ON meetings
    BEGIN
      INSERT INTO meeting_changes (meeting_id, version) VALUES (NEW.id, NEW.live_version);
    END;`);
  const pending = db.prepare('SELECT meeting_id AS meetingId, max(version) AS version FROM temp.meeting_changes GROUP BY meeting_id ORDER BY meeting_id');
  const clear = db.prepare('DELETE FROM temp.meeting_changes');
  const listeners = new Set<MeetingListener>();

  return {
    flush() {
      // A restore closes this register and opens the backup under a new app: nothing is left to announce here.
      if (!db.open) return;
      const changes = pending.all() as MeetingChanged[];
      if (changes.length === 0) return;
      clear.run();
      for (const change of changes) {
        for (const listener of [...listeners]) {
          // A window that went away mid-send must not stop the others hearing about it.
          try {
            listener({ meetingId: Number(change.meetingId), version: Number(change.version) });
          } catch {
            /* the transport cleans up its own dead subscribers */
          }
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export type RegisterListener = (event: RegisterChanged) => void;

export interface RegisterEvents {
  /** After a write commits: announces the register's new version once, if the write moved it. */
  flush(): void;
  subscribe(listener: RegisterListener): () => void;
}

/**
 * The register's side of the push channel: after each committed write, the version the register
 * screen compares (register.workingSet's `version`). One event per write transaction at most, so an
 * import of thousands of rows is one push; a write that changed no row leaves the version, and
 * says nothing. Reads never flush.
 */
export function createRegisterEvents(db: Db, versionNow: () => string): RegisterEvents {
  const listeners = new Set<RegisterListener>();
  let announced = db.open ? versionNow() : '';
  return {
    flush() {
      if (!db.open || listeners.size === 0) return;
      const version = versionNow();
      if (version === announced) return;
      announced = version;
      for (const listener of [...listeners]) {
        try {
          listener({ version });
        } catch {
          /* as above: one window's failure is not another's */
        }
      }
    },
    subscribe(listener) {
      // Versions announced while nobody listened are not owed to a new listener: it reads the register itself.
      if (listeners.size === 0 && db.open) announced = versionNow();
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
