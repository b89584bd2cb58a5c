/** The program as a process: runs the command line and sets the exit code. cli.ts stays importable. */
import { VERSION } from "./version.js";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  // Asked for the version alone: answered before commander, the catalogues or SQLite load.
  process.stdout.write(`${VERSION}\n`);
} else {
  const [{ main }, { onStdoutError }] = await Promise.all([
    import("./cli.js"),
    import("./ui/output.js"),
  ]);
  process.stdout.on("error", onStdoutError);
  process.exitCode = await main(argv);
}
