import { PASSWORD_MIN } from '../../../../shared/api/session';

/** What's wrong with a new password typed twice, before it is sent (the host checks the length again). */
export function passwordProblem(password: string, again: string): string | null {
  if (password.length < PASSWORD_MIN) return `The password must be at least ${PASSWORD_MIN} characters (three random words make a good one).`;
  if (password !== again) return 'The two passwords are not the same. Type the new password twice.';
  return null;
}
