// Kubernetes Events (events.k8s.io/v1) about an object, for `kubectl describe` and event
// exporters. The controller records only transitions, so no aggregation is needed; an event that
// cannot be written is logged and never fails a reconcile.
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { KubeApi } from "./client.js";
import { describeError } from "./errors.js";
import { eventResource, resourcePath, type KubeObject } from "./resources.js";

export type EventType = "Normal" | "Warning";

export interface RecordedEvent {
  readonly type: EventType;
  /** CamelCase, e.g. InvalidSpec. */
  readonly reason: string;
  /** What the operator did or failed to do, e.g. Apply, Validate. */
  readonly action: string;
  readonly note: string;
}

/** Where events go; the real recorder and test fakes implement it. */
export interface EventSink {
  record(regarding: KubeObject, event: RecordedEvent): Promise<void>;
}

/** MicroTime: RFC 3339 with microseconds, as events.k8s.io/v1 requires for eventTime. */
export const microTime = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

export class EventRecorder implements EventSink {
  constructor(
    private readonly api: KubeApi,
    private readonly source: { readonly controller: string; readonly instance: string },
    private readonly log: Logger,
  ) {}

  async record(regarding: KubeObject, event: RecordedEvent): Promise<void> {
    const namespace = regarding.metadata.namespace ?? "default";
    const body = {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: `${regarding.metadata.name}.${randomBytes(8).toString("hex")}`, namespace },
      eventTime: microTime(new Date()),
      reportingController: this.source.controller,
      reportingInstance: this.source.instance.slice(0, 128),
      action: event.action,
      reason: event.reason,
      type: event.type,
      note: event.note.slice(0, 1024),
      regarding: {
        apiVersion: regarding.apiVersion,
        kind: regarding.kind,
        name: regarding.metadata.name,
        namespace,
        uid: regarding.metadata.uid,
        resourceVersion: regarding.metadata.resourceVersion,
      },
    };
    try {
      await this.api.request("POST", resourcePath(eventResource, namespace), { body });
    } catch (cause) {
      this.log.warn({ err: describeError(cause), reason: event.reason }, "could not record an event");
    }
  }
}
