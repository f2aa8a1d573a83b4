fn main() {
    // Relative relocations packed (DT_RELR, glibc 2.36+): a PIE's 56,000
    // pointer fix-ups take 23 KB instead of 1.3 MB, which the loader read
    // at every start — 1.3 MB off the binary and off the running app's
    // memory. GNU ld drops the option by itself when the C library it links
    // against cannot load packed relocations, so the binary still runs where
    // it was built.
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    tauri_build::build()
}
