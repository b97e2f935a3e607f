import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyRequest } from 'fastify';
import type { Language } from '@shared/identity-api';

/**
 * What a service needs to know about the request it runs for without every signature carrying
 * it: the language the client asked for (`Accept-Language`), so emails and SMS follow the language
 * the user chose in the app rather than the one stored on the account.
 */
interface RequestContext {
  language: Language | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The first of sv / en in `Accept-Language`, by the client's order; null when neither is asked for. */
export function requestedLanguage(req: FastifyRequest): Language | null {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return null;
  for (const part of header.split(',').slice(0, 10)) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag === 'sv' || tag.startsWith('sv-')) return 'sv';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}

export function runInRequest<T>(req: FastifyRequest, fn: () => T): T {
  return storage.run({ language: requestedLanguage(req) }, fn);
}

/** The language a message to this person goes out in: the request's, else theirs on record. */
export function messageLanguage(onRecord: Language): Language {
  return storage.getStore()?.language ?? onRecord;
}
