/** An error as the Rust backend reports it: a stable code plus arguments for the message. */
export type IpcError = { code: string; args: Record<string, string>; field?: string | null };

/** Normalises anything thrown by `invoke` (or by the JS side) into an IpcError. */
export function toIpcError(e: unknown): IpcError {
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string') {
    const { code, args, field } = e as { code: string; args?: unknown; field?: unknown };
    const clean: Record<string, string> = {};
    if (typeof args === 'object' && args !== null) {
      for (const [k, v] of Object.entries(args)) clean[k] = String(v);
    }
    // The form field the error is about, so a form can show it there.
    return typeof field === 'string' ? { code, args: clean, field } : { code, args: clean };
  }
  return { code: 'unknown', args: {} };
}
