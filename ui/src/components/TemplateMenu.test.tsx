import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, click, key, mount, settle, type, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { CaseScreen } from './CaseScreen';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;

async function open(caseId = '2') {
  const el = mount(<CaseScreen accountId={1} caseId={caseId} revision={0} offsetMs={0} accountName={null} backTo="inbox" onBack={() => undefined} />);
  await settle();
  return el;
}

const box = (el: HTMLElement) => $(el, 'reply-box') as HTMLTextAreaElement;
const language = (el: HTMLElement) => $(el, 'reply-language') as HTMLSelectElement;

function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('reply language', () => {
  it('offers the marketplace’s reply languages by their own names, the case’s default first chosen', async () => {
    const el = await open('2'); // JP, case in Japanese
    const select = language(el);
    expect([...select.options].map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['zh-CN', '中文', 'zh-CN'],
      ['ja', '日本語', 'ja'],
    ]);
    expect(select.value).toBe('ja');
    expect(box(el).lang).toBe('ja');
    unmount();
    const us = await open('1'); // US, English
    expect([...language(us).options].map((o) => o.textContent)).toEqual(['English', '中文']);
    expect(language(us).value).toBe('en');
  });

  it('sends the reply in the language picked and says so', async () => {
    const el = await open('2');
    await settle();
    choose(language(el), 'zh-CN');
    await settle();
    expect(box(el).lang).toBe('zh-CN');
    type(box(el), '您好，已发货。');
    click($(el, 'send-reply'));
    await settle();
    expect(backend.callsOf('send_reply')).toEqual([{ accountId: 1, caseId: '2', body: '您好，已发货。', language: 'zh-CN' }]);
    expect($(el, 'draft-status').dataset.state).toBe('queued');
    expect($(el, 'draft-status').textContent).toContain('Reply in 中文 added to the outbox');
  });
});

describe('reply templates', () => {
  it('saves the reply as a template in the current language, lists it for that language only', async () => {
    const el = await open('2');
    choose(language(el), 'zh-CN');
    await settle();
    type(box(el), '订单 {order_id} 已发货。');
    click($(el, 'template-save'));
    expect(document.activeElement).toBe($(el, 'template-name'));
    click($(el, 'template-save-confirm'));
    await settle();
    expect($(el, 'template-error').textContent).toBe('Give the template a name.');
    expect($(el, 'template-error').dataset.field).toBe('name');
    expect($(el, 'template-name').getAttribute('aria-invalid')).toBe('true');
    type($(el, 'template-name'), 'Shipped');
    click($(el, 'template-save-confirm'));
    await settle();
    expect(backend.callsOf('save_reply_template').slice(-1)[0]).toEqual({ id: null, name: 'Shipped', language: 'zh-CN', body: '订单 {order_id} 已发货。' });
    expect($(el, 'template-note').textContent).toBe('Template “Shipped” saved in 中文.');
    expect(document.activeElement).toBe(box(el));

    click($(el, 'template-menu'));
    expect($$(el, 'template-item').map((i) => i.textContent)).toEqual(['Shipped']);
    key($(el, 'template-list'), 'Escape');
    choose(language(el), 'ja');
    await settle();
    click($(el, 'template-menu'));
    expect($$(el, 'template-item')).toEqual([]);
    expect($(el, 'template-none').textContent).toContain('No templates in 日本語 yet');
  });

  it('inserts the filled-in template at the cursor, by keyboard, and saves it as a draft', async () => {
    backend.templates = [
      { id: 't1', name: 'Thanks', language: 'ja', body: 'ご注文 {order_id}（{item}）ありがとうございます。' },
      { id: 't2', name: 'Sorry', language: 'ja', body: '申し訳ございません。' },
    ];
    const el = await open('2');
    type(box(el), 'こんにちは。\nよろしくお願いします。');
    box(el).setSelectionRange(6, 7); // the newline is replaced
    const menu = $(el, 'template-menu');
    menu.focus();
    key(menu, 'ArrowDown');
    await settle();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const items = $$(el, 'template-item');
    expect(document.activeElement).toBe(items[0]);
    key($(el, 'template-list'), 'ArrowDown'); // the delete of the first
    key($(el, 'template-list'), 'ArrowDown');
    expect(document.activeElement).toBe($$(el, 'template-item')[1]);
    // Listed by name: "Sorry", then "Thanks", the one chosen.
    expect(document.activeElement!.textContent).toBe('Thanks');
    key($(el, 'template-list'), 'ArrowUp');
    key($(el, 'template-list'), 'ArrowUp');
    expect(document.activeElement).toBe($$(el, 'template-item')[0]);
    key($(el, 'template-list'), 'End');
    key($(el, 'template-list'), 'ArrowUp');
    expect(document.activeElement).toBe($$(el, 'template-item')[1]);
    click(document.activeElement as HTMLElement);
    await settle();
    expect(backend.callsOf('fill_reply_template')).toEqual([{ id: 't1', accountId: 1, caseId: '2' }]);
    const filled = 'ご注文 250-0000002-1234567（Item 2）ありがとうございます。';
    expect(box(el).value).toBe(`こんにちは。${filled}よろしくお願いします。`);
    expect(document.activeElement).toBe(box(el));
    expect(box(el).selectionStart).toBe(6 + filled.length);
    expect($(el, 'draft-status').dataset.state).toBe('saving');
    await settle(400);
    expect(backend.drafts.get('1/2')!.body).toBe(`こんにちは。${filled}よろしくお願いします。`);
    expect($(el, 'draft-status').dataset.state).toBe('saved');
  });

  it('closes the menu with Escape without leaving the case, and deletes a template', async () => {
    backend.templates = [{ id: 't1', name: 'Thanks', language: 'ja', body: 'ありがとうございます。' }];
    const onBack = vi.fn();
    const el = mount(<CaseScreen accountId={1} caseId="2" revision={0} offsetMs={0} accountName={null} backTo="inbox" onBack={onBack} />);
    await settle();
    click($(el, 'template-menu'));
    key($(el, 'template-list'), 'Escape');
    expect(onBack).not.toHaveBeenCalled();
    expect(el.querySelector('[data-testid="template-list"]')).toBeNull();
    expect(document.activeElement).toBe($(el, 'template-menu'));
    click($(el, 'template-menu'));
    expect($(el, 'template-delete').getAttribute('aria-label')).toBe('Delete the template “Thanks”');
    click($(el, 'template-delete'));
    await settle();
    expect(backend.templates).toEqual([]);
    expect($(el, 'template-note').textContent).toBe('Template “Thanks” deleted.');
  });
});
