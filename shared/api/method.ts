import { z } from 'zod';
import * as S from './schemas';

/** One method of the contract: its input and output schema, and whether it changes the register. */
export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, write: boolean) => ({ input, output, write });

/** The argument of a method that reads one case. */
export const CaseRef = z.object({ id: S.id });
