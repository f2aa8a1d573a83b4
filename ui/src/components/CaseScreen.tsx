import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useServerNow } from '../clock';
import { useI18n } from '../i18n';
import {
  acknowledgeCaseChange,
  getCaseDetail,
  type AccountId,
  type CaseDetail,
  type DraftView,
  type QueueItem,
} from '../ipc';
import { CaseChangedBanner } from './CaseChangedBanner';
import { CaseDeadline, caseTone } from './CaseDeadline';
import { CaseMeta } from './CaseMeta';
import { CaseReplies } from './CaseReplies';
import { Conversation } from './Conversation';
import { ReplyBox } from './ReplyBox';
import { NAV_ENTRIES } from '../nav/entries';
import { useNavigate, type BackTarget } from '../nav/route';
import { qt } from '../questions/text';

type Props = {
  accountId: AccountId;
  caseId: string;
  /** The account's server clock offset from the inbox; the case detail's own until the inbox has one. */
  offsetMs?: number | null;
  /** The store's name, when the desk syncs several accounts. */
  accountName?: string | null;
  /** Bumped on every `replica-changed`: reread the case. */
  revision: number;
  /** Where Back goes, for its label. */
  backTo: BackTarget;
  onBack: () => void;
};

/** One case: what it is about, the whole conversation, the seller's replies and the reply box. */
export function CaseScreen({ accountId, caseId, offsetMs, accountName, revision, backTo, onBack }: Props) {
  const i18n = useI18n();
  const nav = useNavigate();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [caseChanged, setCaseChanged] = useState(false);
  // Replies sent from this screen, with the load generation they were sent in.
  const [sent, setSent] = useState<{ item: QueueItem; generation: number }[]>([]);
  const now = useServerNow(offsetMs ?? detail?.server_offset_ms ?? 0);
  const flush = useRef<(() => Promise<void>) | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Only the newest load may land: an older answer must not bring back a flag
  // the seller has just acknowledged.
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const d = await getCaseDetail(accountId, caseId);
      if (mine !== generation.current) return;
      setDetail(d);
      setCaseChanged(d.draft?.case_changed ?? false);
      setError(null);
      // A load that began after a send has the reply (in the outbox, or back as a message).
      setSent((s) => s.filter((x) => x.generation >= mine));
    } catch (e) {
      if (mine === generation.current) setError(e);
    }
  }, [accountId, caseId]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const loaded = detail !== null;
  useEffect(() => {
    // Start reading at the top, with focus on the case's title for screen readers and keys.
    if (!loaded) return;
    heading.current?.focus({ preventScroll: true });
  }, [loaded]);

  const back = useCallback(() => {
    void flush.current?.();
    onBack();
  }, [onBack]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape while composing Japanese, Chinese or Korean cancels the composition, not the screen.
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [back]);

  const acknowledge = async () => {
    await acknowledgeCaseChange(accountId, caseId);
    generation.current++;
    setCaseChanged(false);
    // The banner (and the button that had focus) goes away: continue in the reply.
    document.querySelector<HTMLTextAreaElement>('[data-testid="reply-box"]')?.focus();
  };

  const onDraftSaved = useCallback((d: DraftView | null) => setCaseChanged(d?.case_changed ?? false), []);
  const onSent = useCallback(
    (item: QueueItem) => setSent((s) => [...s, { item, generation: generation.current }]),
    [],
  );

  const c = detail?.case;
  const replies = detail ? mergeReplies(detail.replies, sent.map((x) => x.item)) : [];
  const resolved = c?.status === 'resolved_by_csba';
  const textLang = c?.language || undefined;
  const messages =
    detail && detail.messages.length === 0 && c?.question
      ? [{ author: 'csba', body: c.question, sent_at: c.opened_at, language: null, late: false }]
      : (detail?.messages ?? []);

  return (
    <section class="case-screen" data-testid="case-detail" data-case-id={caseId} aria-labelledby="case-heading">
      <div class="case-toolbar">
        <button type="button" class="back-button" data-testid="back-to-inbox" onClick={back}>
          <span aria-hidden="true">←</span>
          {backLabel(i18n, backTo)}
        </button>
      </div>
      {error != null && (
        <div class="alert" role="alert" data-testid="case-error">
          <span>{i18n.error(error)}</span>
          <button type="button" class="link-button" onClick={() => void load()}>
            {i18n.t('action-retry')}
          </button>
        </div>
      )}
      {c && detail ? (
        <>
          <header class={`case-head tone-${caseTone(c, now)}`}>
            <div class="case-main">
              <CaseMeta c={c} accountName={accountName} />
              <h1 id="case-heading" class="case-title" ref={heading} tabIndex={-1} lang={textLang}>
                {c.subject}
              </h1>
              {c.item_title && (
                <div class="case-item" lang={textLang}>
                  {c.item_title}
                </div>
              )}
            </div>
            <div class="case-side">
              <CaseDeadline c={c} now={now} />
              {nav.canAsk && (
                <button type="button" class="button small" data-testid="case-ask-question" onClick={() => nav.askQuestion(accountId, c.order_id)}>
                  {qt(i18n, 'questions-ask-from-order')}
                </button>
              )}
            </div>
          </header>
          <Conversation messages={messages} language={c.language} />
          <CaseReplies items={replies} language={c.language} />
          {caseChanged && <CaseChangedBanner resolved={resolved} onAcknowledge={acknowledge} />}
          <ReplyBox
            key={`${accountId}/${caseId}`}
            accountId={accountId}
            caseId={caseId}
            language={c.language}
            replyLanguages={detail.reply_languages ?? []}
            replyLanguage={detail.reply_language ?? null}
            draft={detail.draft}
            resolved={resolved}
            flushRef={flush}
            onDraftSaved={onDraftSaved}
            onSent={onSent}
          />
        </>
      ) : (
        error == null && (
          <div class="loading" aria-busy="true">
            <span class="spinner" aria-hidden="true" />
            {i18n.t('loading')}
          </div>
        )
      )}
    </section>
  );
}

function backLabel(i18n: ReturnType<typeof useI18n>, to: BackTarget): string {
  switch (to) {
    case 'inbox':
      return i18n.t('back-to-inbox');
    case 'queue':
      return i18n.t('back-to-queue');
    case 'case':
      return i18n.t('back-to-case');
    case 'order':
      return i18n.t('back-to-order');
    default: {
      const entry = NAV_ENTRIES.find((e) => e.id === to);
      return entry ? i18n.t('back-to-screen', { name: i18n.t(entry.label) }) : i18n.t('back-to-inbox');
    }
  }
}

/**
 * The replies the replica lists, plus those sent from this screen that a
 * reload has not brought back yet; the replica's copy wins (newer state).
 */
export function mergeReplies(listed: QueueItem[], sentHere: QueueItem[]): QueueItem[] {
  const ids = new Set(listed.map((r) => r.id));
  return [...listed, ...sentHere.filter((r) => !ids.has(r.id))];
}
