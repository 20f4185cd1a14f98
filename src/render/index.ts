export { canonicalTemplate, canonicalValue } from './canonical-template.ts';
export { type RenderedTemplate, renderTemplate, renderYaml } from './render-template.ts';
