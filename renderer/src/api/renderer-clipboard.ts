/**
 * The browser host's copy: main has no OS clipboard there, so the page writes the code with
 * `navigator.clipboard` and clears it itself. Best effort, by the web's rules: the clear needs
 * the page to be focused and allowed to read the clipboard (`clipboard-read`); when either is
 * missing (another app is in front, the permission was refused), the code stays until something
 * else is copied. Electron does not use this: main writes, marks and clears the clipboard there.
 */
let pending: { code: string; timer: ReturnType<typeof setTimeout> } | null = null;

async function clearIfStillOurs(code: string): Promise<void> {
  pending = null;
  try {
    // Never wipe what the user copied since: only our own code is cleared.
    if ((await navigator.clipboard.readText()) === code) await navigator.clipboard.writeText('');
  } catch {
    // Not focused or no read permission: nothing we may do from a web page.
  }
}

/** Writes `code`; throws when the browser refuses the write. */
export async function copyInPage(code: string, clearAfterMs: number | null): Promise<void> {
  if (pending) clearTimeout(pending.timer);
  pending = null;
  await navigator.clipboard.writeText(code);
  if (clearAfterMs !== null) pending = { code, timer: setTimeout(() => void clearIfStillOurs(code), clearAfterMs) };
}
