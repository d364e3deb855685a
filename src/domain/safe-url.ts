/** Returns the URL when it is http(s), else null: data never gets to run `javascript:` links. */
export function safeHttpUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const candidate = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
