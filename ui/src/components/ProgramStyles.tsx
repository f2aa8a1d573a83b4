// The program screen's, the what-if's and the reply templates' own rules, on the palette of
// styles.css (its custom properties only, so both themes and their contrast checks apply).
const CSS = `
.program-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 16px; }
.program-card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 20px; }
.program-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.program-head h2 { margin: 0; font-size: 1.1rem; }
.program-section { margin-top: 14px; }
.program-section h3 { margin: 0 0 6px; font-size: 0.95rem; }
.program-section h4 { margin: 10px 0 4px; font-size: 0.9rem; color: var(--text-muted); }
.program-note { color: var(--text-muted); margin: 4px 0; }
.program-timeline, .program-periods { margin: 0; padding-left: 20px; }
.program-event-label { font-weight: 600; }
.program-lapse { background: var(--amber-soft); border: 1px solid var(--amber-border); color: var(--text); border-radius: 8px; padding: 8px 12px; }
.program-coverage { background: var(--accent-soft); border: 1px solid var(--accent-border); color: var(--text); border-radius: 8px; padding: 8px 12px; }
.program-pending { background: var(--accent-soft); color: var(--text); border-radius: 8px; padding: 6px 12px; }
.program-pending-failed { background: var(--red-soft); border: 1px solid var(--red-border); }
.program-checklist { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.program-check { display: flex; gap: 8px; flex-wrap: wrap; }
.program-check-mark { width: 1.2em; text-align: center; }
.program-check-met .program-check-mark { color: var(--green); }
.program-check-blocks .program-check-verdict, .program-field-error { color: var(--red-strong); }
.program-check-delays .program-check-verdict { color: var(--amber); }
.program-check-verdict { color: var(--text-muted); }
.program-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; }
.program-enroll { display: grid; gap: 6px; }
.program-facts { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 6px 0; }
.program-facts dt { color: var(--text-muted); font-size: 0.85rem; }
.program-facts dd { margin: 0; font-weight: 600; }
.program-whatif { margin-top: 12px; border-top: 1px solid var(--border); padding-top: 10px; }
.program-whatif-fields { display: flex; flex-wrap: wrap; gap: 10px; align-items: flex-end; }
.program-field-error { margin: 4px 0 0; }
.program-backdrop { position: fixed; inset: 0; background: var(--shadow); display: flex; align-items: center; justify-content: center; z-index: 50; }
.program-dialog { background: var(--surface); color: var(--text); border: 1px solid var(--border-strong); border-radius: var(--radius); padding: 20px 24px; max-width: 480px; box-shadow: 0 8px 32px var(--shadow); }
.program-dialog-title { margin: 0 0 8px; font-size: 1.05rem; }
.program-dialog-buttons { margin-top: 14px; }
.reply-tools { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.template-menu { position: relative; }
.template-list { position: absolute; z-index: 20; min-width: 240px; background: var(--surface); border: 1px solid var(--border-strong); border-radius: 8px; padding: 4px; margin: 4px 0 0; list-style: none; box-shadow: 0 4px 16px var(--shadow); }
.template-list li { display: flex; gap: 4px; }
.template-item { flex: 1; text-align: start; background: none; border: 0; padding: 6px 8px; border-radius: 6px; color: var(--text); cursor: pointer; font: inherit; }
.template-item:focus, .template-item:hover { background: var(--accent-soft); }
.template-save-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
`;

export function ProgramStyles() {
  return <style>{CSS}</style>;
}
