/** Text as HTML/XML/SVG character data or a double-quoted attribute value (& < > " escaped). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
