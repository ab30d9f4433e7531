export * from './matrix';
export * from './fields';
