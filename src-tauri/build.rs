// Declares the app's own commands so capabilities can grant exactly these and nothing else.
fn main() {
    println!("cargo:rerun-if-changed=src-tauri/app/commands/names.in");
    // The grants are compiled into the app too: a capability edited alone must rebuild it.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let commands: &[&str] = &include!("app/commands/names.in");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build step failed");
}
