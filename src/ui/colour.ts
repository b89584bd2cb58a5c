/** The one colour module: honours NO_COLOR and FORCE_COLOR, and is off when output is no terminal. */
import { Chalk, type ChalkInstance } from "chalk";
import { readEnv } from "../env.js";

export function createColour(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): ChalkInstance {
  if (readEnv("NO_COLOR", env) !== undefined && readEnv("NO_COLOR", env) !== "")
    return new Chalk({ level: 0 });
  if (readEnv("FORCE_COLOR", env) !== undefined && readEnv("FORCE_COLOR", env) !== "0")
    return new Chalk({ level: 1 });
  return new Chalk({ level: stream.isTTY ? 1 : 0 });
}

/** For renderers under test: no escape codes at all. */
export const plain: ChalkInstance = new Chalk({ level: 0 });
