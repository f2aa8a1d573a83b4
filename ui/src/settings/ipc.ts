// The alert settings commands of the shell, as generated into ../bindings/commands.ts (typed from
// their Rust signatures); errors reject as an IpcError that keeps its field (`errorField`).
export { getAlertSettings, setAlertSettings, snoozeAlerts, setAutostart, testNotification, getUpdateState, checkForUpdate, installUpdate, onUpdateChanged } from '../ipc';
