//! How the web view is set up on Linux, where WebKitGTK's defaults suit a browser, not a forms
//! app that lives for hours beside other office software.

use tauri::{Manager, Runtime};

/// Tunes the main window's web view once it exists.
///
/// - Software rendering (`HardwareAccelerationPolicy::Never`): the screens are forms and tables
///   without animation, and the GPU path makes the web process load the GL stack (on machines
///   without a GPU driver, Mesa's llvmpipe and LLVM itself) and keep GPU-sized buffers.
/// - The document-viewer cache model: every page comes from the app bundle, so WebKit's memory
///   and disk caches for remote pages only cost memory.
pub fn tune<R: Runtime>(app: &tauri::App<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{
            CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
        };
        let view = webview.inner();
        if let Some(settings) = WebViewExt::settings(&view) {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
}
