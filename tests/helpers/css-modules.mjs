// Node's tests load modules that import CSS modules for their class names (markup built as
// strings, components/member-post-markup.ts). Outside Next's bundler there is no CSS: each
// such module becomes an object that maps every class name to itself.
import { register } from "node:module";

register("./css-modules-hooks.mjs", import.meta.url);
