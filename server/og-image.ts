/**
 * The preview image of a question (Open Graph, Twitter cards): its title on the forum's card,
 * 1200x630 PNG, drawn here: satori lays the text out into an SVG with the Inter font from
 * @fontsource/inter (an npm package, nothing downloaded), resvg (WebAssembly) turns it into
 * pixels. One render per question and title (the address carries the title's fingerprint,
 * lib/web/web-paths.ts), kept in memory; about a quarter of a second of CPU each.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import satori from "satori";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { SITE_NAME } from "../components/html/document";

const require = createRequire(import.meta.url);
const WIDTH = 1200;
const HEIGHT = 630;

const SUBSETS = ["latin", "latin-ext", "greek", "cyrillic"];
const FONT_FAMILY = SUBSETS.map((s) => `"Inter ${s}"`).join(", ");

type Font = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };
let ready: Promise<Font[]> | null = null;

/** The fonts and resvg's WebAssembly, loaded once, on the first image asked for. */
function prepare(): Promise<Font[]> {
  return (ready ??= (async () => {
    await initWasm(fs.readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));
    // Latin, Latin Extended, Greek and Cyrillic, one family each: satori takes each glyph from
    // the first family of the list that has it (FONT_FAMILY).
    const subsets = SUBSETS;
    return ([700, 400] as const).flatMap((weight) =>
      subsets.map((subset) => ({ name: `Inter ${subset}`, weight, style: "normal" as const, data: fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)) })),
    );
  })());
}

// Emoji, pictographs and scripts Inter does not cover (CJK, Arabic, ...) have no glyph here;
// they are left out rather than drawn as boxes (a title in such a script gets the site's card).
const NO_GLYPH = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}]|[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]|[\u{2E80}-\u{FFEF}]/gu;

type Node = { type: string; props: { style?: Record<string, string | number>; children?: Node | Node[] | string } };
const div = (style: Record<string, string | number>, children: Node | Node[] | string): Node => ({ type: "div", props: { style, children } });

function card(title: string, category: string): Node {
  const text = title.replace(NO_GLYPH, "").replace(/\s+/g, " ").trim() || "A question on the forum";
  const size = text.length > 110 ? 48 : text.length > 60 ? 58 : 68;
  return div({ display: "flex", flexDirection: "column", justifyContent: "space-between", width: "100%", height: "100%", padding: "64px 72px", boxSizing: "border-box", background: "#14161a", color: "#f3f4f6", fontFamily: FONT_FAMILY }, [
    div({ display: "flex", fontSize: 30, color: "#8ab4ff", fontWeight: 700 }, SITE_NAME),
    div({ display: "flex", fontSize: size, fontWeight: 700, lineHeight: 1.15, overflow: "hidden", maxHeight: 420 }, text.length > 160 ? `${text.slice(0, 157)}…` : text),
    div({ display: "flex", fontSize: 28, color: "#b8bcc6", fontWeight: 400 }, category.replace(NO_GLYPH, "").trim() || "Questions and answers"),
  ]);
}

export async function renderQuestionImage(title: string, category: string): Promise<Buffer> {
  const fonts = await prepare();
  const svg = await satori(card(title, category) as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts });
  return Buffer.from(new Resvg(svg, { fitTo: { mode: "width", value: WIDTH } }).render().asPng());
}

/** Renders an SVG (the site's icon) to a square PNG of `size` pixels. */
export async function renderSvgToPng(svg: string, size: number): Promise<Buffer> {
  await prepare();
  return Buffer.from(new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng());
}
