/** A link to one resource: the page with only its id (and the language when it is not the default). */
export function resourceShareUrl(pageHref: string, id: string, language: string): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = '';
  url.searchParams.set('id', id);
  if (language !== 'zh-TW') url.searchParams.set('lang', language);
  return url.href;
}

/**
 * A link to the current view. With `dropMapView`, the map position (`at`) is left out: a view centred on where
 * the resident is standing would tell whoever gets the link where that is.
 */
export function viewShareUrl(pageHref: string, dropMapView: boolean): string {
  const url = new URL(pageHref);
  url.hash = '';
  if (dropMapView) url.searchParams.delete('at');
  return url.href;
}

/** LINE's share link (opens the LINE app on phones with the text and link ready to send). */
export function lineShareUrl(text: string, link: string): string {
  return `https://line.me/R/share?text=${encodeURIComponent(`${text}\n${link}`)}`;
}
