/**
 * The site's icons, drawn from one SVG: /icon.svg as it is, /favicon.ico (a 32 px PNG inside an
 * ICO, which every browser reads) and /apple-touch-icon.png (180 px), rendered on first request
 * and kept: no binary files to keep in the repository.
 */
import { renderSvgToPng } from "./og-image";

// Two linked nodes on the forum's blue: a packet between peers. Shapes only, no text, so it
// needs no font wherever it is drawn.
export const SITE_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="14" fill="#2457c5"/>
<path d="M19 44 L45 20" stroke="#ffffff" stroke-width="5" stroke-linecap="round"/>
<circle cx="19" cy="44" r="9" fill="#ffffff"/>
<circle cx="45" cy="20" r="9" fill="#ffffff"/>
<circle cx="32" cy="32" r="4.5" fill="#ffd166"/>
</svg>
`;

/** One PNG in an ICO container (ICONDIR + one ICONDIRENTRY + the PNG, which ICO allows since Vista). */
export function pngToIco(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8);
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, png]);
}

type Icon = { body: Buffer; type: string };
const rendered = new Map<string, Promise<Icon>>();

const ICONS: Record<string, () => Promise<Icon>> = {
  "/icon.svg": async () => ({ body: Buffer.from(SITE_ICON_SVG), type: "image/svg+xml" }),
  "/favicon.ico": async () => ({ body: pngToIco(await renderSvgToPng(SITE_ICON_SVG, 32), 32), type: "image/x-icon" }),
  "/apple-touch-icon.png": async () => ({ body: await renderSvgToPng(SITE_ICON_SVG, 180), type: "image/png" }),
};

export const isSiteIconPath = (pathname: string) => Object.hasOwn(ICONS, pathname);

export function siteIcon(pathname: string): Promise<Icon> {
  let icon = rendered.get(pathname);
  if (!icon) {
    icon = ICONS[pathname]!();
    rendered.set(pathname, icon);
    icon.catch(() => rendered.delete(pathname));
  }
  return icon;
}
