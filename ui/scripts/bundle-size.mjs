// Prints how much JavaScript the window loads before sign-in, and what each screen's chunk adds
// on first use; exits with 1 when the first figure is over the budget. Before sign-in means the
// entry script with every chunk it imports statically (what dist/index.html loads) plus the
// larger of the two languages' shared strings, which start-up fetches before the first screen.
// Chunks the sign-in screen fetches in the background once painted (the signed-in shell, home)
// are listed with the others. Reads Vite's build manifest: run it after `vite build`.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Bytes (1 KB = 1,000 bytes). */
const BUDGET = 400_000;
const LANGUAGE_CHUNKS = ["src/i18n/en.ts", "src/i18n/it.ts"];

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const size = (key) => statSync(join(dist, manifest[key].file)).size;
const isJs = (key) => manifest[key].file.endsWith(".js");

/** `key` and every chunk it imports statically, transitively. */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const k of manifest[key].imports ?? []) closure(k, into);
  return into;
}

/** Bytes of the JavaScript among `keys` that is not in `loaded` already. */
const added = (keys, loaded) =>
  [...keys].filter((k) => isJs(k) && !loaded.has(k)).reduce((n, k) => n + size(k), 0);
const kb = (n) => `${(n / 1000).toFixed(1).padStart(6)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error("the manifest names no entry");
for (const k of LANGUAGE_CHUNKS) if (!manifest[k]) throw new Error(`no chunk for ${k}`);
const first = closure(entry);
const strings = Math.max(...LANGUAGE_CHUNKS.map((k) => added(closure(k), first)));
const total = added(first, new Set()) + strings;

console.log(`JavaScript before sign-in: ${kb(total)} (budget ${kb(BUDGET)})`);
console.log(`  entry and its static imports: ${kb(total - strings)} in ${first.size} files`);
console.log(`  shared strings of one language: ${kb(strings)}`);
console.log("Loaded on first use (the chunk, and with what it needs beyond the first script):");
const lazy = Object.keys(manifest)
  .filter((k) => manifest[k].isDynamicEntry && !LANGUAGE_CHUNKS.includes(k))
  .map((k) => ({ name: manifest[k].name ?? k, own: size(k), all: added(closure(k), first) }))
  .sort((a, b) => b.all - a.all);
for (const c of lazy) console.log(`  ${c.name.padEnd(20)} ${kb(c.own)}  ${kb(c.all)}`);

if (total > BUDGET) {
  console.error(`Over budget: ${kb(total)} before sign-in, at most ${kb(BUDGET)}.`);
  process.exit(1);
}
