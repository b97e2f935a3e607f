/**
 * The identity API wire contract (HTTP between the app's client session and any server speaking
 * it, the embedded mock included). Pure zod: no Node or DOM APIs.
 */
export * from './common';
export * from './errors';
export * from './hrm';
export * from './connect';
export * from './account';
export * from './devices';
export * from './outbox';
export * from './routes';
