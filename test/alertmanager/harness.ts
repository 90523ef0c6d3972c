// A real Alertmanager for tests (Debian's prometheus-alertmanager) on a free loopback port, with
// clustering off, and a webhook receiver on loopback that records every notification it gets.
// stop() ends the Alertmanager's process group and closes the receiver; the temp dir goes too.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stringify } from "yaml";
import { GroupProcess } from "../support/process-group.js";
import { freePort } from "../prometheus/harness.js";

export const alertmanagerPath = process.env["ALERTMANAGER"] ?? "prometheus-alertmanager";
export const amtoolPath = process.env["AMTOOL"] ?? "amtool";

/** One webhook notification: the alerts Alertmanager sent, with their labels. */
export interface Notification { readonly status: string; readonly alerts: readonly { readonly status: string; readonly labels: Readonly<Record<string, string>> }[] }

export interface WebhookReceiver {
  readonly url: string;
  readonly received: Notification[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records the JSON bodies posted to it. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Notification[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      try {
        received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Notification);
      } catch {
        // not a notification; nothing to record
      }
      response.writeHead(200).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RunningAlertmanager {
  readonly url: string;
  readonly address: string;
  logTail(): string;
  stop(): Promise<void>;
}

/** Starts Alertmanager with a config object and waits until it is ready. */
export async function startAlertmanager(config: object): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), "slo-alertmanager-"));
  const configFile = join(dir, "alertmanager.yaml");
  writeFileSync(configFile, stringify(config));
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const process = new GroupProcess("alertmanager", alertmanagerPath, [
    `--config.file=${configFile}`, `--storage.path=${join(dir, "data")}`, `--web.listen-address=${address}`, "--cluster.listen-address=",
  ], join(dir, "alertmanager.log"));
  const stop = async () => {
    await process.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (!process.running) {
      const log = process.logTail();
      await stop();
      throw new Error(`alertmanager exited:\n${log}`);
    }
    try {
      if ((await fetch(`http://${address}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const log = process.logTail();
      await stop();
      throw new Error(`alertmanager not ready within 30 s:\n${log}`);
    }
    await sleep(200);
  }
  return { url: `http://${address}`, address, logTail: () => process.logTail(), stop };
}
