/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';

/** Directives a <meta> CSP cannot carry (browsers ignore them there); the hosts' header has them. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

describe('renderer/index.html', () => {
  const html = readFileSync('renderer/index.html', 'utf8');

  it('carries the same Content-Security-Policy as shared/csp.ts', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim())
      .filter((d) => !HEADER_ONLY.includes(d.split(' ')[0] ?? ''));
    expect(meta?.split(';').map((d) => d.trim())).toEqual(expected);
  });

  it('has no inline script or style', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });
});
