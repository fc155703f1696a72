import { z } from 'zod';
import * as S from './schemas';

/**
 * One method of the contract: its input and output schema, and whether it changes the register.
 * `transaction: 'own'` marks a write that cannot run inside the dispatcher's one transaction
 * (VACUUM, VACUUM INTO, closing the register to swap the file): the dispatcher runs it on the
 * writable connection and the handler opens its own transactions, each with its audit rows.
 */
export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, write: boolean, options: { transaction?: 'own' } = {}) => ({
  input,
  output,
  write,
  transaction: options.transaction ?? ('dispatcher' as 'dispatcher' | 'own'),
});

/** The argument of a method that reads one case. */
export const CaseRef = z.object({ id: S.id });
