import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** ms from connecting until the status line arrived. */
  ms: number;
}

/**
 * Sends bytes as they are (no client-side HTTP checks) and reads the answer: how hostile or broken
 * clients reach a server (over-long URLs and headers, garbage, a body that never comes).
 */
export function rawRequest(port: number, bytes: string, timeoutMs = 3000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let data = '';
    let firstAt = 0;
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const finish = () => {
      socket.destroy();
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
      if (!status) {
        reject(new Error(`no answer: ${JSON.stringify(data.slice(0, 200))}`));
        return;
      }
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status, headers, body: rest.join('\r\n\r\n'), ms: firstAt - started });
    };
    socket.on('data', (chunk) => {
      if (!firstAt) firstAt = Date.now();
      data += chunk.toString('utf8');
      // One answer is enough: stop at the end of a Content-Length body.
      const head = data.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(data.slice(0, head))?.[1];
      if (head >= 0 && length !== undefined && Buffer.byteLength(data.slice(head + 4)) >= Number(length)) finish();
    });
    socket.on('error', () => (data ? finish() : reject(new Error('connection failed'))));
    socket.on('close', () => data && finish());
    setTimeout(() => (data ? finish() : reject(new Error('no answer in time'))), timeoutMs);
  });
}
