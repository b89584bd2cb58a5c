/** The program as a process: runs the command line and sets the exit code. cli.ts stays importable. */
import { VERSION } from "./version.js";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  // Asked for the version alone: answered before commander, the catalogues or SQLite load. A
  // reader that has gone (`invites -V | true`) is no error, as for every command (onStdoutError).
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.stdout.write(`${VERSION}\n`);
} else {
  const [{ main }, { onStdoutError }] = await Promise.all([
    import("./cli.js"),
    import("./ui/output.js"),
  ]);
  process.stdout.on("error", onStdoutError);
  process.exitCode = await main(argv);
}
