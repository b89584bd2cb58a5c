/** The worker side of readInputsInWorker: reads the inputs and posts their tables and rows. */
import { parentPort, workerData } from "node:worker_threads";
import type { ImportRecord } from "../core/records.js";
import { setLang } from "../i18n/index.js";
import { RefusedTableError, readInputs } from "./inputs.js";
import { packRecords } from "./record-batch.js";
import {
  MAX_BATCHES_IN_FLIGHT,
  type MainMessage,
  type ReaderData,
  serializeError,
  type WorkerMessage,
} from "./worker-inputs.js";

const port = parentPort;
if (port === null) throw new Error("read-worker.js runs only as a worker thread");
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

/**
 * Records a message carries at the least, but for a table's last: what is pending goes once
 * this many have come (a CSV chunk's rows come together, so a message may carry more).
 */
const BATCH_RECORDS = 1000;

/** Batches sent and not yet taken by the main thread. */
let inFlight = 0;
/** The highest table number the main thread does not want. */
let discarded = -1;
let wake: (() => void) | null = null;
port.on("message", (message: MainMessage) => {
  if (message.t === "ack") inFlight--;
  else discarded = Math.max(discarded, message.table);
  wake?.();
  wake = null;
});
const nextMessage = () =>
  new Promise<void>((resolve) => {
    wake = resolve;
  });

try {
  const { paths, options, lang } = workerData as ReaderData;
  setLang(lang);
  let tables = 0;
  for await (const item of readInputs(paths, options)) {
    if ("passedOver" in item) {
      post({ t: "passed", label: item.label, reason: item.reason });
      continue;
    }
    const table = tables++;
    post({ t: "table", info: item.info });
    // Readers yield as suits them (CSV a chunk's rows, vCard and LDIF a card or entry at a time):
    // the records go over in batches of at least BATCH_RECORDS, each message costing the same.
    let pending: ImportRecord[] = [];
    /** Sends what is pending; false when the main thread has let the table go meanwhile. */
    const send = async (): Promise<boolean> => {
      while (inFlight >= MAX_BATCHES_IN_FLIGHT && discarded < table) await nextMessage();
      if (discarded >= table) return false;
      if (pending.length === 0) return true;
      const packed = packRecords(pending);
      pending = [];
      post({ t: "batch", records: packed }, [packed.slots.buffer as ArrayBuffer]);
      inFlight++;
      return true;
    };
    try {
      let wanted = true;
      for await (const records of item.batches()) {
        for (const record of records) pending.push(record);
        if (pending.length < BATCH_RECORDS) continue;
        wanted = await send();
        if (!wanted) break;
      }
      if (wanted) await send();
      post({ t: "end" });
    } catch (error) {
      // What was read before the error goes first, as it would have in smaller batches.
      await send();
      // An error in a table's rows ends that table; the main thread decides what it means.
      post({
        t: "failed",
        refused: error instanceof RefusedTableError,
        error: serializeError(error),
      });
    }
  }
  post({ t: "done" });
} catch (error) {
  post({ t: "error", error: serializeError(error) });
}
port.close();
