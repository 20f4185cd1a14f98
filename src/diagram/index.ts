export { renderMermaid } from './render-mermaid.ts';
export { escapeXml, renderSvg } from './render-svg.ts';
