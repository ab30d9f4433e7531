export * from './stats';
export * from './rules';
