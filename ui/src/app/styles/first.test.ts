import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The window loads Mantine's styles in two parts (see `first.ts`): the components of the screens
// up to home, then everything once an area opens. This test walks the import graph of those
// first screens, and of the Mantine components they use, and checks that `first.ts` loads exactly
// the stylesheets they need, each after the stylesheets of the components it is built from.

const SRC = resolve(__dirname, "../..");
const MODULES = resolve(SRC, "../node_modules");
const FIRST = resolve(__dirname, "first.ts");
/** Always first, in this order: Mantine's reset, its CSS variables, its global classes. */
const BASE = ["baseline", "default-css-variables", "global"].map(
  (f) => `@mantine/core/styles/${f}.layer.css`,
);

const read = (file: string) => readFileSync(file, "utf8");

type Import = { from: string; names: string[] | "all"; dynamic: boolean };

/** The value imports of a module (type-only imports load nothing). */
function importsOf(code: string): Import[] {
  const out: Import[] = [];
  for (const m of code.matchAll(
    /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g,
  )) {
    if (m[2] || m[1] === undefined || m[4] === undefined) continue;
    const clause = m[3] ?? "";
    const braces = clause.match(/\{([^}]*)\}/);
    const names = braces?.[1]
      ? braces[1]
          .split(",")
          .map((n) => n.trim())
          .filter((n) => n && !n.startsWith("type "))
          .map((n) => n.split(/\s+as\s+/)[0] ?? n)
      : [];
    out.push({ from: m[4], names: clause.includes("*") ? "all" : names, dynamic: false });
  }
  for (const m of code.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g))
    if (m[1]) out.push({ from: m[1], names: [], dynamic: false });
  for (const m of code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g))
    if (m[1]) out.push({ from: m[1], names: "all", dynamic: true });
  return out;
}

function resolveSource(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ])
    if (existsSync(c) && c.match(/\.tsx?$/)) return c;
  return null;
}

/** Area screens load every stylesheet with them: the walk stops at them (home excepted). */
function isAreaPage(importer: string, spec: string, dynamic: boolean) {
  return (
    dynamic &&
    relative(SRC, importer) === "app/pages.ts" &&
    !spec.endsWith("features/home/HomePage")
  );
}

/** What the first screens import from each Mantine package: package → names ("all": whole). */
function firstScreensMantine(): Map<string, Set<string> | "all"> {
  const used = new Map<string, Set<string> | "all">();
  const seen = new Set<string>();
  const todo = [resolve(SRC, "main.tsx")];
  for (let file = todo.pop(); file; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imp of importsOf(read(file))) {
      const pkg = imp.from.match(/^@mantine\/(core|dates|notifications)$/)?.[0];
      if (pkg) {
        const had = used.get(pkg) ?? new Set<string>();
        if (imp.names === "all" || had === "all") used.set(pkg, "all");
        else used.set(pkg, new Set([...had, ...imp.names]));
      } else if (imp.from.startsWith(".") && !isAreaPage(file, imp.from, imp.dynamic)) {
        const next = resolveSource(file, imp.from);
        if (next) todo.push(next);
      }
    }
  }
  return used;
}

/** The file of a package's index that exports `name`. */
function exportFile(pkg: string, name: string | "all"): string[] {
  const index = join(MODULES, pkg, "esm/index.mjs");
  const files: string[] = [];
  let found = false;
  for (const m of read(index).matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    const names = (m[1] ?? "").split(",").map((n) =>
      n
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    );
    if (name !== "all" && !names.includes(name)) continue;
    found = true;
    // Re-exports of other libraries (react-remove-scroll) bring no stylesheet.
    if (m[2]?.startsWith(".")) files.push(resolve(dirname(index), m[2]));
  }
  if (!found) throw new Error(`${pkg} exports no ${name}`);
  return files;
}

/** The stylesheet a Mantine module's classes come from. */
function stylesheetOf(file: string): string | null {
  const m = file.match(
    /@mantine\/(core|dates|notifications)\/esm\/(?:.*\/)?([^/]+)\.module\.css\.mjs$/,
  );
  if (!m) return null;
  return m[1] === "core"
    ? `@mantine/core/styles/${m[2]}.layer.css`
    : `@mantine/${m[1]}/styles.layer.css`;
}

/**
 * The stylesheets the first screens need, and for each the ones it must come after (those of the
 * components it is built from), from the imports of Mantine's own modules.
 */
function needed(uses: Map<string, Set<string> | "all">): Map<string, Set<string>> {
  const after = new Map<string, Set<string>>();
  const sheetsBelow = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  /** The stylesheets `file` and the modules below it use. */
  const walk = (file: string): Set<string> => {
    const done = sheetsBelow.get(file);
    if (done) return done;
    if (visiting.has(file)) return new Set();
    visiting.add(file);
    const below = new Set<string>();
    let own: string | null = null;
    for (const imp of importsOf(read(file))) {
      const pkg = imp.from.match(/^@mantine\/(core|dates|notifications)$/)?.[0];
      const targets = imp.from.startsWith(".")
        ? [resolve(dirname(file), imp.from)]
        : pkg
          ? (imp.names === "all" ? ["all" as const] : imp.names).flatMap((n) => exportFile(pkg, n))
          : [];
      for (const t of targets) {
        const sheet = stylesheetOf(t);
        if (sheet) own = sheet;
        else for (const s of walk(t)) below.add(s);
      }
    }
    if (own) {
      const deps = after.get(own) ?? new Set<string>();
      for (const s of below) if (s !== own) deps.add(s);
      after.set(own, deps);
      below.add(own);
    }
    visiting.delete(file);
    sheetsBelow.set(file, below);
    return below;
  };
  for (const [pkg, names] of uses)
    for (const n of names === "all" ? ["all" as const] : names)
      for (const f of exportFile(pkg, n)) walk(f);
  return after;
}

/** The stylesheets a module imports, in order. */
function loaded(file: string): string[] {
  return [...read(file).matchAll(/^import\s+"([^"]+\.css)";/gm)].map((m) => m[1] ?? "");
}

/**
 * Where each stylesheet's rules sit in Mantine's own full stylesheet, which the app loaded whole
 * before: the position of its first class there. The dates and notifications packages' files
 * came after it, in that order.
 */
function mantineOrder(): Map<string, number> {
  const full = read(join(MODULES, "@mantine/core/styles.css"));
  const dir = join(MODULES, "@mantine/core/styles");
  const at = new Map<string, number>([
    ["@mantine/dates/styles.layer.css", full.length],
    ["@mantine/notifications/styles.layer.css", full.length + 1],
  ]);
  for (const f of readdirSync(dir).filter((f) => !f.endsWith(".layer.css"))) {
    const lines = read(join(dir, f))
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("/*"));
    const first = lines.find((l) => l.startsWith(".m_")) ?? lines[0] ?? "";
    at.set(`@mantine/core/styles/${f.replace(/\.css$/, ".layer.css")}`, full.indexOf(first));
  }
  return at;
}

/**
 * Pairs of stylesheets that meet on the same elements (a component and one it is built from or
 * holds) and that `list` loads in the opposite order to Mantine's full stylesheet: there, rules
 * of equal weight would now resolve differently.
 */
function misplaced(need: Map<string, Set<string>>, list: string[]): string[] {
  const order = mantineOrder();
  const pos = (s: string) => order.get(s) ?? Number.NaN;
  const out: string[] = [];
  for (const [sheet, deps] of need)
    for (const d of deps) {
      const before = list.indexOf(d) < list.indexOf(sheet);
      if (before !== pos(d) < pos(sheet)) out.push(`${d} and ${sheet}`);
    }
  return [...new Set(out)];
}

describe("the first screens' stylesheets", () => {
  const need = needed(firstScreensMantine());
  const list = loaded(FIRST);
  if (process.env.PRINT_ORDER) {
    const out: string[] = [];
    const visit = (s: string) => {
      if (out.includes(s)) return;
      for (const d of [...(need.get(s) ?? [])].sort()) visit(d);
      out.push(s);
    };
    for (const s of [...need.keys()].sort()) visit(s);
    console.log(out.map((s) => `import "${s}";`).join("\n"));
  }

  it("start with Mantine's reset, variables and global classes", () => {
    expect(list.slice(0, BASE.length)).toEqual(BASE);
  });

  it("are exactly those of the components the screens up to home use", () => {
    const want = [...need.keys()].sort();
    expect([...list.slice(BASE.length)].sort()).toEqual(want);
  });

  it("keep the order of Mantine's full stylesheet wherever two meet", () => {
    expect(misplaced(need, list)).toEqual([]);
  });
});

describe("the rest of Mantine's stylesheets, loaded with the first area", () => {
  const ALL = ["core", "dates", "notifications"].map((p) => `@mantine/${p}`);
  const need = needed(new Map(ALL.map((p) => [p, "all" as const])));
  const first = loaded(FIRST);
  const rest = loaded(resolve(__dirname, "all.ts"));

  it("are every stylesheet the first screens do not load, each once", () => {
    expect([...first.slice(BASE.length), ...rest].sort()).toEqual([...need.keys()].sort());
  });

  it("keep, after the first screens' part, the order of Mantine's full stylesheet", () => {
    expect(misplaced(need, [...first, ...rest])).toEqual([]);
  });
});
