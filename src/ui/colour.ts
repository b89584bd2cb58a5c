/**
 * The one colour module: honours NO_COLOR and FORCE_COLOR, and is off when output is no terminal.
 * Chalk is loaded only when colour is on: output to a pipe or a file, and every `--json`, starts
 * without it (it was a tenth of `invites status --json`'s start-up).
 */
import { readEnv } from "../env.js";

/** A style: the text wrapped in its terminal codes, or the text as it is when colour is off. */
export type Style = (text: string) => string;

/** The styles the tool prints with. A chalk instance is one. */
export interface Colour {
  bold: Style;
  dim: Style;
  red: Style;
  green: Style;
  yellow: Style;
  cyan: Style;
  inverse: Style;
}

const same: Style = (text) => text;

/** No escape codes at all: output that is no terminal, and renderers under test. */
export const plain: Colour = {
  bold: same,
  dim: same,
  red: same,
  green: same,
  yellow: same,
  cyan: same,
  inverse: same,
};

/** Whether output to `stream` is coloured: NO_COLOR first, then FORCE_COLOR, then a terminal. */
export function colourIsOn(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const noColor = readEnv("NO_COLOR", env);
  const forceColor = readEnv("FORCE_COLOR", env);
  if (noColor !== undefined && noColor !== "") return false;
  if (forceColor !== undefined && forceColor !== "0") return true;
  return stream.isTTY === true;
}

export async function createColour(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Colour> {
  if (!colourIsOn(stream, env)) return plain;
  const { Chalk } = await import("chalk");
  return new Chalk({ level: 1 });
}
