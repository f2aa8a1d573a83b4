// The IPC types of the alert settings commands and events, generated from the Rust types of
// csba-alerts and csba-app (ts-rs, ui/src/bindings/), gathered for the settings and alert screens.
export type { ObligationKind } from '../bindings/ObligationKind';
export type { KindThresholds } from '../bindings/KindThresholds';
export type { QuietHours } from '../bindings/QuietHours';
export type { AlertSettings } from '../bindings/AlertSettings';
export type { SnoozeChoice } from '../bindings/SnoozeChoice';
export type { Availability } from '../bindings/Availability';
export type { DesktopSupport } from '../bindings/DesktopSupport';
export type { AlertSettingsScreen } from '../bindings/AlertSettingsScreen';
export type { NotificationCheck } from '../bindings/NotificationCheck';
export type { OpenTarget } from '../bindings/OpenTarget';
export type { DeskAlert } from '../bindings/DeskAlert';
export type { UpdateState } from '../bindings/UpdateState';
export type { UpdatePhase } from '../bindings/UpdatePhase';
export type { UpdateAction } from '../bindings/UpdateAction';
