/**
 * A school's link, simulated on loopback: a reverse proxy in front of one or more local servers that
 * shares one bandwidth between every connection, adds a round trip to each request (and one more to
 * each new connection, for its handshake), and counts every byte it delivers. Nothing leaves 127.0.0.1.
 *
 *   const link = new SharedLink({ mbitPerSecond: 20, rttMs: 40 });
 *   const proxy = await startLinkProxy('http://127.0.0.1:5000', link);   // browse proxy.url instead
 *   link.bytes                                                           // delivered so far
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LinkOptions {
  /** Shared by every connection through every proxy on this link. */
  readonly mbitPerSecond: number;
  /** Added once per request (request out, response back) and once per new connection. */
  readonly rttMs: number;
}

/** Bytes are sent in pieces this big, so concurrent responses share the link instead of queueing. */
const SLICE_BYTES = 16 * 1024;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** One bottleneck: a queue in which every slice takes its time on the wire, in arrival order. */
export class SharedLink {
  /** Body and header bytes delivered to the browser since the last reset. */
  bytes = 0;
  private wireFreeAt = 0;

  constructor(readonly options: LinkOptions) {}

  /** Resolves when `length` bytes would have crossed the link (after what is already queued). */
  async transmit(length: number): Promise<void> {
    const now = performance.now();
    const start = Math.max(now, this.wireFreeAt);
    this.wireFreeAt = start + (length * 8) / (this.options.mbitPerSecond * 1000);
    this.bytes += length;
    await wait(this.wireFreeAt - now);
  }

  reset(): void {
    this.bytes = 0;
  }
}

export interface LinkProxy {
  readonly url: string;
  close(): Promise<void>;
}

function headerBytes(response: http.IncomingMessage): number {
  // What the status line and headers weigh on the wire, near enough.
  let total = 20;
  for (let i = 0; i < response.rawHeaders.length; i += 2)
    total += (response.rawHeaders[i]?.length ?? 0) + (response.rawHeaders[i + 1]?.length ?? 0) + 4;
  return total;
}

/** Proxies every request to `upstream` over `link`. Listens on 127.0.0.1, on a free port. */
export async function startLinkProxy(upstream: string, link: SharedLink): Promise<LinkProxy> {
  const target = new URL(upstream);
  const freshSockets = new WeakSet<Socket>();
  const server = http.createServer((request, response) => {
    const socket = request.socket;
    const handshake = freshSockets.has(socket) ? link.options.rttMs : 0;
    freshSockets.delete(socket);
    const forward = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      async (reply) => {
        // The request's half of the round trip went out before the upstream saw it; the reply's half now.
        await wait(handshake + link.options.rttMs);
        await link.transmit(headerBytes(reply));
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        try {
          for await (const chunk of reply as AsyncIterable<Buffer>) {
            for (let offset = 0; offset < chunk.length; offset += SLICE_BYTES) {
              const slice = chunk.subarray(offset, offset + SLICE_BYTES);
              await link.transmit(slice.length);
              if (response.destroyed) return;
              response.write(slice);
            }
          }
          response.end();
        } catch {
          response.destroy();
        }
      },
    );
    forward.on('error', () => response.writeHead(502).end());
    request.pipe(forward);
  });
  server.on('connection', (socket: Socket) => freshSockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
