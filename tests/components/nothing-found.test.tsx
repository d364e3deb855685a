import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLACE_NAMES_EN } from '../../src/domain/geo/place-names-en.ts';
import { placeNameLookup } from '../../src/domain/geo/place-names-en-of.ts';
import { ResourceList } from '../../src/features/list/resource-list.tsx';
import { ResultCount } from '../../src/features/list/result-count.tsx';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { loadSearchEngine } from '../../src/store/filters/load-search-engine.ts';
import { seedStore, simulateListLayout } from './fixtures.ts';

let layout: ReturnType<typeof simulateListLayout>;
beforeEach(() => {
  layout = simulateListLayout({ viewport: 600, row: 84 });
});
afterEach(() => layout.restore());

/** The page once the person has turned to the search: the data on show and the search engine loaded. */
async function searching(query: string) {
  seedStore();
  await act(() => loadSearchEngine());
  act(() => useAppStore.getState().setQuery(query));
  const user = userEvent.setup();
  render(
    <>
      <ResultCount />
      <ResourceList />
    </>,
  );
  return user;
}

const nothingFound = async (query: string) =>
  screen.findByRole('region', { name: `找不到符合「${query}」的資源。` });

describe('nothing found: what to do next', () => {
  it('offers the nearest resource of the category the query named, from the place it named', async () => {
    const user = await searching('民雄心衛中心');
    const region = await nothingFound('民雄心衛中心');
    const nearest = within(region).getByRole('region', { name: '離民雄鄉最近的心理衛生' });
    const centre = within(nearest).getByRole('button', { name: /嘉義縣社區心理衛生中心/ });
    expect(centre).toHaveTextContent(/約 \d+ 公里/);
    await user.click(centre);
    expect(useAppStore.getState().selectedId).toBe('chiayi-mh-center');
  });

  it('lists the hotlines as call links', async () => {
    await searching('民雄心衛中心');
    const hotlines = within(await nothingFound('民雄心衛中心')).getByRole('region', { name: '打電話問問看' });
    for (const number of ['1957', '1925', '113']) {
      expect(within(hotlines).getByRole('link', { name: new RegExp(`撥打 ${number}`) })).toHaveAttribute(
        'href',
        `tel:${number}`,
      );
    }
  });

  it('clears the search text, and every filter when others narrow the results too', async () => {
    const user = await searching('民雄心衛中心');
    const region = await nothingFound('民雄心衛中心');
    expect(within(region).queryByRole('button', { name: '清除所有篩選條件' })).not.toBeInTheDocument();
    act(() => useAppStore.getState().toggleService('meals', true));
    await user.click(within(region).getByRole('button', { name: '清除所有篩選條件' }));
    expect(useAppStore.getState().filters).toMatchObject({ query: '', services: [] });
    expect(await screen.findByRole('list', { name: '結果清單' })).toBeInTheDocument();
  });

  it('clears the search text alone', async () => {
    const user = await searching('xyzzy');
    const region = await nothingFound('xyzzy');
    // A query that names no category: no resources to offer, the hotlines and clearing remain.
    expect(within(region).queryByRole('region', { name: /最近|也許/ })).not.toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: '清除搜尋' }));
    expect(useAppStore.getState().filters.query).toBe('');
  });

  it('before the search engine has loaded: the hotlines and clearing, no resources to offer yet', async () => {
    seedStore();
    act(() => useAppStore.getState().setQuery('民雄心衛中心'));
    render(<ResourceList />);
    const region = await nothingFound('民雄心衛中心');
    expect(within(region).getByRole('region', { name: '打電話問問看' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: '清除搜尋' })).toBeInTheDocument();
    expect(within(region).queryByRole('region', { name: /最近/ })).not.toBeInTheDocument();
  });

  it('filters alone that leave nothing: says so, and clears them', async () => {
    seedStore();
    act(() => useAppStore.getState().setArea('金門縣', '金城鎮'));
    act(() => useAppStore.getState().toggleService('after-school-care', true));
    const user = userEvent.setup();
    render(<ResourceList />);
    const region = await screen.findByRole('region', {
      name: '沒有符合條件的資源。請放寬篩選條件或清除搜尋文字。',
    });
    expect(within(region).queryByRole('button', { name: '清除搜尋' })).not.toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: '清除所有篩選條件' }));
    expect(useAppStore.getState().filters).toMatchObject({ county: '', town: '', services: [] });
  });
});

describe('did you mean', () => {
  it('shows the results for the corrected query, says so, and offers to search for it', async () => {
    const user = await searching('民熊');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('您是不是要找「民雄」？以下是「民雄」的結果。');
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '改搜尋「民雄」' }));
    expect(useAppStore.getState().filters.query).toBe('民雄');
    expect(screen.getByRole('status')).not.toHaveTextContent('您是不是要找');
  });
});

describe('nothing shown because the category ticks hide the matches', () => {
  it('says the filters are the reason, not that nothing matches', async () => {
    seedStore();
    await act(() => loadSearchEngine());
    act(() => useAppStore.getState().setQuery('民雄社福中心'));
    act(() => useAppStore.getState().toggleCategory('welfare-center', false));
    const user = userEvent.setup();
    render(<ResourceList />);
    const region = await screen.findByRole('region', {
      name: '沒有符合條件的資源。請放寬篩選條件或清除搜尋文字。',
    });
    await user.click(within(region).getByRole('button', { name: '清除所有篩選條件' }));
    expect(await screen.findByRole('list', { name: '結果清單' })).toBeInTheDocument();
  });
});

describe('in English', () => {
  it('names the place by the Ministry’s English name and the category by its English label', async () => {
    seedStore();
    await act(() => loadSearchEngine());
    act(() => useAppStore.getState().setLanguage('en', enMessages, placeNameLookup(PLACE_NAMES_EN)));
    act(() => useAppStore.getState().setQuery('民雄心衛中心'));
    render(<ResourceList />);
    const region = await screen.findByRole('region', { name: 'Nothing matches “民雄心衛中心”.' });
    expect(
      within(region).getByRole('region', { name: 'Mental health nearest to Minxiong Township' }),
    ).toBeInTheDocument();
    expect(
      within(region).getByRole('button', { name: /嘉義縣社區心理衛生中心.*about \d+ km/ }),
    ).toBeInTheDocument();
  });
});
