// The four screens of issue 10 in the app: in the sidebar with their badges, opened by Alt+N,
// each on its own data from the backend, in the store and marketplace filter.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { $, click, key, mount, settle, unmount } from './test/dom';
import { FakeBackend } from './test/fakeBackend';
import { feedbackView, performancePanel, policyView, questionView } from './test/fakeDesk';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('uplot', () => ({ default: class { setSize() {} destroy() {} } }));
vi.mock('uplot/dist/uPlot.min.css', () => ({}));

let backend: FakeBackend;
beforeEach(() => {
  backend = new FakeBackend(Date.now()).install();
});
afterEach(() => unmount());

describe('the new screens in the app', () => {
  it('have their sidebar entries, with the feedback and questions badges', async () => {
    backend.badgeCounts = { removable_feedback: 3, questions_awaiting: 1 };
    const el = mount(<App />);
    await settle();
    expect($(el, 'badge-removable-feedback').textContent).toBe('3');
    expect($(el, 'nav-feedback').textContent).toContain('3 negative feedback you can still ask to remove');
    expect($(el, 'badge-questions-awaiting').textContent).toBe('1');
    expect($(el, 'nav-questions').textContent).toContain('1 question waiting for the CSBA team’s answer');
  });

  it('open by Alt+N and from the sidebar, focus on their heading, and read the backend with the filter', async () => {
    backend.desk.policies = [policyView()];
    backend.desk.feedback = [feedbackView('f1')];
    backend.desk.questions = [questionView('q1')];
    backend.desk.panels = [performancePanel()];
    const el = mount(<App />);
    await settle();
    key(document.body, '4', { altKey: true, code: 'Digit4' });
    await settle();
    expect($(el, 'returns-screen')).toBeTruthy();
    expect(document.activeElement).toBe(el.querySelector('#main h1'));
    expect(backend.callsOf('policy_screen')[0]).toEqual({ filter: { account_id: null, marketplace: null } });
    key(document.body, '5', { altKey: true, code: 'Digit5' });
    await settle();
    expect($(el, 'feedback-row-f1')).toBeTruthy();
    click($(el, 'nav-questions'));
    await settle();
    expect($(el, 'question-row-q1')).toBeTruthy();
    key(document.body, '7', { altKey: true, code: 'Digit7' });
    await settle();
    expect($(el, 'performance-panel-1-JP')).toBeTruthy();
    expect(document.activeElement!.textContent).toBe('Does CSBA pay off?');
  });
});
