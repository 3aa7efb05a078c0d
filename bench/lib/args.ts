/** `--name value` and `--flag` command-line options, with defaults and a usage message. */
export function readArgs(argv: string[], usage: string) {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument "${arg}".\n${usage}`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) values.set(name, inline);
    else if (next !== undefined && !next.startsWith("--")) values.set(name, argv[++i]!);
    else values.set(name, true);
  }
  return {
    flag: (name: string) => values.get(name) === true,
    string: (name: string) => {
      const v = values.get(name);
      return typeof v === "string" ? v : undefined;
    },
    number: (name: string, fallback: number) => {
      const v = values.get(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number.\n${usage}`);
      return n;
    },
  };
}
