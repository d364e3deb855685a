import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseLanguage } from '../../src/app/choose-language.ts';
import { RecordActions } from '../../src/app/record-actions.tsx';
import { WhenOpen } from '../../src/components/when-open.tsx';
import { ImportPanel } from '../../src/features/import/import-panel.tsx';
import { WorkshopPanel } from '../../src/features/workshop/workshop-panel-gate.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { zhMessages } from '../../src/i18n/messages-zh.ts';
import { zhOfficeMessages } from '../../src/i18n/office-messages-zh.ts';
import { translate } from '../../src/i18n/translate.ts';
import { useOfficeTranslation } from '../../src/i18n/use-office-translation.ts';
import { useTranslation } from '../../src/i18n/use-translation.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { resourceById, seedStore } from './fixtures.ts';

const MINXIONG = 'chiayi-wc-minxiong';

// These tests start as a resident's page does: no tools' catalogue in the store (setup.ts puts zh-TW's there).
beforeEach(() => useAppStore.setState({ officeMessages: null }));
afterEach(() => vi.restoreAllMocks());

/** A tool that speaks the tools' catalogue, shown outside `OfficeCatalogue` (a mistake the page must survive). */
function ToolWithoutCatalogue() {
  const { t } = useOfficeTranslation();
  return <p>{t('workshop.heading')}</p>;
}

describe('the tools’ catalogue', { timeout: 20_000 }, () => {
  it('is not loaded by a resident’s first screen: the import entry and a record’s detail speak the first screen’s words', async () => {
    const dataset = seedStore();
    render(
      <>
        <ImportPanel />
        <RecordActions resource={resourceById(dataset, MINXIONG)} />
      </>,
    );
    expect(screen.getByRole('heading', { name: '匯入資料' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '選擇檔案匯入' })).toBeInTheDocument();
    // Give any chunk a resident's screen might ask for the time to arrive: none does.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(useAppStore.getState().officeMessages).toBeNull();
  });

  it('is loaded with a tool when it is first opened, and the tool shows in its words', async () => {
    seedStore();
    render(<WorkshopPanel />);
    act(() => useAppStore.getState().setWorkshopEditing(true));
    expect(await screen.findByRole('heading', { name: '共同繪製（工作坊）' })).toBeInTheDocument();
    expect(useAppStore.getState().officeMessages).toEqual({ language: 'zh-TW', messages: zhOfficeMessages });
  });

  it('is loaded in the language on show (English here), zh-TW’s never standing in for it', async () => {
    seedStore();
    act(() => useAppStore.getState().setLanguage('en', enMessages));
    render(<WorkshopPanel />);
    act(() => useAppStore.getState().setWorkshopEditing(true));
    expect(await screen.findByRole('heading', { name: 'Co-mapping (workshop)' })).toBeInTheDocument();
    expect(screen.queryByText('共同繪製（工作坊）')).toBeNull();
    expect(useAppStore.getState().officeMessages?.language).toBe('en');
  });

  it('follows a change of language with the tool kept open (the same elements, in the new words)', async () => {
    seedStore();
    render(<WorkshopPanel />);
    act(() => useAppStore.getState().setWorkshopEditing(true));
    const heading = await screen.findByRole('heading', { name: '共同繪製（工作坊）' });
    await act(() => chooseLanguage('vi'));
    expect(heading).toHaveTextContent('Vẽ bản đồ chung (hội thảo)');
    expect(heading.isConnected).toBe(true);
    expect(useAppStore.getState().officeMessages?.language).toBe('vi');
  });

  it('is loaded again when the language changed without it, the tool waiting meanwhile rather than showing keys', async () => {
    seedStore();
    render(<WorkshopPanel />);
    act(() => useAppStore.getState().setWorkshopEditing(true));
    await screen.findByRole('heading', { name: '共同繪製（工作坊）' });
    // As a link's language applied to the store directly: the first screen's catalogue only.
    act(() => useAppStore.getState().setLanguage('en', enMessages));
    expect(useAppStore.getState().officeMessages).toBeNull();
    expect(screen.queryByText(/workshop\./)).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Co-mapping (workshop)' })).toBeInTheDocument();
  });

  it('keeps no catalogue that arrives after the page left its language', () => {
    act(() => useAppStore.getState().setLanguage('en', enMessages));
    act(() => useAppStore.getState().setOfficeMessages('zh-TW', zhOfficeMessages));
    expect(useAppStore.getState().officeMessages).toBeNull();
  });

  it('missing under a tool is a failure of that part alone, with a way to try again, never keys on screen', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <p>The rest of the page</p>
        <WhenOpen open onRetry={() => undefined}>
          <ToolWithoutCatalogue />
        </WhenOpen>
      </>,
    );
    expect(screen.getByText('The rest of the page')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('請重新整理以取得新版本');
    expect(screen.getByRole('button', { name: '再試一次' })).toBeInTheDocument();
    expect(screen.queryByText(/workshop\./)).toBeNull();
  });
});

describe('translate', () => {
  it('shows the key itself, and logs it, for a message a catalogue loaded at run time lacks', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const incomplete: Readonly<Record<string, string>> = { 'app.title': '共生資源地圖' };
    expect(translate(incomplete, 'app.subtitle')).toBe('app.subtitle');
    expect(error).toHaveBeenCalledWith('No message "app.subtitle" in the catalogue');
    expect(translate(zhMessages, 'app.title')).toBe('共生資源地圖');
  });
});

/** A first-screen part that asks for a tool's word. */
function FirstScreenPart() {
  const { t } = useTranslation();
  // @ts-expect-error: an import tool's key is not the first screen's
  return <p>{t('import.datasets')}</p>;
}

describe('the first screen’s translate', () => {
  it('takes no tool’s key (the type check fails if it does)', () => {
    // And at run time the first screen's catalogue has no such message: the key shows, nothing breaks.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<FirstScreenPart />);
    expect(screen.getByText('import.datasets')).toBeInTheDocument();
  });
});
