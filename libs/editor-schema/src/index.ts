export * from './nodes';
export * from './read';
