// Without this a console window opens next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    csba_desk_lib::run();
}
