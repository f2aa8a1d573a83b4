import { getCurrentWebview } from '@tauri-apps/api/webview';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import {
  previewUploadBytes,
  previewUploadFile,
  queueUpload,
  saveDownload,
  uploadSample,
  uploadStatus,
  uploadTemplate,
  type AccountId,
  type AccountView,
  type FileDownload,
  type Marketplace,
  type PreviewHandle,
  type TemplateKind,
  type UploadOptions,
  type UploadStatus,
} from '../ipc';
import { MARKETPLACES, marketplaceId } from '../messageIds';
import { carrierName, problemText, tr } from '../orders/text';
import { fileName } from '../pathName';

/** The largest file the upload takes (the backend refuses larger ones too). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** How often a queued upload's progress is read while it is not done. */
export const POLL_MS = 1000;

type Props = {
  accounts: AccountView[];
  carriers: readonly string[];
  /** Bumped on every replica-changed: progress is reread then too. */
  revision: number;
  /** Something was queued: the screen rereads its lists. */
  onQueued?: () => void;
};

type DropPayload = { type: 'enter' | 'over' | 'drop' | 'leave'; paths?: string[] };

/** Listens for files dropped on the window (Tauri); nothing happens where there is no webview (tests, a browser). */
function listenForDrops(cb: (p: DropPayload) => void): () => void {
  let unlisten: (() => void) | undefined;
  let stopped = false;
  try {
    getCurrentWebview()
      .onDragDropEvent((e) => cb(e.payload as DropPayload))
      .then((u) => (stopped ? u() : (unlisten = u)))
      .catch(() => undefined);
  } catch {
    // No Tauri webview here.
  }
  return () => {
    stopped = true;
    unlisten?.();
  };
}

async function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

/**
 * Bulk upload: a file chosen or dropped on the window is checked (nothing is sent), every problem
 * listed by line and column; a clean file is queued, its progress followed until the service
 * answered every batch, then each row's result shown. Templates and a sample file to start from.
 */
export function UploadPanel({ accounts, carriers, revision, onQueued }: Props) {
  const i18n = useI18n();
  const [accountId, setAccountId] = useState<AccountId | null>(accounts[0]?.id ?? null);
  const [marketplace, setMarketplace] = useState<Marketplace | ''>('');
  const [carrier, setCarrier] = useState('');
  const [over, setOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewHandle | null>(null);
  const [status, setStatus] = useState<UploadStatus | null>(null);
  const [queueing, setQueueing] = useState(false);
  const [saved, setSaved] = useState<{ path: string; sample: FileDownload | null } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const generation = useRef(0);

  // A removed store is no longer a choice.
  useEffect(() => {
    if (accountId === null || !accounts.some((a) => a.id === accountId)) setAccountId(accounts[0]?.id ?? null);
  }, [accounts, accountId]);

  const options = (): UploadOptions => ({ account_id: accountId, marketplace: marketplace || null, carrier: carrier || null });

  const run = async (name: string, check: () => Promise<PreviewHandle>) => {
    const mine = ++generation.current;
    setChecking(name);
    setError(null);
    setPreview(null);
    setStatus(null);
    try {
      const p = await check();
      if (mine !== generation.current) return;
      setPreview(p);
      requestAnimationFrameSafe(() => previewHeading.current?.focus());
    } catch (e) {
      if (mine === generation.current) setError(i18n.error(e));
    } finally {
      if (mine === generation.current) setChecking(null);
    }
  };

  const checkPath = (path: string) => run(fileName(path), () => previewUploadFile(path, options()));

  const checkFile = async (file: File) => {
    if (file.size > MAX_UPLOAD_BYTES) {
      setPreview(null);
      setStatus(null);
      setError(
        i18n.error({
          code: 'upload-too-large',
          args: { size_mb: String(Math.ceil(file.size / (1024 * 1024))), max_mb: String(MAX_UPLOAD_BYTES / (1024 * 1024)) },
        }),
      );
      return;
    }
    await run(file.name, async () => {
      let bytes: Uint8Array;
      try {
        bytes = await readBytes(file);
      } catch {
        // A folder (or something else that is not a file) cannot be read as bytes.
        throw { code: 'upload-is-folder', args: { path: file.name } };
      }
      return previewUploadBytes(file.name, Array.from(bytes), options());
    });
  };

  // Files dropped on the window, wherever the pointer is, while this screen is shown.
  const onDrop = useRef<(p: DropPayload) => void>(() => undefined);
  onDrop.current = (p) => {
    if (p.type === 'enter' || p.type === 'over') setOver(true);
    else if (p.type === 'leave') setOver(false);
    else if (p.type === 'drop') {
      setOver(false);
      const paths = p.paths ?? [];
      if (paths.length === 0) return;
      setNotice(paths.length > 1 ? tr(i18n, 'orders-upload-several', { count: paths.length, name: fileName(paths[0]) }) : null);
      void checkPath(paths[0]);
    }
  };
  useEffect(() => listenForDrops((p) => onDrop.current(p)), []);

  const onChoose = (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    const files = el.files ? [...el.files] : [];
    if (files.length === 0) return;
    setNotice(files.length > 1 ? tr(i18n, 'orders-upload-several', { count: files.length, name: files[0].name }) : null);
    void checkFile(files[0]).finally(() => {
      // The same file chosen again (after fixing it) must fire `change` again.
      el.value = '';
    });
  };

  const queue = async () => {
    if (!preview || preview.problems.length > 0 || queueing) return;
    setQueueing(true);
    setError(null);
    try {
      const s = await queueUpload(preview.id);
      setStatus(s);
      setPreview(null);
      onQueued?.();
    } catch (e) {
      setError(i18n.error(e));
    } finally {
      setQueueing(false);
    }
  };

  // Progress: every second and on every replica change, until every batch was answered.
  const group = status && !status.done ? status.group : null;
  const rows = status?.rows ?? 0;
  useEffect(() => {
    if (group === null) return;
    let stopped = false;
    const read = () =>
      uploadStatus(group, rows).then(
        (s) => {
          if (!stopped) setStatus((old) => (old && old.group === s.group ? s : old));
        },
        () => undefined,
      );
    void read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [group, rows, revision]);

  const save = async (make: () => Promise<FileDownload>, sample: boolean) => {
    setSaveError(null);
    try {
      const file = await make();
      const path = await saveDownload(file);
      setSaved({ path, sample: sample ? file : null });
    } catch (e) {
      setSaved(null);
      setSaveError(i18n.error(e));
    }
  };
  const template = (kind: TemplateKind) => save(() => uploadTemplate(kind, accountId), false);
  const sample = () => {
    const id = accountId ?? accounts[0]?.id;
    if (id === undefined) return;
    void save(() => uploadSample(id), true);
  };
  const checkSample = (file: FileDownload) =>
    run(file.name, () => previewUploadBytes(file.name, Array.from(new TextEncoder().encode(file.text)), options()));

  const several = accounts.length > 1;
  return (
    <section class={`upload${over ? ' upload-over' : ''}`} data-testid="upload" data-over={over ? 'true' : 'false'} aria-labelledby="upload-heading">
      <h2 id="upload-heading">{tr(i18n, 'orders-upload-heading')}</h2>
      <p class="section-sub">{tr(i18n, 'orders-upload-intro')}</p>
      <div class="upload-options">
        {several && (
          <label class="field">
            <span>{tr(i18n, 'orders-upload-store')}</span>
            <select
              class="select"
              data-testid="upload-store"
              value={String(accountId ?? '')}
              onChange={(e) => setAccountId(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {accounts.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.display_name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span>{tr(i18n, 'orders-upload-marketplace')}</span>
          <select
            class="select"
            data-testid="upload-marketplace"
            value={marketplace}
            onChange={(e) => setMarketplace((e.currentTarget as HTMLSelectElement).value as Marketplace | '')}
          >
            <option value="">{tr(i18n, 'orders-upload-marketplace-auto')}</option>
            {MARKETPLACES.map((m) => (
              <option key={m} value={m}>
                {i18n.t(marketplaceId(m))}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{tr(i18n, 'orders-upload-carrier')}</span>
          <select class="select" data-testid="upload-carrier" value={carrier} onChange={(e) => setCarrier((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{tr(i18n, 'orders-upload-carrier-auto')}</option>
            {carriers.map((c) => (
              <option key={c} value={c}>
                {carrierName(i18n, c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="drop-zone" data-testid="upload-drop-zone" data-over={over ? 'true' : 'false'}>
        <label class="button primary upload-choose">
          {tr(i18n, 'orders-upload-choose')}
          <input
            ref={fileInput}
            class="upload-input"
            data-testid="upload-input"
            type="file"
            accept=".txt,.tsv,.csv,.xlsx"
            onChange={onChoose}
          />
        </label>
        <span class="drop-hint">{tr(i18n, over ? 'orders-upload-drop-over' : 'orders-upload-drop')}</span>
      </div>
      {notice && (
        <p class="notice notice-warn" data-testid="upload-notice">
          {notice}
        </p>
      )}
      {checking && (
        <p class="loading-inline" aria-busy="true" data-testid="upload-checking">
          <span class="spinner" aria-hidden="true" />
          {tr(i18n, 'orders-upload-checking', { name: checking })}
        </p>
      )}
      {error && (
        <p class="alert" role="alert" data-testid="upload-error">
          {error}
        </p>
      )}
      {preview && <Preview preview={preview} headingRef={previewHeading} queueing={queueing} onQueue={() => void queue()} />}
      {status && <Progress status={status} />}

      <div class="templates" data-testid="upload-templates">
        <h3>{tr(i18n, 'orders-templates-heading')}</h3>
        <div class="template-buttons">
          <button type="button" class="button" data-testid="template-flat-file" onClick={() => void template('flat_file')}>
            {tr(i18n, 'orders-template-flat')}
          </button>
          <button type="button" class="button" data-testid="template-csv" onClick={() => void template('csv')}>
            {tr(i18n, 'orders-template-csv')}
          </button>
          <button type="button" class="button" data-testid="template-sample" disabled={accounts.length === 0} onClick={sample}>
            {tr(i18n, 'orders-template-sample')}
          </button>
        </div>
        {saved && (
          <p class="template-saved" data-testid="template-saved" role="status">
            {tr(i18n, 'orders-template-saved')} <span class="mono path">{saved.path}</span>
            {saved.sample && (
              <button type="button" class="link-button" data-testid="template-check-sample" onClick={() => void checkSample(saved.sample!)}>
                {tr(i18n, 'orders-template-check')}
              </button>
            )}
          </p>
        )}
        {saveError && (
          <p class="alert" role="alert" data-testid="template-error">
            {saveError}
          </p>
        )}
      </div>
    </section>
  );
}

function requestAnimationFrameSafe(fn: () => void) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 0);
}

const KINDS = ['flat_file', 'csv', 'tsv', 'xlsx'];

function Preview({
  preview: p,
  headingRef,
  queueing,
  onQueue,
}: {
  preview: PreviewHandle;
  headingRef: { current: HTMLHeadingElement | null };
  queueing: boolean;
  onQueue: () => void;
}) {
  const i18n = useI18n();
  const clean = p.problems.length === 0;
  const kind = p.file_kind && KINDS.includes(p.file_kind) ? tr(i18n, `orders-upload-kind-${p.file_kind}`) : (p.file_kind ?? '–');
  return (
    <div class="upload-preview" data-testid="upload-preview" data-state={clean ? 'clean' : 'problems'}>
      <h3 ref={headingRef} tabIndex={-1} class="preview-name">
        {p.file_name}
      </h3>
      <p class="preview-facts" data-testid="upload-facts">
        {tr(i18n, 'orders-upload-kind', { kind, encoding: p.encoding ?? '–' })}
        {' · '}
        <span data-testid="upload-counts">{tr(i18n, 'orders-upload-counts', { valid: p.valid, rows: p.rows })}</span>
      </p>
      {p.orders_unchecked && (
        <p class="notice notice-warn" data-testid="upload-unchecked">
          {tr(i18n, 'orders-upload-unchecked')}
        </p>
      )}
      {!clean && (
        <>
          <h4 class="problems-heading" data-testid="upload-problems-heading">
            {tr(i18n, 'orders-upload-problems-heading', { count: p.problems.length })}
          </h4>
          <div class="table-wrap">
            <table class="data-table problems" data-testid="upload-problems">
              <thead>
                <tr>
                  <th scope="col">{tr(i18n, 'orders-upload-col-line')}</th>
                  <th scope="col">{tr(i18n, 'orders-upload-col-column')}</th>
                  <th scope="col">{tr(i18n, 'orders-upload-col-problem')}</th>
                </tr>
              </thead>
              <tbody>
                {p.problems.map((x, i) => (
                  <tr key={i} data-testid="upload-problem" data-line={x.line} data-code={x.code}>
                    <td class="num" data-testid="upload-problem-line">
                      {x.line === 0 ? tr(i18n, 'orders-upload-whole-file') : x.line}
                    </td>
                    <td data-testid="upload-problem-column">{x.column}</td>
                    <td data-testid="upload-problem-reason">{problemText(i18n, x)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {p.ambiguous.length > 0 && (
        <>
          <h4 class="problems-heading">{tr(i18n, 'orders-upload-ambiguous-heading', { count: p.ambiguous.length })}</h4>
          <ul class="ambiguous-list">
            {p.ambiguous.map((a) => (
              <li key={a.line} data-testid="upload-ambiguous" data-line={a.line}>
                {tr(i18n, 'orders-upload-ambiguous-row', {
                  line: a.line,
                  number: a.tracking_number,
                  order: a.order_id,
                  carriers: a.candidates.map((c) => carrierName(i18n, c)).join(', '),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="preview-actions">
        <button type="button" class="button primary" data-testid="upload-queue" disabled={!clean || queueing || p.valid === 0} onClick={onQueue}>
          {tr(i18n, 'orders-upload-queue', { count: p.valid })}
        </button>
        {!clean && <span class="hint">{tr(i18n, 'orders-upload-fix-first')}</span>}
      </div>
    </div>
  );
}

function Progress({ status: s }: { status: UploadStatus }) {
  const i18n = useI18n();
  const answered = s.sent + s.failed;
  return (
    <div class="upload-status" data-testid="upload-status" data-state={s.done ? 'done' : 'sending'} aria-live="polite">
      <progress class="progress" data-testid="upload-progress" max={Math.max(1, s.batches)} value={answered} />
      <p>
        {s.done ? tr(i18n, 'orders-upload-done', { count: s.results.length }) : tr(i18n, 'orders-upload-progress', { done: answered, batches: s.batches })}
      </p>
      {s.failed > 0 && (
        <p class="alert" data-testid="upload-failed">
          {tr(i18n, 'orders-upload-failed', { count: s.failed })}
        </p>
      )}
      {s.results.length > 0 && (
        <div class="table-wrap">
          <table class="data-table results" data-testid="upload-results">
            <caption>{tr(i18n, 'orders-upload-results-heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(i18n, 'orders-col-order')}</th>
                <th scope="col">{tr(i18n, 'orders-col-tracking')}</th>
                <th scope="col">{tr(i18n, 'orders-col-carrier')}</th>
              </tr>
            </thead>
            <tbody>
              {s.results.map((r) => (
                <tr key={r.row} data-testid="upload-result" data-order-id={r.order_id} data-ambiguous={r.carrier_ambiguous ? 'true' : 'false'}>
                  <td class="mono">{r.order_id}</td>
                  <td class="mono">{r.tracking_number}</td>
                  <td>
                    {carrierName(i18n, r.carrier)}
                    {r.carrier_ambiguous && (
                      <span class="flag flag-warn" data-testid="upload-result-ambiguous">
                        {tr(i18n, 'orders-upload-result-ambiguous')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
