import { ReportInput, Reports } from './reportSchemas';
import { method } from './method';

/** Reports (figures for a period). */
export const reportsMethods = {
  'reports.get': method(ReportInput, Reports, false),
} as const;
