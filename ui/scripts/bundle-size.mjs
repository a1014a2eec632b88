// Prints how much JavaScript the window loads before sign-in (the entry script and every chunk it
// imports statically, as dist/index.html references them) and what each screen's chunk adds on
// first use. Exits with 1 when the first figure is over the budget. Reads Vite's build manifest,
// so run it after `vite build`.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET = 400 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const bytes = (key) => statSync(join(dist, manifest[key].file)).size;
const isJs = (key) => manifest[key].file.endsWith(".js");

/** `key` and every chunk it imports statically, transitively. */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const k of manifest[key].imports ?? []) closure(k, into);
  return into;
}

const sum = (keys) => [...keys].filter(isJs).reduce((n, k) => n + bytes(k), 0);
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error("the manifest names no entry");
const before = closure(entry);
const total = sum(before);

console.log(`JavaScript before sign-in: ${kb(total)} in ${before.size} files (budget ${kb(BUDGET)})`);
console.log("Loaded on first use (the chunk and what it needs beyond the above):");
const lazy = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry)
  .map((k) => ({ name: manifest[k].name ?? k, own: bytes(k), added: sum(closure(k)) - sum(before) }))
  .map((c) => ({ ...c, added: c.added }))
  .sort((a, b) => b.added - a.added);
for (const c of lazy) console.log(`  ${c.name.padEnd(24)} ${kb(c.own)} own, ${kb(c.added)} with its imports`);

if (total > BUDGET) {
  console.error(`over budget: ${kb(total)} before sign-in, at most ${kb(BUDGET)}`);
  process.exit(1);
}
