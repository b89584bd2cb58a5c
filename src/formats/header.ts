/** A CSV header row, looked up by column name: case-, space- and quote-insensitive. */
export class Header {
  readonly names: string[];
  private readonly byKey = new Map<string, number>();

  constructor(cells: readonly string[]) {
    this.names = cells.map((c) => c.replace(/^\uFEFF/, "").trim());
    this.names.forEach((name, i) => {
      const key = headerKey(name);
      if (key !== "" && !this.byKey.has(key)) this.byKey.set(key, i);
    });
  }

  get first(): string {
    return headerKey(this.names[0] ?? "");
  }

  /** Columns that hold a name at all (old Thunderbird and Excel add empty trailing ones). */
  get width(): number {
    let n = this.names.length;
    while (n > 0 && this.names[n - 1] === "") n--;
    return n;
  }

  has(...names: string[]): boolean {
    return names.every((n) => this.byKey.has(headerKey(n)));
  }

  /** Index of the first of these names that the header has. */
  find(names: readonly string[]): number | undefined {
    for (const n of names) {
      const i = this.byKey.get(headerKey(n));
      if (i !== undefined) return i;
    }
    return undefined;
  }

  /** Indexes of every column whose name is listed or matches a pattern, in header order. */
  findAll(names: readonly (string | RegExp)[]): number[] {
    const keys = new Set(names.filter((n): n is string => typeof n === "string").map(headerKey));
    const patterns = names.filter((n): n is RegExp => n instanceof RegExp);
    const found: number[] = [];
    this.names.forEach((name, i) => {
      if (keys.has(headerKey(name)) || patterns.some((p) => p.test(name))) found.push(i);
    });
    return found;
  }

  startsWith(names: readonly string[]): boolean {
    return names.every((n, i) => headerKey(this.names[i] ?? "") === headerKey(n));
  }
}

export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** A problem with one row; the reader adds the file and line. */
export class RowError extends Error {}

export function cell(cells: readonly string[], index: number | undefined): string {
  if (index === undefined) return "";
  return (cells[index] ?? "").trim();
}
