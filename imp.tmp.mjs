const t0 = performance.now();
const steps = process.argv.slice(2);
let prev = t0;
for (const s of steps) { await import(s.startsWith("node:")||!s.startsWith(".")? s : new URL(s, import.meta.url).href); const t = performance.now(); console.log(s.padEnd(45), (t-prev).toFixed(1)); prev = t; }
console.log("total", (prev-t0).toFixed(1));
