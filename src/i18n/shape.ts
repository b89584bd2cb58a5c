/**
 * The shape every catalogue has: the same messages, taking the same arguments, giving text. A
 * section written in its own file (en and de side by side) is typed `Shape<typeof en…>`, so that
 * a message missing or extra in one language does not compile.
 */
export type Shape<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R extends readonly string[] ? readonly string[] : string
  : T extends string
    ? string
    : T extends readonly string[]
      ? readonly string[]
      : { [K in keyof T]: Shape<T[K]> };
