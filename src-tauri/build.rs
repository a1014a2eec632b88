// Declares the app's own commands so capabilities can grant exactly these and nothing else.
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/app/commands/names.in");
    // What the window may call: a grant added there must reach the binary.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let commands: &[&str] = &include!("app/commands/names.in");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build step failed");
}
