export * from './dates';
export * from './vocab';
export * from './schoolAge';
export * from './upn';
export * from './clocks';
export * from './concern';
export * from './caseReference';
export * from './duplicates';
