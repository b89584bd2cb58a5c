/**
 * The language the tool speaks: `--lang de|en` on any command, else INVITES_LANG, else the
 * first of LC_ALL, LC_MESSAGES and LANG that is set (POSIX order); a value starting `de` is
 * German, anything else English. Every word the tool prints comes from the catalogue of that
 * language (en.ts, de.ts); the compiler checks that both hold every message.
 */
import { readEnv } from "../env.js";
import { de } from "./de.js";
import { type Catalogue, en } from "./en.js";

export type { Catalogue } from "./en.js";

export type Lang = "en" | "de";

export const LANGS: readonly Lang[] = ["en", "de"];

const CATALOGUES: Record<Lang, Catalogue> = { en, de };

let current: Lang = "en";

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

/** The catalogue of the language in use. */
export function m(): Catalogue {
  return CATALOGUES[current];
}

/** The value `--lang` has on the command line, if it is given (`--lang de`, `--lang=de`). */
function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") break;
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The language from the environment alone. */
function langOfEnvironment(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ["INVITES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] as const) {
    const value = readEnv(name, env)?.trim();
    if (value) return value.toLowerCase().startsWith("de") ? "de" : "en";
  }
  return "en";
}

/** `--lang` if it names a language, else the environment's. */
export function resolveLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  const flag = langFlag(argv);
  return flag !== undefined && isLang(flag) ? flag : langOfEnvironment(env);
}
