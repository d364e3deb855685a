import type { zhDataLink } from './zh-data-link.ts';

/** English strings of `?data=` links. */
export const enDataLink: Record<keyof typeof zhDataLink, string> = {
  'dataLink.confirmTitle': 'Load the data this link brings?',
  'dataLink.confirmHost': 'This link adds data from {host} to the map.',
  'dataLink.confirmWarning':
    'This is not official data: whoever made the link decides what it says, and this map cannot check it. It may be wrong, or falsely use the names and phone numbers of real organisations. Load it only if you trust the source.',
  'dataLink.confirmUrl': 'Full address',
  'dataLink.confirmKeep': 'If you do not load it, the map shows official data only.',
  'dataLink.limit': 'Files up to {limit}.',
  'dataLink.decline': 'Don’t load',
  'dataLink.accept': 'Load this data',
  'dataLink.banner': 'This map includes unofficial data from {host}',
  'dataLink.bannerLabel': 'Unofficial data',
  'dataLink.remove': 'Remove unofficial data',
  'dataLink.loading': 'Loading unofficial data from {host}…',
  'dataLink.failed': 'The link’s data could not be loaded ({source}): {reason}',
  'dataLink.badge': 'Unofficial · {host}',
  'dataLink.detailNote':
    'This record comes from a link to {host}. It is not official data and has not been checked.',
  'dataLink.tooLarge': 'The file is larger than the {limit} limit for linked data; nothing was loaded',
  'dataLink.hasCredentials': 'The link must not contain a user name or password',
  'dataLink.marker': ', unofficial data from {host}',
  'dataLink.cluster': '{count} resources, {linked} of them unofficial data, click to zoom in',
  'dataLink.legendLabel': 'Unofficial data markers',
  'dataLink.legendMarker': 'Dashed outline with “!”: unofficial data from {host}, not checked',
  'dataLink.legendCluster': 'Dashed number bubble with “!”: includes unofficial data',
  'dataLink.exportNote':
    'The list includes {count} unofficial records from {host}: the file marks each in a “{column}” column, and its name says so.',
  'dataLink.filePart': 'includes unofficial data',
};
