import './category-symbol.css';
import type { CategoryConfig } from '../domain/model/categories.ts';
import { markerSymbolSvg } from './marker-symbol.ts';

/** The category's symbol in its colour, decorative (the label beside it carries the meaning). */
export function CategorySymbol({
  category,
  size = 18,
}: {
  category: CategoryConfig | undefined;
  size?: number;
}) {
  if (!category) return null;
  return (
    <span
      className="category-symbol"
      aria-hidden="true"
      // Static SVG built from configuration colours and our own shapes; no data text goes in.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, code-owned SVG markup
      dangerouslySetInnerHTML={{ __html: markerSymbolSvg(category.symbol, category.color, size) }}
    />
  );
}
