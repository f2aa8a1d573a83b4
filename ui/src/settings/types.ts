// Until Part B generates them into ../bindings/ (ts-rs), these are the IPC types of the alert
// settings commands and events, written by hand with exactly the shape ts-rs gives the Rust types
// of csba-alerts and csba-app: snake_case fields, Option<T> → T | null, u16/u32 → number,
// DateTime<Utc> → string. The integrator swaps each for its generated twin.
import type { AccountId } from '../bindings/AccountId';

/** What has a deadline (csba_alerts::ObligationKind), in ObligationKind::ALL order below. */
export type ObligationKind = 'case_reply' | 'refund' | 'service_question' | 'identity_verification' | 'feedback_removal' | 'tracking';

/** Minutes before the deadline at which to alert, most distant first; 0 = when it passes. Empty: no alerts. */
export type KindThresholds = { kind: ObligationKind; minutes: Array<number> };

export type QuietHours = {
  /** Minutes after local midnight, 0..1440; the window may wrap midnight (22:00–07:00). */
  start: number;
  end: number;
  /** Still alert, during quiet hours, for what falls due inside them. */
  alert_due_inside: boolean;
};

export type AlertSettings = {
  /** One entry per kind, in ObligationKind::ALL order. */
  thresholds: Array<KindThresholds>;
  quiet_hours: QuietHours | null;
  /** Closing the window keeps the app in the tray (when there is a tray). */
  close_to_tray: boolean;
};

export type SnoozeChoice = 'one_hour' | 'until_tomorrow_morning' | 'off';

export type Availability = {
  available: boolean;
  /** Why not: a catalog message id (`desktop-no-tray-host`, …). */
  reason: string | null;
};

/** What the desktop offers; filled in by the shell, which probes it. */
export type DesktopSupport = {
  tray: Availability;
  notifications: Availability;
  /** Launch at login: null when the platform offers no way. */
  autostart: boolean | null;
};

export type AlertSettingsScreen = {
  settings: AlertSettings;
  defaults: AlertSettings;
  /** Local instant alerts resume; null when not snoozed. */
  snoozed_until: string | null;
  desktop: DesktopSupport;
  /** The desktop zone quiet hours are read in (IANA name). */
  zone: string;
};

export type NotificationCheck = { delivered: boolean; reason: string | null };

/** Where an alert leads: screen "case" / "order" (id = case id / order id), or another ScreenId. */
export type OpenTarget = { screen: string; account_id: AccountId; id: string };

/** The `desk-alert` event: an alert the desktop could not show (no notification daemon). */
export type DeskAlert = { title: string; body: string; targets: Array<OpenTarget> };
