import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server on another port that records every request reaching it. Attacks aim their exfiltration at it
 * (http://127.0.0.1:4190/...); the suite fails if it ever hears anything.
 */
export const RECORDING_PORT = 4190;

export class RecordingServer {
  readonly requests: string[] = [];
  private server: http.Server | null = null;

  async start(port = RECORDING_PORT): Promise<void> {
    this.server = http.createServer((request, response) => {
      this.requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
      });
      response.end('recorded');
    });
    this.server.on('upgrade', (request, socket) => {
      this.requests.push(`UPGRADE ${request.url}`);
      socket.destroy();
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  get port(): number {
    return (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
