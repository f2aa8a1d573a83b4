//! A display for the app: the desktop's own, or a private Xvfb for tests
//! and screenshots on a headless machine.

use crate::{cmd, Result};
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub fn available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()))
}

/// A running Xvfb; stopped on drop.
pub struct Xvfb {
    child: Child,
    pub display: String,
}

impl Xvfb {
    pub fn start() -> Result<Xvfb> {
        let number = (99..199)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .ok_or("no free X display number")?;
        let display = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([display.as_str(), "-screen", "0", "1366x860x24", "-nolisten", "tcp"])
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        let socket = format!("/tmp/.X11-unix/X{number}");
        let deadline = Instant::now() + Duration::from_secs(15);
        while !Path::new(&socket).exists() {
            if Instant::now() > deadline {
                return Err("Xvfb did not come up".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Xvfb { child, display })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A private D-Bus session bus, as every desktop session has one; stopped
/// on drop. Without it the app and WebKit would each try to reach or
/// autolaunch one, which no seller's desktop makes them do.
pub struct SessionBus {
    child: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> Result<SessionBus> {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start dbus-daemon: {e}"))?;
        let mut address = String::new();
        let stdout = child.stdout.take().ok_or("dbus-daemon has no stdout")?;
        BufReader::new(stdout).read_line(&mut address).map_err(|e| format!("dbus-daemon said nothing: {e}"))?;
        let address = address.trim().to_owned();
        if address.is_empty() {
            let _ = child.kill();
            return Err("dbus-daemon printed no address".into());
        }
        Ok(SessionBus { child, address })
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the app (under Xvfb when there is no display), waits for it to
/// render, and saves a screenshot of the screen.
pub fn screenshot_app(app: &Path, file: &Path) -> Result {
    let xvfb = if available() { None } else { Some(Xvfb::start()?) };
    let mut command = Command::new(app);
    command.env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    if let Some(x) = &xvfb {
        command.env("DISPLAY", &x.display);
    }
    let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", app.display()))?;
    std::thread::sleep(Duration::from_secs(8));
    let mut import = Command::new("import");
    import.args(["-window", "root"]).arg(file);
    if let Some(x) = &xvfb {
        import.env("DISPLAY", &x.display);
    }
    let shot = cmd::run(&mut import);
    let _ = child.kill();
    let _ = child.wait();
    shot?;
    eprintln!("xtask: screenshot saved to {}", file.display());
    Ok(())
}
