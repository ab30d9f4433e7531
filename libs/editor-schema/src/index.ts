export * from './nodes';
export * from './read';
export * from './extensions';
export * from './anchors';
