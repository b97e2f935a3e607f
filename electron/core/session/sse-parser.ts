/** One server-sent event: its `event:` name (default "message") and its `data:` lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental parser for the text/event-stream format (WHATWG HTML, "Server-sent events"):
 * events end at a blank line, `:` lines are comments (heartbeats), several `data:` lines are
 * joined by "\n", and a chunk may end in the middle of a line, so the rest is kept for the next.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const out: SseEvent[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return out;
  }
}
