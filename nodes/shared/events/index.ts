export * from './catalog';
export * from './cloudEvent';
