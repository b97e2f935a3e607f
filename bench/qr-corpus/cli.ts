import { buildCorpus } from './build';

/** `npm run corpus:qr [-- <scene id prefix>]`: (re)renders the QR corpus into its cache. */
await buildCorpus(console.log, process.argv[2]);
