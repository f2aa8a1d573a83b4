import type { DraftView } from './ipc';

/** Save this long after the last keystroke… */
export const SAVE_DELAY_MS = 400;
/** …but never let typed text stay unsaved longer than this, even while the seller keeps typing. */
export const SAVE_MAX_WAIT_MS = 1000;
/** A failed save is tried again after this long, even if the seller does nothing. */
export const SAVE_RETRY_MS = 5000;

export type SaveStatus = {
  /** Text is typed but not stored yet (waiting for the debounce or on its way). */
  saving: boolean;
  /** Why the last save failed; cleared by the next successful one. */
  error: unknown;
  /** When the stored draft was written (null: there is no draft). */
  savedAt: string | null;
};

type Save = (body: string) => Promise<DraftView | null>;

/**
 * Keeps the reply box's text in the replica: debounced while typing, at once
 * on flush() (blur, Back, unmount, page hide), one save at a time and always
 * ending with the newest text, so a slow save can never overwrite a newer one.
 * It knows nothing about Preact so the timing can be tested on its own.
 */
export class DraftSaver {
  private text: string;
  /** The text the replica holds, as far as we know. */
  private stored: string;
  private dirtySince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private status: SaveStatus;
  private listener: ((s: SaveStatus) => void) | null = null;

  constructor(
    private readonly save: Save,
    initial: DraftView | null,
  ) {
    this.text = initial?.body ?? '';
    this.stored = this.text;
    this.status = { saving: false, error: null, savedAt: initial?.updated_at ?? null };
  }

  subscribe(listener: (s: SaveStatus) => void): void {
    this.listener = listener;
  }

  /** Stops reporting and retrying on its own; a save already running still finishes. */
  dispose(): void {
    this.listener = null;
    this.clearRetry();
  }

  get current(): SaveStatus {
    return this.status;
  }

  /** The seller typed: schedule a save. */
  change(text: string): void {
    this.text = text;
    if (text === this.stored) {
      this.dirtySince = null;
      this.clearTimer();
      // Back to what is stored: nothing is at risk any more.
      this.update({ saving: this.inFlight !== null, error: this.inFlight ? this.status.error : null });
      return;
    }
    const now = Date.now();
    this.dirtySince ??= now;
    const wait = Math.max(0, Math.min(SAVE_DELAY_MS, this.dirtySince + SAVE_MAX_WAIT_MS - now));
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), wait);
    this.update({ saving: true });
  }

  /**
   * Saves the newest text now (nothing when it is already stored) and
   * resolves once it is stored or the save failed. The first request goes
   * out synchronously, so a flush during unmount still reaches the backend.
   */
  async flush(): Promise<void> {
    this.clearTimer();
    for (;;) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.text === this.stored) return;
      const body = this.text;
      this.inFlight = this.run(body);
      const ok = await this.inFlight;
      this.inFlight = null;
      // Stop after a failure (the retry timer takes over) rather than hammering the backend.
      if (!ok) return;
    }
  }

  /** Waits for a save that is running, without starting one. */
  async settle(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
  }

  /** The backend now holds `text` without our help (a sent reply deleted the draft). */
  reset(text: string): void {
    this.clearTimer();
    this.clearRetry();
    this.text = text;
    this.stored = text;
    this.dirtySince = null;
    this.update({ saving: false, error: null, savedAt: null });
  }

  private async run(body: string): Promise<boolean> {
    this.clearRetry();
    this.dirtySince = null;
    this.update({ saving: true });
    try {
      const draft = await this.save(body);
      this.stored = body;
      this.update({
        saving: this.text !== body,
        error: null,
        savedAt: draft?.updated_at ?? null,
      });
      return true;
    } catch (error) {
      this.update({ saving: false, error });
      if (this.listener) this.retryTimer = setTimeout(() => void this.flush(), SAVE_RETRY_MS);
      return false;
    }
  }

  private update(patch: Partial<SaveStatus>): void {
    this.status = { ...this.status, ...patch };
    this.listener?.(this.status);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
