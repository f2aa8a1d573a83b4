//! Where CSBA Desk keeps its files. The app and the `csba` command use the
//! same directory, so both see the same replica.
//!
//! The folders follow Tauri's conventions for the app identifier
//! (`app_data_dir`, `app_log_dir` in tauri's path resolver), so what the
//! Tauri plugins keep (window state) and what we keep sit side by side:
//!
//! | OS      | data                                            | logs                                   |
//! |---------|-------------------------------------------------|----------------------------------------|
//! | Linux   | `$XDG_DATA_HOME/app.csbadesk.desktop`           | `$XDG_DATA_HOME/app.csbadesk.desktop/logs` |
//! | macOS   | `~/Library/Application Support/app.csbadesk.desktop` | `~/Library/Logs/app.csbadesk.desktop` |
//! | Windows | `%APPDATA%\app.csbadesk.desktop` (Roaming)       | `%LOCALAPPDATA%\app.csbadesk.desktop\logs` |
//!
//! (`$XDG_DATA_HOME` defaults to `~/.local/share`.) Paths stay `PathBuf`s
//! from the OS to the file system call: a seller called 佐藤 or 王 has a
//! home folder by that name, and nothing here turns it into text.

use std::path::{Path, PathBuf};

/// The app identifier, as in `src-tauri/tauri.conf.json`.
pub const APP_IDENTIFIER: &str = "app.csbadesk.desktop";

/// The OSes CSBA Desk ships on; each has its own folder conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    Windows,
}

impl Os {
    /// The OS this build runs on (the BSDs follow the XDG conventions too).
    pub const CURRENT: Os = if cfg!(target_os = "macos") {
        Os::MacOs
    } else if cfg!(windows) {
        Os::Windows
    } else {
        Os::Linux
    };
}

/// The folders the OS names for a user, as `dirs` finds them: on Windows
/// from the Known Folder API, on Linux from the XDG variables with their
/// defaults, on macOS under the home folder.
#[derive(Debug, Clone, Default)]
pub struct KnownFolders {
    pub home: Option<PathBuf>,
    /// Linux `$XDG_DATA_HOME`, macOS `~/Library/Application Support`,
    /// Windows `%APPDATA%` (FOLDERID_RoamingAppData).
    pub data: Option<PathBuf>,
    /// Linux `$XDG_DATA_HOME`, macOS `~/Library/Application Support`,
    /// Windows `%LOCALAPPDATA%` (FOLDERID_LocalAppData).
    pub local_data: Option<PathBuf>,
}

impl KnownFolders {
    pub fn of_this_user() -> KnownFolders {
        KnownFolders { home: dirs::home_dir(), data: dirs::data_dir(), local_data: dirs::data_local_dir() }
    }
}

/// The app's own folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFolders {
    /// The replica, the sandbox's database.
    pub data: PathBuf,
    /// The app's log files.
    pub logs: PathBuf,
}

/// The app's folders on `os` for a user with these known folders, or
/// `None` when the OS names none (no home at all). `override_dir` is
/// `CSBA_DATA_DIR` (tests, portable installs): everything goes under it.
pub fn app_folders(os: Os, known: &KnownFolders, override_dir: Option<&Path>) -> Option<AppFolders> {
    if let Some(dir) = override_dir.filter(|d| !d.as_os_str().is_empty()) {
        return Some(AppFolders { data: dir.to_path_buf(), logs: dir.join("logs") });
    }
    let data = known.data.as_ref()?.join(APP_IDENTIFIER);
    let logs = match os {
        // Console.app shows ~/Library/Logs.
        Os::MacOs => known.home.as_ref()?.join("Library").join("Logs").join(APP_IDENTIFIER),
        // Local, not Roaming: logs are this machine's, and a roaming
        // profile should not carry them from PC to PC.
        Os::Linux | Os::Windows => known.local_data.as_ref()?.join(APP_IDENTIFIER).join("logs"),
    };
    Some(AppFolders { data, logs })
}

/// This user's app folders on this OS (honouring `CSBA_DATA_DIR`).
pub fn folders() -> Option<AppFolders> {
    let override_dir = std::env::var_os("CSBA_DATA_DIR").map(PathBuf::from);
    app_folders(Os::CURRENT, &KnownFolders::of_this_user(), override_dir.as_deref())
}

/// `CSBA_DATA_DIR` when set (tests, portable installs), otherwise the OS
/// data directory (see the table above).
pub fn data_dir() -> Option<PathBuf> {
    folders().map(|f| f.data)
}

/// Where the app writes its log files (see the table above).
pub fn log_dir() -> Option<PathBuf> {
    folders().map(|f| f.logs)
}

/// The replica database inside a data directory.
pub fn replica_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("replica.sqlite")
}

/// The OS's Downloads folder (`~/Downloads`, `%USERPROFILE%\Downloads`),
/// where files the app makes for the seller go.
pub fn download_dir() -> Option<PathBuf> {
    dirs::download_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sellers' user names: Chinese, Japanese, Korean, and one with a space.
    const USERS: &[&str] = &["王", "佐藤", "김", "Li Wei"];

    /// The known folders as `dirs` reports them on `os` for `user`.
    fn known(os: Os, user: &str) -> KnownFolders {
        match os {
            Os::Linux => {
                let home = PathBuf::from(format!("/home/{user}"));
                let data = home.join(".local/share");
                KnownFolders { home: Some(home), data: Some(data.clone()), local_data: Some(data) }
            }
            Os::MacOs => {
                let home = PathBuf::from(format!("/Users/{user}"));
                let data = home.join("Library/Application Support");
                KnownFolders { home: Some(home), data: Some(data.clone()), local_data: Some(data) }
            }
            Os::Windows => {
                let home = PathBuf::from(format!(r"C:\Users\{user}"));
                KnownFolders {
                    data: Some(home.join("AppData").join("Roaming")),
                    local_data: Some(home.join("AppData").join("Local")),
                    home: Some(home),
                }
            }
        }
    }

    fn folders_of(os: Os, user: &str) -> AppFolders {
        app_folders(os, &known(os, user), None).unwrap_or_else(|| panic!("{os:?} {user}: no folders"))
    }

    /// Each path, component by component (separator-free, so a Windows
    /// path checks the same on a Linux host).
    fn parts(path: &Path) -> Vec<String> {
        path.components().map(|c| c.as_os_str().to_str().map(str::to_owned).unwrap_or_default()).collect()
    }

    #[test]
    fn linux_follows_xdg_data_home() {
        for user in USERS {
            let f = folders_of(Os::Linux, user);
            assert_eq!(f.data, PathBuf::from(format!("/home/{user}/.local/share/app.csbadesk.desktop")));
            assert_eq!(f.logs, PathBuf::from(format!("/home/{user}/.local/share/app.csbadesk.desktop/logs")));
        }
        // A moved XDG_DATA_HOME is followed (dirs reads the variable).
        let moved = KnownFolders {
            home: Some("/home/王".into()),
            data: Some("/data/王 的文件".into()),
            local_data: Some("/data/王 的文件".into()),
        };
        let f = app_folders(Os::Linux, &moved, None);
        assert_eq!(f.map(|f| f.data), Some(PathBuf::from("/data/王 的文件/app.csbadesk.desktop")));
    }

    #[test]
    fn macos_keeps_data_in_application_support_and_logs_in_library_logs() {
        for user in USERS {
            let f = folders_of(Os::MacOs, user);
            assert_eq!(
                f.data,
                PathBuf::from(format!("/Users/{user}/Library/Application Support/app.csbadesk.desktop"))
            );
            assert_eq!(f.logs, PathBuf::from(format!("/Users/{user}/Library/Logs/app.csbadesk.desktop")));
        }
    }

    #[test]
    fn windows_keeps_data_in_roaming_and_logs_in_local_app_data() {
        for user in USERS {
            let f = folders_of(Os::Windows, user);
            let data = parts(&f.data);
            let logs = parts(&f.logs);
            // On a Linux host `C:\Users\佐藤` is one component; on Windows
            // it is three. Either way the user's name is kept whole.
            let home = parts(Path::new(&format!(r"C:\Users\{user}")));
            assert_eq!(data, [home.clone(), vec!["AppData".into(), "Roaming".into(), APP_IDENTIFIER.into()]].concat());
            assert_eq!(
                logs,
                [home, vec!["AppData".into(), "Local".into(), APP_IDENTIFIER.into(), "logs".into()]].concat()
            );
            assert!(f.data.as_os_str().as_encoded_bytes().windows(user.len()).any(|w| w == user.as_bytes()));
        }
    }

    /// The exact text Windows gives these folders; runs on the Windows CI
    /// runner, where `\` is the separator.
    #[cfg(windows)]
    #[test]
    fn windows_paths_as_the_seller_sees_them() {
        let f = folders_of(Os::Windows, "佐藤");
        assert_eq!(f.data.to_str(), Some(r"C:\Users\佐藤\AppData\Roaming\app.csbadesk.desktop"));
        assert_eq!(f.logs.to_str(), Some(r"C:\Users\佐藤\AppData\Local\app.csbadesk.desktop\logs"));
    }

    #[test]
    fn an_override_holds_everything_and_an_empty_one_is_ignored() {
        let dir = PathBuf::from("/tmp/佐藤 王/csba");
        let f = app_folders(Os::Windows, &known(Os::Windows, "김"), Some(&dir));
        assert_eq!(f, Some(AppFolders { data: dir.clone(), logs: dir.join("logs") }));
        let f = app_folders(Os::Linux, &known(Os::Linux, "김"), Some(Path::new("")));
        assert_eq!(f.map(|f| f.data), Some(PathBuf::from("/home/김/.local/share/app.csbadesk.desktop")));
    }

    #[test]
    fn no_known_folders_means_no_app_folders() {
        assert_eq!(app_folders(Os::Linux, &KnownFolders::default(), None), None);
        let no_home = KnownFolders { home: None, ..known(Os::MacOs, "王") };
        assert_eq!(app_folders(Os::MacOs, &no_home, None), None, "macOS logs live under the home folder");
    }

    #[test]
    fn this_machine_resolves_its_own_folders() {
        let known = KnownFolders::of_this_user();
        if known.data.is_some() && known.home.is_some() {
            let f = app_folders(Os::CURRENT, &known, None);
            assert!(f.is_some_and(|f| f.data.ends_with(APP_IDENTIFIER)));
        }
    }
}
