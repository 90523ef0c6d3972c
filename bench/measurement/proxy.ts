// A reverse proxy on loopback between the operator and Prometheus that counts what the operator
// receives: response bytes as sent (compressed if Prometheus compressed them) and requests.
import { request, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class CountingProxy {
  bytes = 0;
  requests = 0;
  private readonly server: Server;
  url = "";

  constructor(private readonly upstream: string) {
    const target = new URL(upstream);
    this.server = createServer((req, res) => {
      this.requests++;
      const forward = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on("data", (chunk: Buffer) => { this.bytes += chunk.length; });
        answer.pipe(res);
      });
      forward.on("error", (error) => {
        if (!res.headersSent) res.writeHead(502);
        res.end(String(error));
      });
      req.pipe(forward);
    });
  }

  async start(): Promise<void> {
    this.server.listen(0, "127.0.0.1");
    await new Promise((resolve) => this.server.once("listening", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  toString(): string {
    return `${this.upstream} via ${this.url}`;
  }
}
