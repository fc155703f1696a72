import type { SessionUser } from '../../../../shared/api/session';
import { ROLE_LABELS } from '../../../../shared/api/session';
import { call } from '../../api/client';

/** The sidebar's "who is signed in", with Sign out (which locks the register at once). */
export function SignedInUser({ user, dbPath, onSignedOut }: { user: SessionUser; dbPath: string; onSignedOut: () => void }) {
  const signOut = async () => {
    try {
      await call('session.signOut', {});
    } finally {
      onSignedOut();
    }
  };
  return (
    <div className="user" title={`Register: ${dbPath}`}>
      Signed in as<br />
      <strong>{user.name}</strong>
      <span className="role">{ROLE_LABELS[user.role]}</span>
      <button type="button" onClick={() => void signOut()}>Sign out</button>
    </div>
  );
}
