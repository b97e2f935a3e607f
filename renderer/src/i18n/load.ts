// Zod-free and Vue-free: the entry (main.ts) starts fetching the likely language's messages with
// this before the app's code has loaded. The production build swaps ./messages for one chunk per
// locale (electron.vite.config.ts); the dev server and tests use the typed catalogues.
export { loadMessages } from './messages';
