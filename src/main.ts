/** The program as a process: runs the command line and sets the exit code. cli.ts stays importable. */
import { main } from "./cli.js";
import { onStdoutError } from "./ui/output.js";

process.stdout.on("error", onStdoutError);
process.exitCode = await main(process.argv.slice(2));
