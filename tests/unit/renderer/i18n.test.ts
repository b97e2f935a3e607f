// @vitest-environment happy-dom
/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { messages } from '../../../renderer/src/i18n';

/** Every leaf of a message tree as "a.b.c" -> text. */
function leaves(node: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  } else out.set(path, node);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sv = leaves(messages.sv);
const en = leaves(messages.en);

describe('messages', () => {
  it('Swedish and English have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
  });

  it('no text is empty and every leaf is a string', () => {
    for (const [key, text] of [...sv, ...en]) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('both languages use the same placeholders in each text', () => {
    for (const [key, text] of sv) expect(placeholders(String(en.get(key))), key).toEqual(placeholders(String(text)));
  });

  it('no text has a character vue-i18n would read as syntax (linked message, plural pipe outside plurals)', () => {
    for (const [key, text] of [...sv, ...en]) {
      expect(String(text), key).not.toMatch(/@/);
      if (!/(\.c|C)ount$/.test(key)) expect(String(text), key).not.toMatch(/\|/);
    }
  });
});
