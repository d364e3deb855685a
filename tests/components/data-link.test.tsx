import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyUrlToStore, useUrlSync } from '../../src/app/use-url-sync.ts';
import { DATA_LINK_MAX_BYTES } from '../../src/domain/link/data-link.ts';
import { ResourceDetail } from '../../src/features/detail/resource-detail.tsx';
import { DataLinkDialog } from '../../src/features/import/data-link-dialog.tsx';
import { DataLinkNotice } from '../../src/features/import/data-link-notice.tsx';
import { useDataLink } from '../../src/features/import/use-data-link.ts';
import { ResourceList } from '../../src/features/list/resource-list.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectResources } from '../../src/store/data/derived.ts';
import { seedStore, simulateListLayout } from './fixtures.ts';
import { importsReadGazetteerFromDisk } from './import-helpers.ts';

importsReadGazetteerFromDisk();

/** A file made to pass for official data: the real centre's name, a mobile number and a newer date. */
const FAKE_CSV = [
  'id,名稱,類別,地址,電話,說明,最後確認日期',
  'fake-minxiong,嘉義縣日安社會福利服務中心（民雄）,社會福利服務中心,嘉義縣民雄鄉中樂路1號,0912-345-678,請準備身分證與存摺帳號,2025-01-02',
].join('\n');

/** Every request the file server answered, by path: a declined link must fetch nothing. */
const requests: string[] = [];
let server: Server;
let origin: string;
let host: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/fake.csv') {
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      response.end(FAKE_CSV);
    } else if (request.url === '/huge.csv') {
      const body = Buffer.alloc(DATA_LINK_MAX_BYTES + 1, 0x41);
      response.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
      response.end(body);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let layout: ReturnType<typeof simulateListLayout>;
beforeEach(() => {
  layout = simulateListLayout({ viewport: 600, row: 84 });
  requests.length = 0;
});
afterEach(() => {
  layout.restore();
  window.history.replaceState(null, '', '/');
});

function LinkPage() {
  useUrlSync();
  useDataLink();
  return (
    <>
      <DataLinkNotice />
      <DataLinkDialog />
      <ResourceDetail />
      <ResourceList />
    </>
  );
}

/** Opens the page at this address, with the embedded data loaded (and, when given, the manifest's trusted origins). */
function openAt(search: string, trustedDataOrigins: readonly string[] = []) {
  window.history.replaceState(null, '', `/${search}`);
  const dataset = seedStore();
  useAppStore.setState((s) => ({ manifest: s.manifest ? { ...s.manifest, trustedDataOrigins } : null }));
  // As the app starts: the view (filters, selection) is read from the address first.
  void applyUrlToStore(window.location.search);
  const user = userEvent.setup();
  render(<LinkPage />);
  return { user, dataset };
}

const link = (path: string, extra = '') => `?data=${encodeURIComponent(`${origin}${path}`)}${extra}`;
const dataParam = () => new URLSearchParams(window.location.search).get('data');
const SLOW = { timeout: 10_000 };
const fakeName = '嘉義縣日安社會福利服務中心（民雄）';

describe('a ?data= link', () => {
  it('asks first, naming the host and the whole address, and loads nothing before the answer', async () => {
    openAt(link('/fake.csv'));
    const dialog = await screen.findByRole('dialog', { name: '要載入連結中的資料嗎？' });
    expect(within(dialog).getByText(host)).toBeInTheDocument();
    expect(within(dialog).getByText(`${origin}/fake.csv`)).toBeInTheDocument();
    expect(dialog).toHaveTextContent('這不是官方資料');
    expect(dialog).toHaveTextContent('檔案大小上限 20 MB。');
    expect(within(dialog).getByRole('button', { name: '不要載入' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '載入這份資料' })).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('declined: the official map stays as it was, nothing is fetched, and data leaves the address', async () => {
    const { user, dataset } = openAt(link('/fake.csv', '&q=民雄'));
    const dialog = await screen.findByRole('dialog', { name: '要載入連結中的資料嗎？' });
    await user.click(within(dialog).getByRole('button', { name: '不要載入' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(selectResources(useAppStore.getState())).toHaveLength(dataset.resources.length);
    expect(screen.queryByRole('region', { name: '非官方資料' })).not.toBeInTheDocument();
    expect(dataParam()).toBeNull();
    expect(new URLSearchParams(window.location.search).get('q')).toBe('民雄');
    expect(requests).toEqual([]);
  });

  it('Escape is a no as well', async () => {
    const { user } = openAt(link('/fake.csv'));
    await screen.findByRole('dialog', { name: '要載入連結中的資料嗎？' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(dataParam()).toBeNull();
    expect(requests).toEqual([]);
  });

  it('accepted: a banner names the host, the record and its detail say 非官方, and id= opens it behind the banner', async () => {
    const { user } = openAt(link('/fake.csv', '&id=fake-minxiong'));
    const dialog = await screen.findByRole('dialog', { name: '要載入連結中的資料嗎？' });
    await user.click(within(dialog).getByRole('button', { name: '載入這份資料' }));

    const banner = await screen.findByRole('region', { name: '非官方資料' }, SLOW);
    await waitFor(
      () => expect(within(banner).getByRole('note')).toHaveTextContent(`此地圖含有來自 ${host} 的非官方資料`),
      SLOW,
    );
    const detail = await screen.findByRole('region', { name: fakeName }, SLOW);
    expect(
      within(detail).getByText(`這筆資料來自 ${host} 的連結，不是官方資料，內容未經查證。`),
    ).toBeInTheDocument();
    expect(dataParam()).toBe(`${origin}/fake.csv`);

    act(() => useAppStore.getState().setQuery('民雄'));
    const list = screen.getByRole('list', { name: '結果清單' });
    const fake = within(list).getByRole('button', { name: /嘉義縣日安社會福利服務中心（民雄）.*非官方/ });
    expect(fake).toHaveTextContent(`非官方・${host}`);
    // The real centre of the same name carries no such badge.
    const real = within(list)
      .getAllByRole('button', { name: new RegExp(fakeName.replace(/[()（）]/g, '.')) })
      .filter((b) => b !== fake);
    expect(real).toHaveLength(1);
    expect(real[0]).not.toHaveTextContent('非官方');

    // Taken off: records, detail and banner go, and so does data= in the address.
    await user.click(within(banner).getByRole('button', { name: '移除非官方資料' }));
    expect(screen.queryByRole('region', { name: '非官方資料' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: fakeName })).not.toBeInTheDocument();
    expect(within(list).queryByText(`非官方・${host}`)).not.toBeInTheDocument();
    expect(dataParam()).toBeNull();
  }, 30_000);

  it('from a host the manifest trusts: loads without asking, and is marked all the same', async () => {
    openAt(link('/fake.csv'), [origin]);
    const banner = await screen.findByRole('region', { name: '非官方資料' }, SLOW);
    await waitFor(
      () => expect(within(banner).getByRole('note')).toHaveTextContent(`此地圖含有來自 ${host} 的非官方資料`),
      SLOW,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests).toEqual(['/fake.csv']);
  }, 30_000);

  it('a file over the limit is refused with a message naming the limit', async () => {
    const { user, dataset } = openAt(link('/huge.csv'));
    const dialog = await screen.findByRole('dialog', { name: '要載入連結中的資料嗎？' });
    await user.click(within(dialog).getByRole('button', { name: '載入這份資料' }));
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent(`無法載入連結的資料（${host}）：檔案超過連結資料的上限 20 MB，未載入`);
    expect(selectResources(useAppStore.getState())).toHaveLength(dataset.resources.length);
    await user.click(screen.getByRole('button', { name: '關閉' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(dataParam()).toBeNull();
  });

  it.each([
    { raw: 'javascript:alert(1)', message: '連結必須以 http:// 或 https:// 開頭' },
    { raw: 'https://data.chiayi.gov.tw@evil.example/x.csv', message: '連結不可包含帳號或密碼' },
  ])('refuses $raw without asking', async ({ raw, message }) => {
    openAt(`?data=${encodeURIComponent(raw)}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
