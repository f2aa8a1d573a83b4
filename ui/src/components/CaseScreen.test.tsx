import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getI18n } from '../i18n';
import type { Locale } from '../ipc';
import { $, $$, blur, click, key, mount, rerender, settle, type, unmount } from '../test/dom';
import { FakeBackend, message } from '../test/fakeBackend';
import { CaseScreen } from './CaseScreen';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;
let onBack: ReturnType<typeof vi.fn<() => void>>;

function screen(over: { caseId?: string; revision?: number; offsetMs?: number; accountName?: string } = {}) {
  return (
    <CaseScreen
      accountId={1}
      caseId={over.caseId ?? '1'}
      revision={over.revision ?? 0}
      offsetMs={over.offsetMs ?? 0}
      accountName={over.accountName ?? null}
      backTo="inbox"
      onBack={onBack}
    />
  );
}

async function open(over: Parameters<typeof screen>[0] = {}, locale: Locale = 'en') {
  const el = mount(screen(over), locale);
  await settle();
  return el;
}

const box = (el: HTMLElement) => $(el, 'reply-box') as HTMLTextAreaElement;
const saves = () => backend.callsOf('save_draft');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
  onBack = vi.fn<() => void>();
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('CaseScreen: the case', () => {
  it('shows the case, its whole conversation as plain text, each message in its language', async () => {
    backend.messages.set('1/1', [
      message('csba', '<b>出品者様</b>\n\n  返品について<img src=x onerror=alert(1)>', { language: 'ja' }),
      message('seller', 'We will refund today.', { late: true }),
    ]);
    const el = await open({ accountName: 'Sakura Zakka' });
    const detail = $(el, 'case-detail');
    expect(detail.querySelector('h1')!.textContent).toBe('Subject 1');
    expect($(el, 'case-order').textContent).toBe('250-0000001-1234567');
    expect($(el, 'case-account').textContent).toBe('Sakura Zakka');
    expect(detail.textContent).toContain('Return');
    expect(detail.textContent).toContain('Amazon.com');

    const messages = $$(el, 'case-message');
    expect(messages.map((m) => m.dataset.author)).toEqual(['csba', 'seller']);
    expect(messages.map((m) => m.getAttribute('lang'))).toEqual(['ja', 'en']); // own language, else the case's
    const body = messages[0].querySelector('.message-body')!;
    expect(body.textContent).toBe('<b>出品者様</b>\n\n  返品について<img src=x onerror=alert(1)>');
    expect(detail.querySelector('b, img, script')).toBeNull();
    expect(messages[0].querySelector('[data-testid="message-late"]')).toBeNull();
    expect($(messages[1], 'message-late').textContent).toBe('Sent after the deadline');
  });

  it('counts down on the clock of the case’s own account', async () => {
    const el = await open({ caseId: '3', offsetMs: 2 * 3600_000 }); // due 1.5 h after local now
    expect($(el, 'case-countdown').textContent).toBe('Overdue by 0:30:00');
  });

  it('goes back with the Back button and with Escape', async () => {
    const el = await open();
    click($(el, 'back-to-inbox'));
    expect(onBack).toHaveBeenCalledTimes(1);
    key(box(el), 'Escape');
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('leaves an IME composition alone: Escape and Ctrl+Enter while composing do nothing', async () => {
    const el = await open();
    type(box(el), 'へんぴん');
    key(box(el), 'Escape', { isComposing: true });
    key(box(el), 'Enter', { ctrlKey: true, isComposing: true });
    await settle();
    expect(onBack).not.toHaveBeenCalled();
    expect(backend.callsOf('send_reply')).toEqual([]);
    expect(box(el).value).toBe('へんぴん');
  });

  it('shows a localized error when the case is not on this computer', async () => {
    const el = await open({ caseId: 'nope' }, 'ja');
    expect($(el, 'case-error').textContent).toContain(getI18n('ja').t('error-case-not-found', { case: 'nope' }));
  });
});

describe('CaseScreen: drafts', () => {
  it('saves what is typed within a second, with the exact text', async () => {
    const el = await open();
    const text = 'Dear customer,\n  the parcel left today. ';
    type(box(el), text.slice(0, 10));
    await settle(300);
    type(box(el), text);
    expect($(el, 'draft-status').textContent).toBe('Saving…');
    await settle(399);
    expect(saves()).toEqual([]);
    await settle(1);
    expect(saves()).toEqual([{ accountId: 1, caseId: '1', body: text }]);
    const status = $(el, 'draft-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.dataset.state).toBe('saved');
    expect(status.textContent).toMatch(/^Draft saved \S/);
    expect(backend.drafts.get('1/1')!.body).toBe(text);
  });

  it('flushes a pending save on Back, before leaving', async () => {
    const el = await open();
    type(box(el), 'last words');
    click($(el, 'back-to-inbox'));
    expect(saves()).toEqual([{ accountId: 1, caseId: '1', body: 'last words' }]);
    expect(onBack).toHaveBeenCalled();
  });

  it('flushes a pending save on Escape', async () => {
    const el = await open();
    type(box(el), 'escape hatch');
    key(box(el), 'Escape');
    expect(saves().map((s) => s.body)).toEqual(['escape hatch']);
  });

  it('flushes a pending save when the screen goes away', async () => {
    const el = await open();
    type(box(el), 'closing the window');
    unmount();
    expect(saves().map((s) => s.body)).toEqual(['closing the window']);
  });

  it('saves at once when the box loses focus', async () => {
    const el = await open();
    type(box(el), 'tabbed away');
    blur(box(el));
    expect(saves().map((s) => s.body)).toEqual(['tabbed away']);
  });

  it('reopens with the draft exactly as written (lines, spaces, emoji)', async () => {
    const body = 'お世話になっております。\n\n  二行目です  \n😀👍🏽 see you \t\n\n';
    backend.setDraft(1, '1', body);
    let el = await open();
    expect(box(el).value).toBe(body);
    expect($(el, 'draft-status').textContent).toMatch(/^Draft saved /);

    // …and what is typed now comes back the same after leaving and reopening.
    const edited = `${body}  追記 🙏  `;
    type(box(el), edited);
    click($(el, 'back-to-inbox'));
    await settle();
    unmount();
    el = await open();
    expect(box(el).value).toBe(edited);
  });

  it('keeps the text and says why when saving fails', async () => {
    backend.failures.set('save_draft', { code: 'replica-unavailable', args: {} });
    const el = await open();
    type(box(el), 'precious');
    await settle(400);
    const status = $(el, 'draft-status');
    expect(status.dataset.state).toBe('error');
    expect(status.textContent).toBe(getI18n('en').t('error-replica-unavailable'));
    expect(box(el).value).toBe('precious');
    // It comes back: the next try stores it.
    backend.failures.delete('save_draft');
    await settle(5000);
    expect(backend.drafts.get('1/1')!.body).toBe('precious');
    expect($(el, 'draft-status').dataset.state).toBe('saved');
  });

  it('does not reset the box when the case is reread while typing', async () => {
    const el = await open();
    type(box(el), 'typing…');
    rerender(screen({ revision: 1 }));
    await settle();
    expect(box(el).value).toBe('typing…');
  });
});

describe('CaseScreen: sending', () => {
  it('sends the text, clears the box and lists the reply as queued', async () => {
    const el = await open();
    expect(($(el, 'send-reply') as HTMLButtonElement).disabled).toBe(true);
    type(box(el), '   ');
    expect(($(el, 'send-reply') as HTMLButtonElement).disabled).toBe(true);
    const text = 'We will ship a replacement today.\nTracking follows.';
    type(box(el), text);
    click($(el, 'send-reply'));
    await settle();
    expect(backend.callsOf('send_reply')).toEqual([{ accountId: 1, caseId: '1', body: text, language: 'en' }]);
    expect(box(el).value).toBe('');
    const items = $$(el, 'case-reply-item');
    expect(items).toHaveLength(1);
    expect(items[0].dataset.state).toBe('queued');
    expect(items[0].textContent).toContain('Queued');
    expect(items[0].textContent).toContain('Tracking follows.');
    expect($(el, 'draft-status').dataset.state).toBe('queued');
    expect(backend.drafts.has('1/1')).toBe(false);
    // The pending debounce from typing does not bring the draft back.
    await settle(2000);
    expect(backend.drafts.has('1/1')).toBe(false);
    expect(document.activeElement).toBe(box(el));

    // A reread lists it once, from the replica.
    rerender(screen({ revision: 1 }));
    await settle();
    expect($$(el, 'case-reply-item')).toHaveLength(1);
  });

  it('sends with Ctrl+Enter and Cmd+Enter', async () => {
    const el = await open();
    type(box(el), 'first');
    key(box(el), 'Enter', { ctrlKey: true });
    await settle();
    type(box(el), 'second');
    key(box(el), 'Enter', { metaKey: true });
    await settle();
    expect(backend.callsOf('send_reply').map((c) => c.body)).toEqual(['first', 'second']);
    key(box(el), 'Enter'); // a plain Enter is a new line, not a send
    await settle();
    expect(backend.callsOf('send_reply')).toHaveLength(2);
  });

  it('shows a send error localized and keeps the text', async () => {
    backend.failures.set('send_reply', { code: 'case-resolved', args: {} });
    const el = await open({}, 'ja');
    type(box(el), '返品を承ります。');
    click($(el, 'send-reply'));
    await settle();
    expect($(el, 'send-error').textContent).toBe(getI18n('ja').t('error-case-resolved'));
    expect($(el, 'send-error').getAttribute('role')).toBe('alert');
    expect(box(el).value).toBe('返品を承ります。');
    expect($$(el, 'case-reply-item')).toHaveLength(0);
    await settle(1000);
    expect(backend.drafts.get('1/1')!.body).toBe('返品を承ります。'); // still kept as a draft
  });

  it('locks the box while sending so nothing typed meanwhile is lost', async () => {
    const release = backend.hold('send_reply');
    const el = await open();
    type(box(el), 'hello');
    click($(el, 'send-reply'));
    await settle();
    expect(box(el).readOnly).toBe(true);
    expect(($(el, 'send-reply') as HTMLButtonElement).disabled).toBe(true);
    expect($(el, 'send-reply').textContent).toBe('Sending…');
    release();
    await settle();
    expect(box(el).readOnly).toBe(false);
    expect(box(el).value).toBe('');
  });

  it('explains why a case resolved by CSBA takes no reply', async () => {
    backend.setDraft(1, '4', 'too late');
    const el = await open({ caseId: '4' });
    expect($(el, 'reply-closed').textContent).toBe(getI18n('en').t('reply-closed-resolved'));
    expect(box(el).value).toBe('too late');
    expect(box(el).readOnly).toBe(true);
    expect(box(el).getAttribute('aria-describedby')).toContain($(el, 'reply-closed').id);
    expect(($(el, 'send-reply') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('CaseScreen: the case changed under the draft', () => {
  it('shows the banner, and acknowledging hides it for good', async () => {
    backend.setDraft(1, '1', 'my draft', true);
    const el = await open();
    expect($(el, 'case-changed-banner').textContent).toContain('This case changed while you were writing');
    click($(el, 'case-changed-ack'));
    await settle();
    expect(backend.callsOf('acknowledge_case_change')).toEqual([{ accountId: 1, caseId: '1' }]);
    expect($$(el, 'case-changed-banner')).toHaveLength(0);
    expect(document.activeElement).toBe(box(el));
    rerender(screen({ revision: 1 }));
    await settle();
    expect($$(el, 'case-changed-banner')).toHaveLength(0);

    // A new message from CSBA raises it again.
    backend.drafts.get('1/1')!.case_changed = true;
    rerender(screen({ revision: 2 }));
    await settle();
    expect($$(el, 'case-changed-banner')).toHaveLength(1);
  });

  it('appears when a save reports that the case changed', async () => {
    const el = await open();
    type(box(el), 'draft');
    await settle(400);
    expect($$(el, 'case-changed-banner')).toHaveLength(0);
    backend.drafts.get('1/1')!.case_changed = true;
    type(box(el), 'draft, more');
    await settle(400);
    expect($$(el, 'case-changed-banner')).toHaveLength(1);
  });
});
