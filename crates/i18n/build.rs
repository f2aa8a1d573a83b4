//! Embeds every `locales/<locale>/*.ftl` file into the binary, so the app and
//! the CLI carry their catalog with them and cannot start with a missing file.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let locales = manifest.join("../../locales").canonicalize()?;
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut entries = Vec::new();
    for dir in std::fs::read_dir(&locales)? {
        let dir = dir?.path();
        if !dir.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", dir.display());
        let Some(locale) = dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
        for file in std::fs::read_dir(&dir)? {
            let file = file?.path();
            if file.extension().and_then(|e| e.to_str()) == Some("ftl") {
                println!("cargo:rerun-if-changed={}", file.display());
                let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
                entries.push((locale.clone(), name, file));
            }
        }
    }
    entries.sort();

    let mut out = String::from(
        "/// (locale, file name, contents) of every catalog file.\npub static FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (locale, name, path) in entries {
        writeln!(out, "    ({locale:?}, {name:?}, include_str!({:?})),", path.display().to_string())?;
    }
    out.push_str("];\n");
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("catalog_files.rs"), out)?;
    Ok(())
}
