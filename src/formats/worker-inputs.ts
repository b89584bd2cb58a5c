/**
 * readInputs on a worker thread. Reading, decoding, parsing and mapping rows costs about as much
 * as writing them to SQLite; on a second core the two overlap, which nearly halves an import.
 * The worker runs ahead by at most a few batches, so memory stays bounded.
 */
import { Worker } from "node:worker_threads";
import type { ImportRecord } from "../core/records.js";
import { InputError, type InputLocation } from "../errors.js";
import {
  type InputTable,
  type PassedOver,
  type ReadOptions,
  RefusedTableError,
  type TableInfo,
} from "./inputs.js";

export type SerializedError =
  | { input: true; location: InputLocation; problem: string; code: string }
  | { input: false; message: string };

/** Messages from the worker. */
export type WorkerMessage =
  | { t: "passed"; label: string; reason: string }
  | { t: "table"; info: TableInfo }
  | { t: "batch"; records: ImportRecord[] }
  | { t: "end" }
  /** The table's rows ended in a RefusedTableError; the next table follows. */
  | { t: "refused"; error: SerializedError }
  | { t: "error"; error: SerializedError }
  | { t: "done" };

/** Messages to the worker. */
export type MainMessage = { t: "read" } | { t: "discard" } | { t: "ack" };

/** How many batches the worker may send before the main thread has written them. */
export const MAX_BATCHES_IN_FLIGHT = 8;

/** Messages of a port, taken one at a time with `await next()`. */
export class Inbox<T> {
  private readonly queue: T[] = [];
  private waiting: ((message: T) => void) | null = null;

  constructor(port: { on(event: "message", listener: (message: T) => void): unknown }) {
    port.on("message", (message: T) => this.push(message));
  }

  push(message: T): void {
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = null;
      wake(message);
    } else this.queue.push(message);
  }

  next(): Promise<T> {
    const message = this.queue.shift();
    if (message !== undefined) return Promise.resolve(message);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof InputError) {
    return { input: true, location: error.location, problem: error.problem, code: error.code };
  }
  return { input: false, message: error instanceof Error ? error.message : String(error) };
}

function deserializeError(error: SerializedError): Error {
  return error.input
    ? new InputError(error.location, error.problem, error.code)
    : new Error(`reading the input failed: ${error.message}`);
}

function deserializeRefusal(error: SerializedError): Error {
  return error.input
    ? new RefusedTableError(error.location, error.problem, error.code)
    : deserializeError(error);
}

export async function* readInputsInWorker(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<InputTable | PassedOver> {
  const worker = new Worker(new URL("./read-worker.js", import.meta.url), {
    workerData: { paths: [...paths], options },
  });
  const inbox = new Inbox<WorkerMessage>(worker);
  worker.on("error", (error) => inbox.push({ t: "error", error: serializeError(error) }));
  worker.on("exit", (code) => {
    if (code !== 0) inbox.push({ t: "error", error: { input: false, message: `exit ${code}` } });
  });
  const send = (message: MainMessage) => worker.postMessage(message);
  try {
    for (;;) {
      const message = await inbox.next();
      if (message.t === "done") return;
      if (message.t === "error") throw deserializeError(message.error);
      if (message.t === "passed") {
        yield { passedOver: true, label: message.label, reason: message.reason };
        continue;
      }
      if (message.t !== "table")
        throw new Error(`unexpected message from the reader: ${message.t}`);
      let answered = false;
      const table: InputTable = {
        info: message.info,
        discard: () => {
          if (answered) return;
          answered = true;
          send({ t: "discard" });
        },
        batches: async function* () {
          answered = true;
          send({ t: "read" });
          for (;;) {
            const next = await inbox.next();
            if (next.t === "end") return;
            if (next.t === "refused") throw deserializeRefusal(next.error);
            if (next.t === "error") throw deserializeError(next.error);
            if (next.t !== "batch")
              throw new Error(`unexpected message from the reader: ${next.t}`);
            yield next.records;
            send({ t: "ack" });
          }
        },
      };
      yield table;
      table.discard();
    }
  } finally {
    await worker.terminate();
  }
}
