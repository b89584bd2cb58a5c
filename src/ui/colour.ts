/** The one colour module: honours NO_COLOR and FORCE_COLOR, and is off when output is no terminal. */
import { Chalk, type ChalkInstance } from "chalk";
import { readEnv } from "../env.js";

export function createColour(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): ChalkInstance {
  const noColor = readEnv("NO_COLOR", env);
  const forceColor = readEnv("FORCE_COLOR", env);
  if (noColor !== undefined && noColor !== "") return new Chalk({ level: 0 });
  if (forceColor !== undefined && forceColor !== "0") return new Chalk({ level: 1 });
  return new Chalk({ level: stream.isTTY ? 1 : 0 });
}

/** For renderers under test: no escape codes at all. */
export const plain: ChalkInstance = new Chalk({ level: 0 });
