/** The worker side of readInputsInWorker: reads the inputs and posts their tables and rows. */
import { parentPort, workerData } from "node:worker_threads";
import { type ReadOptions, RefusedTableError, readInputs } from "./inputs.js";
import {
  Inbox,
  MAX_BATCHES_IN_FLIGHT,
  type MainMessage,
  serializeError,
  type WorkerMessage,
} from "./worker-inputs.js";

const port = parentPort;
if (port === null) throw new Error("read-worker.js runs only as a worker thread");
const inbox = new Inbox<MainMessage>(port);
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const { paths, options } = workerData as { paths: string[]; options: ReadOptions };
  for await (const item of readInputs(paths, options)) {
    if ("passedOver" in item) {
      post({ t: "passed", label: item.label, reason: item.reason });
      continue;
    }
    post({ t: "table", info: item.info });
    if ((await inbox.next()).t !== "read") continue;
    let inFlight = 0;
    try {
      for await (const records of item.batches()) {
        post({ t: "batch", records });
        if (++inFlight >= MAX_BATCHES_IN_FLIGHT) {
          await inbox.next();
          inFlight--;
        }
      }
      post({ t: "end" });
    } catch (error) {
      // A refused table ends on its own; the other tables are still read.
      if (!(error instanceof RefusedTableError)) throw error;
      post({ t: "refused", error: serializeError(error) });
    }
    // The main thread acknowledges every batch; take the last acknowledgements before moving on.
    while (inFlight-- > 0) await inbox.next();
  }
  post({ t: "done" });
} catch (error) {
  post({ t: "error", error: serializeError(error) });
}
port.close();
