export * from '../../../../shared/domain/vocab';
import { CHILD_FLAGS } from '../../../../shared/domain/vocab';
export const FLAG_CODES = CHILD_FLAGS.map((f) => f.code);
