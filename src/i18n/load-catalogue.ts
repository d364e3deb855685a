import type { Language } from '../domain/model/language.ts';
import type { Catalogue, OfficeCatalogue } from './translate.ts';

/**
 * Loads a language's catalogue. Only zh-TW's is in the first screen's code; each other language is a chunk of
 * its own, fetched when a person chooses it (or a link names it), so the first screen carries one catalogue.
 * Null for zh-TW: it is built in.
 */
export async function loadCatalogue(language: Language): Promise<Catalogue | null> {
  switch (language) {
    case 'zh-TW':
      return null;
    case 'en':
      return (await import('./messages-en.ts')).enMessages;
    case 'vi':
      return (await import('./messages-vi.ts')).viMessages;
    case 'id':
      return (await import('./messages-id.ts')).idMessages;
    case 'th':
      return (await import('./messages-th.ts')).thMessages;
  }
}

/**
 * Loads the catalogue of the tools a resident's first screen does not show (office workspace, imports, workshop,
 * shared map, dialogs): a chunk per language, zh-TW's included, fetched when such a tool is first shown.
 */
export async function loadOfficeCatalogue(language: Language): Promise<OfficeCatalogue> {
  switch (language) {
    case 'zh-TW':
      return (await import('./office-messages-zh.ts')).zhOfficeMessages;
    case 'en':
      return (await import('./office-messages-en.ts')).enOfficeMessages;
    case 'vi':
      return (await import('./office-messages-vi.ts')).viOfficeMessages;
    case 'id':
      return (await import('./office-messages-id.ts')).idOfficeMessages;
    case 'th':
      return (await import('./office-messages-th.ts')).thOfficeMessages;
  }
}

/** The romanised county and township names a language other than zh-TW shows (a chunk of their own). */
export async function loadPlaceNames(language: Language): Promise<Readonly<Record<string, string>> | null> {
  if (language === 'zh-TW') return null;
  const [{ PLACE_NAMES_EN }, { placeNameLookup }] = await Promise.all([
    import('../domain/geo/place-names-en.ts'),
    import('../domain/geo/place-names-en-of.ts'),
  ]);
  return placeNameLookup(PLACE_NAMES_EN);
}
