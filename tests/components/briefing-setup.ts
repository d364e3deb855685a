import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from '@testing-library/react';
import { parseVillageTargets } from '../../src/domain/analysis/village-targets.ts';
import type { Language } from '../../src/domain/model/language.ts';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { idMessages } from '../../src/i18n/messages-id.ts';
import { thMessages } from '../../src/i18n/messages-th.ts';
import { viMessages } from '../../src/i18n/messages-vi.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { defaultManifest } from './fixtures.ts';
import { townships } from './workshop-helpers.ts';

/** A file of the hand-counted briefing fixture (tests/fixtures/briefing/README.md: 民雄鄉 has 8 records). */
const fixture = (name: string) =>
  readFileSync(resolve(process.cwd(), 'tests/fixtures/briefing', name), 'utf8');

/** The data for renderWithData: the briefing fixture alone (the default files are made to fail). */
export const ONLY_BRIEFING_FIXTURE = {
  extraFiles: [{ path: 'briefing-resources.csv', text: fixture('resources.csv') }],
  failures: Object.fromEntries(defaultManifest.files.map((f) => [f.path, 'left out for this test'])),
};

const MESSAGES = { 'zh-TW': null, en: enMessages, vi: viMessages, id: idMessages, th: thMessages };

/**
 * Gives the store the townships and the fixture's villages. Call it before rendering the briefing: its view
 * then has no villages to fetch (a fetch in jsdom fails, and a failure arriving late would hide the villages).
 */
export function giveBriefingPlaces(): void {
  act(() => {
    const s = useAppStore.getState();
    s.setTownships('ready', townships);
    s.setVillageCentroids('ready', parseVillageTargets(fixture('villages.csv'), null).targets);
  });
}

/** Opens 民雄鄉's briefing, in `language`, since 2025 (after `giveBriefingPlaces`). */
export function showMinxiongBriefing(language: Language): void {
  act(() => {
    const s = useAppStore.getState();
    s.setBriefingSinceYear(2025);
    s.setLanguage(language, MESSAGES[language]);
    s.setBriefing({ county: '嘉義縣', town: '民雄鄉' });
  });
}
