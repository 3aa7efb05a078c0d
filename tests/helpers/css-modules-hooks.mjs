// Loader hooks registered by css-modules.mjs.
const classNamesAsThemselves = "export default new Proxy({}, { get: (_, name) => (typeof name === 'string' ? name : undefined) });";

export async function load(url, context, nextLoad) {
  if (url.endsWith(".module.css")) return { format: "module", source: classNamesAsThemselves, shortCircuit: true };
  return nextLoad(url, context);
}
