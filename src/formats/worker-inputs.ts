/**
 * readInputs on a worker thread. Reading, decoding, parsing and mapping rows costs about as much
 * as writing them to SQLite; on a second core the two overlap, which nearly halves an import.
 * The worker reads ahead, into the next table too, while the main thread writes, and stops when
 * told the table is not wanted; it runs ahead by at most a bounded number of batches, so memory
 * stays bounded.
 */
import { Worker } from "node:worker_threads";
import { InputError, type InputLocation } from "../errors.js";
import { type Lang, lang, m } from "../i18n/index.js";
import {
  type InputTable,
  type PassedOver,
  type ReadOptions,
  RefusedTableError,
  type TableInfo,
} from "./inputs.js";
import { type PackedRecords, unpackRecords } from "./record-batch.js";

/** What the worker is started with. */
export interface ReaderData {
  paths: string[];
  options: ReadOptions;
  lang: Lang;
}

export type SerializedError =
  | { input: true; location: InputLocation; problem: string; code: string }
  | { input: false; message: string };

/** Messages from the worker. */
export type WorkerMessage =
  | { t: "passed"; label: string; reason: string }
  | { t: "table"; info: TableInfo }
  | { t: "batch"; records: PackedRecords }
  | { t: "end" }
  /**
   * The table's rows ended in an error, a refusal of the table alone or one that stops the
   * import; the next table follows. Only a table the main thread reads fails with it: the worker
   * reads ahead, also into tables that turn out to be imported already.
   */
  | { t: "failed"; refused: boolean; error: SerializedError }
  | { t: "error"; error: SerializedError }
  | { t: "done" };

/** Messages to the worker: a batch has been taken, or a table (by its number) is not wanted. */
export type MainMessage = { t: "ack" } | { t: "discard"; table: number };

/**
 * How many batches the worker may send before the main thread has taken them: enough to read on
 * while the main thread works out a table's closures (about 0.2 s for 100,000 invitations), a
 * few MiB at most.
 */
export const MAX_BATCHES_IN_FLIGHT = 64;

/** Messages of a port, taken one at a time with `await next()`. */
class Inbox<T> {
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
    : new Error(m().formats.readerFailed(error.message));
}

function deserializeFailure(message: { refused: boolean; error: SerializedError }): Error {
  const { error } = message;
  return message.refused && error.input
    ? new RefusedTableError(error.location, error.problem, error.code)
    : deserializeError(error);
}

export async function* readInputsInWorker(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<InputTable | PassedOver> {
  const worker = new Worker(new URL("./read-worker.js", import.meta.url), {
    // The worker words its errors and what it passes over in the language of this thread.
    workerData: { paths: [...paths], options, lang: lang() } satisfies ReaderData,
  });
  const inbox = new Inbox<WorkerMessage>(worker);
  worker.on("error", (error) => inbox.push({ t: "error", error: serializeError(error) }));
  worker.on("exit", (code) => {
    if (code !== 0) inbox.push({ t: "error", error: { input: false, message: `exit ${code}` } });
  });
  const send = (message: MainMessage) => worker.postMessage(message);
  const unexpected = (message: WorkerMessage) =>
    new Error(`unexpected message from the reader: ${message.t}`);
  let tables = 0;
  try {
    for (;;) {
      const message = await inbox.next();
      if (message.t === "done") return;
      if (message.t === "error") throw deserializeError(message.error);
      if (message.t === "passed") {
        yield { passedOver: true, label: message.label, reason: message.reason };
        continue;
      }
      if (message.t !== "table") throw unexpected(message);
      const number = tables++;
      let asked = false;
      /** Whether the table's end (or failure) has been taken from the inbox. */
      let finished = false;
      /** The table's next batch, or null at its end; its failure counts only if it is read. */
      const nextBatch = async (reading = true): Promise<PackedRecords | null> => {
        const next = await inbox.next();
        if (next.t === "batch") return next.records;
        if (next.t === "error") throw deserializeError(next.error);
        if (next.t !== "end" && next.t !== "failed") throw unexpected(next);
        finished = true;
        if (next.t === "failed" && reading) throw deserializeFailure(next);
        return null;
      };
      const table: InputTable = {
        info: message.info,
        discard: () => {
          if (asked) return;
          asked = true;
          send({ t: "discard", table: number });
        },
        batches: async function* () {
          if (asked) throw new Error("a table's rows are read once");
          asked = true;
          for (let packed = await nextBatch(); packed !== null; packed = await nextBatch()) {
            yield unpackRecords(packed);
            send({ t: "ack" });
          }
        },
      };
      yield table;
      table.discard();
      // What the worker read ahead of a table that is not wanted, up to its end.
      while (!finished) if ((await nextBatch(false)) !== null) send({ t: "ack" });
    }
  } finally {
    await worker.terminate();
  }
}
