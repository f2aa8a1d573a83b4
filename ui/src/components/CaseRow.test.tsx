import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, getI18n } from '../i18n';
import { makeCase } from '../test/fixtures';
import { CaseRow, preview } from './CaseRow';

const now = Date.parse('2025-06-01T00:00:00Z');
let container: HTMLElement;

function mount(node: preact.ComponentChild, locale: 'en' | 'ja' = 'en') {
  container = document.createElement('div');
  document.body.appendChild(container);
  render(<I18nContext.Provider value={getI18n(locale)}>{node}</I18nContext.Provider>, container);
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('CaseRow', () => {
  it('renders buyer text as literal text, never as HTML', () => {
    const evil = '<script>alert(1)</script>';
    const el = mount(
      <ul>
        <CaseRow c={makeCase('9', 5, now, { question: evil, subject: '<b>bold</b>', item_title: '<img src=x onerror=alert(1)>' })} now={now} />
      </ul>,
    );
    const q = el.querySelector('[data-testid="case-question"]')!;
    expect(q.textContent).toBe(evil);
    expect(q.innerHTML).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('img')).toBeNull();
  });

  it('shows the order id, kind, marketplace and a countdown', () => {
    const el = mount(
      <ul>
        <CaseRow c={makeCase('7', 5.053333, now, { kind: 'refund', order_id: '503-1234567-7654321' })} now={now} />
      </ul>,
    );
    const row = el.querySelector('[data-testid="case-row"]')!;
    expect(row.getAttribute('data-case-id')).toBe('7');
    expect(el.querySelector('[data-testid="case-order"]')!.textContent).toBe('503-1234567-7654321');
    expect(row.textContent).toContain('Refund');
    expect(row.textContent).toContain('Amazon.co.jp');
    expect(el.querySelector('[data-testid="case-countdown"]')!.textContent).toBe('5:03:12 left');
  });

  it('colour-codes overdue and due-soon countdowns', () => {
    const el = mount(
      <ul>
        <CaseRow c={makeCase('a', -1, now)} now={now} />
        <CaseRow c={makeCase('b', 2, now)} now={now} />
        <CaseRow c={makeCase('c', 4, now)} now={now} />
      </ul>,
      'ja',
    );
    const cds = [...el.querySelectorAll('[data-testid="case-countdown"]')];
    expect(cds.map((c) => c.className)).toEqual([
      'countdown countdown-overdue',
      'countdown countdown-soon',
      'countdown countdown-normal',
    ]);
    expect(cds[0].textContent).toBe('期限超過 1:00:00');
    expect(cds[1].textContent).toBe('残り 2:00:00');
  });

  it('shows the outcome instead of a countdown once a case is closed', () => {
    const el = mount(
      <ul>
        <CaseRow c={makeCase('z', -3, now, { status: 'resolved_by_csba' })} now={now} />
      </ul>,
    );
    expect(el.querySelector('[data-testid="case-countdown"]')).toBeNull();
    expect(el.querySelector('[data-testid="case-status"]')!.textContent).toBe('Resolved by CSBA');
  });
});

describe('CaseRow: drafts, replies and opening', () => {
  it('marks a case with a draft and with replies waiting to be sent', () => {
    const el = mount(
      <ul>
        <CaseRow c={makeCase('d', 5, now, { has_draft: true, pending_replies: 2 })} now={now} />
        <CaseRow c={makeCase('e', 5, now)} now={now} />
      </ul>,
      'ja',
    );
    const [withDraft, plain] = [...el.querySelectorAll('[data-testid="case-row"]')];
    expect(withDraft.querySelector('[data-testid="case-draft"]')!.textContent).toBe('下書き');
    expect(withDraft.querySelector('[data-testid="case-pending"]')!.textContent).toBe('送信待ちの返信 2 件');
    expect(plain.querySelector('[data-testid="case-draft"], [data-testid="case-pending"]')).toBeNull();
  });

  it('opens on click, Enter and Space, and is focusable only when it can open', () => {
    const onOpen = vi.fn();
    const c = makeCase('o', 5, now);
    const el = mount(
      <ul>
        <CaseRow c={c} now={now} onOpen={onOpen} />
        <CaseRow c={makeCase('p', 5, now)} now={now} />
      </ul>,
    );
    const [row, inert] = [...el.querySelectorAll<HTMLElement>('[data-testid="case-row"]')];
    expect(row.tabIndex).toBe(0);
    expect(inert.hasAttribute('tabindex')).toBe(false);
    act(() => row.click());
    for (const key of ['Enter', ' ', 'a']) {
      act(() => {
        row.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
    }
    expect(onOpen).toHaveBeenCalledTimes(3);
    expect(onOpen).toHaveBeenCalledWith(c);
  });

  it('names the store when asked to', () => {
    const el = mount(
      <ul>
        <CaseRow c={makeCase('s', 5, now)} now={now} accountName="Sakura Zakka" />
      </ul>,
    );
    expect(el.querySelector('[data-testid="case-account"]')!.textContent).toBe('Sakura Zakka');
  });
});

describe('preview', () => {
  it('collapses line breaks and indentation into one line of text', () => {
    expect(preview('出品者様\n\n  お世話になっております。\n返品について')).toBe('出品者様 お世話になっております。 返品について');
  });
});
