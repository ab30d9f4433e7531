export * from './glossary';
export * from './terms';
export * from './readability';
export * from './lens';
