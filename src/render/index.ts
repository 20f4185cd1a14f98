export { canonicalTemplate, canonicalValue } from './canonical-template.ts';
export { type RenderedTemplate, renderTemplate } from './render-template.ts';
